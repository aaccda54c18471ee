import { IdfTable, type TermVector } from './scoring.ts';

interface Posting {
  doc: number;
  /** idf-weighted and divided by the document's norm. */
  weight: number;
}

export interface QuestionScores {
  /** Cosine to the closest example question of each target. */
  best: Map<number, number>;
  /** Mean cosine of each target's three closest examples: several similar examples is a
   *  stronger sign than one lucky overlap. */
  top: Map<number, number>;
}

const TOP = 3;

/** TF-IDF cosine between a question and every example question, through an inverted index. */
export class QuestionIndex {
  private readonly idf: IdfTable;
  private readonly postings = new Map<string, Posting[]>();
  private readonly docTarget: number[];

  constructor(docs: readonly { target: number; vector: TermVector }[], unknownShare: number) {
    this.idf = new IdfTable(
      docs.map((doc) => doc.vector.keys()),
      unknownShare,
    );
    this.docTarget = docs.map((doc) => doc.target);
    docs.forEach((doc, index) => this.add(index, doc.vector));
  }

  private add(doc: number, vector: TermVector): void {
    let norm = 0;
    for (const [term, weight] of vector) norm += (weight * this.idf.get(term)) ** 2;
    if (norm === 0) return;
    norm = Math.sqrt(norm);
    for (const [term, weight] of vector) {
      const list = this.postings.get(term) ?? [];
      list.push({ doc, weight: (weight * this.idf.get(term)) / norm });
      this.postings.set(term, list);
    }
  }

  score(query: TermVector): QuestionScores {
    const dot = new Map<number, number>();
    let norm = 0;
    for (const [term, weight] of query) {
      const value = weight * this.idf.get(term);
      norm += value * value;
      for (const posting of this.postings.get(term) ?? []) {
        dot.set(posting.doc, (dot.get(posting.doc) ?? 0) + value * posting.weight);
      }
    }
    const perTarget = new Map<number, number[]>();
    for (const [doc, sum] of dot) {
      const target = this.docTarget[doc] ?? 0;
      const list = perTarget.get(target) ?? [];
      list.push(sum / Math.sqrt(norm));
      perTarget.set(target, list);
    }
    const best = new Map<number, number>();
    const top = new Map<number, number>();
    for (const [target, list] of perTarget) {
      list.sort((a, b) => b - a);
      best.set(target, list[0] ?? 0);
      top.set(target, list.slice(0, TOP).reduce((sum, value) => sum + value, 0) / TOP);
    }
    return { best, top };
  }
}
