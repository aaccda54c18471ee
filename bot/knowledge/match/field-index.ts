import { IdfTable, isPair, type TermVector } from './scoring.ts';

const K1 = 1.2;
const B = 0.75;

/**
 * Target-level signals. Coverage: the share of the question's idf mass (idf over targets)
 * whose words the target's questions, title or keywords contain; an unknown word keeps its
 * mass, so a question about salary or the VPN cannot reach a high share. Body: BM25 of the
 * question against the answer text, divided by its maximum so it lies in 0..1.
 */
export class FieldIndex {
  private readonly idf: IdfTable;
  private readonly targetsByTerm = new Map<string, number[]>();
  private readonly bodyIdf: IdfTable;
  private readonly bodyPostings = new Map<string, { target: number; tf: number }[]>();
  private readonly bodyLength: number[];
  private readonly averageBody: number;

  constructor(vocabularies: readonly Set<string>[], bodies: readonly Map<string, number>[], unknownShare: number) {
    this.idf = new IdfTable(vocabularies, unknownShare);
    vocabularies.forEach((terms, target) => {
      for (const term of terms) {
        const list = this.targetsByTerm.get(term) ?? [];
        list.push(target);
        this.targetsByTerm.set(term, list);
      }
    });
    this.bodyIdf = new IdfTable(
      bodies.map((body) => body.keys()),
      unknownShare,
    );
    this.bodyLength = bodies.map((body) => [...body.values()].reduce((sum, tf) => sum + tf, 0));
    this.averageBody = this.bodyLength.reduce((sum, n) => sum + n, 0) / Math.max(1, bodies.length);
    bodies.forEach((body, target) => {
      for (const [term, tf] of body) {
        const list = this.bodyPostings.get(term) ?? [];
        list.push({ target, tf });
        this.bodyPostings.set(term, list);
      }
    });
  }

  coverage(query: TermVector): Map<number, number> {
    return this.accumulate(query, this.idf, (term, add) => this.each(term, add), true);
  }

  /** The idf mass a target matches, not divided by the question's: a question of only
   *  common words ("teams werkt niet") has little evidence however well it is covered. */
  evidence(query: TermVector): Map<number, number> {
    return this.accumulate(query, this.idf, (term, add) => this.each(term, add), false);
  }

  private each(term: string, add: (target: number, share: number) => void): void {
    for (const target of this.targetsByTerm.get(term) ?? []) add(target, 1);
  }

  body(query: TermVector): Map<number, number> {
    const scores = this.accumulate(query, this.bodyIdf, (term, add) => {
      for (const { target, tf } of this.bodyPostings.get(term) ?? []) {
        const length = (this.bodyLength[target] ?? 0) / (this.averageBody || 1);
        add(target, tf / (tf + K1 * (1 - B + B * length)));
      }
    }, true);
    return scores;
  }

  /** Σ weight·idf·share(target, term) over the query's words, divided by Σ weight·idf. */
  private accumulate(
    query: TermVector,
    idf: IdfTable,
    each: (term: string, add: (target: number, share: number) => void) => void,
    normalise: boolean,
  ): Map<number, number> {
    const scores = new Map<number, number>();
    let mass = 0;
    for (const [term, weight] of query) {
      if (isPair(term)) continue;
      const value = weight * idf.get(term);
      mass += value;
      each(term, (target, share) => scores.set(target, (scores.get(target) ?? 0) + value * share));
    }
    if (normalise && mass > 0) for (const [target, value] of scores) scores.set(target, value / mass);
    return scores;
  }
}
