/**
 * Finds the closest known word for a typo ("vertrouwenspesoon", "whatsap") with
 * Damerau-Levenshtein distance (the optimal-string-alignment form: swapped neighbours
 * count as one edit). Typos rarely hit the first letter (allowing it turns
 * "morgen" into "zorgen"), so words are kept in buckets by first letter and length; shared
 * character pairs filter a bucket before the exact distance is computed. That keeps a
 * lookup well under a millisecond with tens of thousands of words.
 */
export class FuzzyVocabulary {
  /** Only the words themselves: a character pair is looked up in the word's text, which
   *  answers the same as a set of its pairs and keeps no set per word. */
  private readonly buckets = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const text of new Set(words)) {
      if (text.length < 4) continue;
      const key = bucketKey(text[0] ?? '', text.length);
      const list = this.buckets.get(key) ?? [];
      list.push(text);
      this.buckets.set(key, list);
    }
  }

  /** The nearest word within the allowed distance, or undefined. */
  nearest(word: string): string | undefined {
    const maxDistance = word.length >= 9 ? 2 : 1;
    const grams = new Set(bigrams(word));
    // One edit destroys at most two character pairs, a transposition three.
    const needed = Math.max(1, grams.size - 3 * maxDistance);
    let best: string | undefined;
    let bestDistance = maxDistance + 1;
    for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      for (const candidate of this.buckets.get(bucketKey(word[0] ?? '', length)) ?? []) {
        if (shared(grams, candidate) < needed) continue;
        // Two edits only when the second letter agrees too: "aanspreken" is not "afspreken".
        const d = boundedDistance(word, candidate, maxDistance);
        if (d === 2 && candidate[1] !== word[1]) continue;
        if (
          d < bestDistance ||
          (d === bestDistance && best !== undefined && prefer(word, candidate, best))
        ) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return bestDistance <= maxDistance ? best : undefined;
  }
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau-Levenshtein (optimal string alignment) distance, or limit + 1 as soon as it must
 * exceed the limit. Three reused rows: natural's version allocates a matrix of objects per
 * call, and with hundreds of calls per question that garbage showed up as pauses.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > (rows[0]?.length ?? 0))
    rows.forEach((_, i) => (rows[i] = new Int32Array(b.length + 1)));
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? 0, limit + 1);
}

const bucketKey = (first: string, length: number): string => `${first}${length}`;

function bigrams(word: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i < word.length - 1; i++) grams.push(word.slice(i, i + 2));
  return grams;
}

/** How many of the character pairs occur in the word. */
function shared(grams: ReadonlySet<string>, word: string): number {
  let count = 0;
  for (const gram of grams) if (word.includes(gram)) count++;
  return count;
}

/** Tie-break between equally distant words: the longer shared prefix wins. */
function prefer(word: string, candidate: string, current: string): boolean {
  return commonPrefix(word, candidate) > commonPrefix(word, current);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
