import distance from 'natural/lib/natural/distance/levenshtein_distance.js';

/**
 * Finds the closest known word for a typo ("vertrouwenspesoon", "whatsap") with
 * Damerau-Levenshtein distance. Candidates come from a character-bigram index, so the cost
 * stays small when the vocabulary grows to tens of thousands of words.
 */
export class FuzzyVocabulary {
  private readonly words: string[];
  private readonly byBigram = new Map<string, number[]>();
  private readonly shared: Uint16Array;

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    this.words.forEach((word, index) => {
      for (const gram of new Set(bigrams(word))) {
        const list = this.byBigram.get(gram) ?? [];
        list.push(index);
        this.byBigram.set(gram, list);
      }
    });
    this.shared = new Uint16Array(this.words.length);
  }

  /** The nearest word within the allowed distance, or undefined. */
  nearest(word: string): string | undefined {
    const maxDistance = word.length >= 9 ? 2 : 1;
    const candidates = this.candidates(word, maxDistance);
    let best: string | undefined;
    let bestDistance = maxDistance + 1;
    for (const candidate of candidates) {
      // Typos rarely hit the first letters; allowing it turns "morgen" into "zorgen" and
      // "aanspreken" into "afspreken".
      if (candidate[0] !== word[0]) continue;
      const d = distance.DamerauLevenshteinDistance(word, candidate);
      if (d === 2 && candidate[1] !== word[1]) continue;
      if (d < bestDistance || (d === bestDistance && best !== undefined && prefer(word, candidate, best))) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= maxDistance ? best : undefined;
  }

  private candidates(word: string, maxDistance: number): string[] {
    const grams = [...new Set(bigrams(word))];
    // One edit destroys at most two bigrams, a transposition three.
    const needed = Math.max(1, grams.length - 3 * maxDistance);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const index of this.byBigram.get(gram) ?? []) {
        if (this.shared[index] === 0) touched.push(index);
        this.shared[index] = (this.shared[index] ?? 0) + 1;
      }
    }
    const result: string[] = [];
    for (const index of touched) {
      const candidate = this.words[index] ?? '';
      const close = Math.abs(candidate.length - word.length) <= maxDistance;
      if (close && (this.shared[index] ?? 0) >= needed) result.push(candidate);
      this.shared[index] = 0;
    }
    return result;
  }
}

function bigrams(word: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i < word.length - 1; i++) grams.push(word.slice(i, i + 2));
  return grams;
}

/** Tie-break between equally distant words: same first letter, then longer shared prefix. */
function prefer(word: string, candidate: string, current: string): boolean {
  return commonPrefix(word, candidate) > commonPrefix(word, current);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
