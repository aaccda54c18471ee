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
  /** The postings of term number t (see IdfTable) are [start[t], start[t + 1]) of `docs` and
   *  `weights`: the examples that have the term, in order, and the term's idf-weighted weight
   *  in each divided by the example's norm. */
  private readonly start: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly weights: Float64Array;
  private readonly docTarget: Int32Array;
  private readonly dot: Float64Array;
  private readonly touchedDocs: number[] = [];
  /** The three best cosines per target, as a flat array of targets × 3. */
  private readonly best3: Float64Array;
  private readonly maxDocs: number;

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
    const idf = new IdfTable(
      docs.map((doc) => doc.vector.keys()),
      unknownShare,
    );
    this.idf = idf;
    this.maxDocs = maxDocs;
    this.docTarget = Int32Array.from(docs.map((doc) => doc.target));
    this.dot = new Float64Array(docs.length);
    this.best3 = new Float64Array(targets * TOP);
    // An example whose terms all weigh nothing has no postings.
    const norms = docs.map((doc) => {
      let norm = 0;
      for (const [term, weight] of doc.vector) norm += (weight * idf.get(term)) ** 2;
      return Math.sqrt(norm);
    });
    const start = new Uint32Array(idf.size + 1);
    docs.forEach((doc, index) => {
      if (norms[index] === 0) return;
      for (const term of doc.vector.keys()) {
        const next = (idf.id(term) ?? 0) + 1;
        start[next] = (start[next] ?? 0) + 1;
      }
    });
    for (let t = 0; t < idf.size; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
    const total = start[idf.size] ?? 0;
    this.start = start;
    this.docs = new Uint32Array(total);
    this.weights = new Float64Array(total);
    const filled = start.slice(0, idf.size);
    docs.forEach((doc, index) => {
      const norm = norms[index] ?? 0;
      if (norm === 0) return;
      for (const [term, weight] of doc.vector) {
        const id = idf.id(term) ?? 0;
        const at = filled[id] ?? 0;
        this.docs[at] = index;
        this.weights[at] = (weight * idf.get(term)) / norm;
        filled[id] = at + 1;
      }
    });
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
      const id = this.idf.id(term);
      if (id === undefined) continue;
      const from = this.start[id] ?? 0;
      const to = this.start[id + 1] ?? 0;
      if (to - from > this.maxDocs) continue;
      for (let i = from; i < to; i++) {
        const doc = this.docs[i] ?? 0;
        if (this.dot[doc] === 0) this.touchedDocs.push(doc);
        this.dot[doc] = (this.dot[doc] ?? 0) + value * (this.weights[i] ?? 0);
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
