import type { AnalyzedText } from '../text/analyzer.ts';

export type TermVector = Map<string, number>;

/** Term → weight (the highest when a term occurs twice); word pairs get the pair weight. */
export function toVector(analysis: AnalyzedText, pairWeight: number): TermVector {
  const vector: TermVector = new Map();
  for (const { term, weight } of analysis.terms)
    vector.set(term, Math.max(weight, vector.get(term) ?? 0));
  if (pairWeight > 0) for (const pair of analysis.bigrams) vector.set(pair, pairWeight);
  return vector;
}

export const isPair = (term: string): boolean => term.includes('_');

/** BM25's idf: always positive, highest for a term that few documents have. */
export function idf(documents: number, withTerm: number): number {
  return Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}

/**
 * Document frequency → idf for every term, plus the idf an unseen term gets. Each known term
 * has a number (in the order first seen), so an index can keep its data per term in typed
 * arrays instead of another map of strings.
 */
export class IdfTable {
  private readonly ids = new Map<string, number>();
  private readonly values: Float64Array;
  readonly unknown: number;

  constructor(documents: Iterable<Iterable<string>>, unknownShare: number) {
    const frequency: number[] = [];
    let count = 0;
    for (const terms of documents) {
      count += 1;
      for (const term of new Set(terms)) {
        const id = this.ids.get(term);
        if (id === undefined) {
          this.ids.set(term, frequency.length);
          frequency.push(1);
        } else frequency[id] = (frequency[id] ?? 0) + 1;
      }
    }
    this.values = new Float64Array(frequency.length);
    frequency.forEach((df, id) => (this.values[id] = idf(count, df)));
    this.unknown = idf(count, 0) * unknownShare;
  }

  /** How many terms the table knows; their numbers are 0 up to this. */
  get size(): number {
    return this.values.length;
  }

  /** The term's number, or undefined for a term no document has. */
  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Unknown single words keep their mass (so out-of-scope questions score low); unknown
   *  pairs are simply absent. */
  get(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? (isPair(term) ? 0 : this.unknown) : (this.values[id] ?? 0);
  }
}
