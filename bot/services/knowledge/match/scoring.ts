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

/** Document frequency → idf for every term, plus the idf an unseen term gets. */
export class IdfTable {
  private readonly values = new Map<string, number>();
  readonly unknown: number;

  constructor(documents: Iterable<Iterable<string>>, unknownShare: number) {
    const frequency = new Map<string, number>();
    let count = 0;
    for (const terms of documents) {
      count += 1;
      for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
    for (const [term, df] of frequency) this.values.set(term, idf(count, df));
    this.unknown = idf(count, 0) * unknownShare;
  }

  /** Unknown single words keep their mass (so out-of-scope questions score low); unknown
   *  pairs are simply absent. */
  get(term: string): number {
    return this.values.get(term) ?? (isPair(term) ? 0 : this.unknown);
  }

  has(term: string): boolean {
    return this.values.has(term);
  }
}
