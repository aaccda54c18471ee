import { IdfTable, isPair, type TermVector } from './scoring.ts';
import type { TargetScores } from './scratch.ts';

const K1 = 1.2;
const B = 0.75;

/**
 * Target-level signals. Coverage: the share of the question's idf mass (idf over targets)
 * whose words the target's questions, title or keywords contain; an unknown word keeps its
 * mass, so a question about salary or the VPN cannot reach a high share. Evidence: the
 * same mass, not divided: a question of only common words ("teams werkt niet") has little
 * evidence however well it is covered. Body: BM25 of the question against the answer text,
 * divided by its maximum so it lies in 0..1.
 */
export class FieldIndex {
  private readonly idf: IdfTable;
  private readonly targetsByTerm = new Map<string, number[]>();
  private readonly bodyIdf: IdfTable;
  /** term → flat pairs [target, saturated tf, …]. */
  private readonly bodyPostings = new Map<string, number[]>();

  constructor(
    vocabularies: readonly Set<string>[],
    bodies: readonly Map<string, number>[],
    unknownShare: number,
  ) {
    this.idf = new IdfTable(vocabularies, unknownShare);
    vocabularies.forEach((terms, target) => {
      for (const term of terms) push(this.targetsByTerm, term, target);
    });
    this.bodyIdf = new IdfTable(
      bodies.map((body) => body.keys()),
      unknownShare,
    );
    const lengths = bodies.map((body) => [...body.values()].reduce((sum, tf) => sum + tf, 0));
    const average = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, bodies.length) || 1;
    bodies.forEach((body, target) => {
      const norm = 1 - B + (B * (lengths[target] ?? 0)) / average;
      for (const [term, tf] of body) push(this.bodyPostings, term, target, tf / (tf + K1 * norm));
    });
  }

  score(query: TermVector, out: TargetScores): void {
    let mass = 0;
    let bodyMass = 0;
    for (const [term, weight] of query) {
      if (isPair(term)) continue;
      const value = weight * this.idf.get(term);
      mass += value;
      for (const target of this.targetsByTerm.get(term) ?? []) {
        out.touch(target);
        out.evidence[target] = (out.evidence[target] ?? 0) + value;
      }
      const bodyValue = weight * this.bodyIdf.get(term);
      bodyMass += bodyValue;
      const list = this.bodyPostings.get(term);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const target = list[i] ?? 0;
        out.touch(target);
        out.body[target] = (out.body[target] ?? 0) + bodyValue * (list[i + 1] ?? 0);
      }
    }
    for (const target of out.touched) {
      out.coverage[target] = mass > 0 ? (out.evidence[target] ?? 0) / mass : 0;
      out.body[target] = bodyMass > 0 ? (out.body[target] ?? 0) / bodyMass : 0;
    }
  }
}

function push(map: Map<string, number[]>, key: string, ...values: number[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}
