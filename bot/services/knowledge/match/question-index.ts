import { IdfTable, type TermVector } from './scoring.ts';
import type { TargetScores } from './scratch.ts';

const TOP = 3;

/**
 * TF-IDF cosine between a question and every example question, through an inverted index.
 * Per target it keeps the closest example (best) and the mean of the three closest (top):
 * several similar examples is a stronger sign than one lucky overlap.
 */
export class QuestionIndex {
  private readonly idf: IdfTable;
  /** term → flat pairs [doc, weight, doc, weight, …]; weight is idf-weighted and divided
   *  by the document's norm. */
  private readonly postings = new Map<string, number[]>();
  private readonly docTarget: Int32Array;
  private readonly dot: Float64Array;
  private readonly touchedDocs: number[] = [];
  /** The three best cosines per target, as a flat array of targets × 3. */
  private readonly best3: Float64Array;
  private readonly maxPostings: number;

  /**
   * `maxDocs`: a term found in more examples than this is not walked at query time. It still
   * counts in every norm, so cosines keep their meaning. In the bureau's own knowledge base
   * only the very commonest letter n-gram ("en>", a plural ending, in about 500 examples)
   * passes the limit, and no evaluation answer changes; a base of thousands of entries has
   * such n-grams in tens of thousands of examples, which would cost more than the rest of a
   * match (p99 at 2,000 entries: about 6 ms without the limit, about 4 ms with it).
   */
  constructor(
    docs: readonly { target: number; vector: TermVector }[],
    targets: number,
    unknownShare: number,
    maxDocs = Infinity,
  ) {
    this.idf = new IdfTable(
      docs.map((doc) => doc.vector.keys()),
      unknownShare,
    );
    this.maxPostings = maxDocs * 2;
    this.docTarget = Int32Array.from(docs.map((doc) => doc.target));
    this.dot = new Float64Array(docs.length);
    this.best3 = new Float64Array(targets * TOP);
    docs.forEach((doc, index) => this.add(index, doc.vector));
  }

  private add(doc: number, vector: TermVector): void {
    let norm = 0;
    for (const [term, weight] of vector) norm += (weight * this.idf.get(term)) ** 2;
    if (norm === 0) return;
    norm = Math.sqrt(norm);
    for (const [term, weight] of vector) {
      const list = this.postings.get(term) ?? [];
      list.push(doc, (weight * this.idf.get(term)) / norm);
      this.postings.set(term, list);
    }
  }

  /** Hands each touched target's best cosine and mean of the three best to `write`. */
  score(
    query: TermVector,
    out: TargetScores,
    write: (target: number, best: number, top: number) => void,
  ): void {
    let norm = 0;
    for (const [term, weight] of query) {
      const value = weight * this.idf.get(term);
      norm += value * value;
      const list = this.postings.get(term);
      if (!list || list.length > this.maxPostings) continue;
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i] ?? 0;
        if (this.dot[doc] === 0) this.touchedDocs.push(doc);
        this.dot[doc] = (this.dot[doc] ?? 0) + value * (list[i + 1] ?? 0);
      }
    }
    const length = Math.sqrt(norm);
    for (const doc of this.touchedDocs) {
      const target = this.docTarget[doc] ?? 0;
      out.touch(target);
      this.insert(target, (this.dot[doc] ?? 0) / length);
      this.dot[doc] = 0;
    }
    this.touchedDocs.length = 0;
    for (const target of out.touched) {
      const at = target * TOP;
      const best = this.best3[at] ?? 0;
      write(target, best, (best + (this.best3[at + 1] ?? 0) + (this.best3[at + 2] ?? 0)) / TOP);
      this.best3.fill(0, at, at + TOP);
    }
  }

  /** Keeps the three highest cosines of a target in descending order. */
  private insert(target: number, cosine: number): void {
    const at = target * TOP;
    for (let k = 0; k < TOP; k++) {
      if (cosine > (this.best3[at + k] ?? 0)) {
        for (let j = TOP - 1; j > k; j--) this.best3[at + j] = this.best3[at + j - 1] ?? 0;
        this.best3[at + k] = cosine;
        return;
      }
    }
  }
}
