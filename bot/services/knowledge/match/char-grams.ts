import type { TermVector } from './scoring.ts';

const SIZES = [3, 4];

/**
 * Letter n-grams of the content words, each word padded with < and > so beginnings and
 * endings count. They see what the word terms miss: a typo that fuzzy correction did not
 * dare to fix, a compound the splitter could not split, an inflection the stemmer kept
 * apart ("gepest", "pesterijen", "pestkoppen" share "pes" and "est"). The padding avoids "_",
 * which marks word pairs in the term vectors.
 */
export function charGrams(words: readonly string[]): TermVector {
  const vector: TermVector = new Map();
  for (const word of words) {
    const padded = `<${word}>`;
    for (const size of SIZES) {
      for (let i = 0; i + size <= padded.length; i++) {
        const gram = padded.slice(i, i + size);
        vector.set(gram, (vector.get(gram) ?? 0) + 1);
      }
    }
  }
  return vector;
}
