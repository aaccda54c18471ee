import { Analyzer, type AnalyzedText } from '../text/analyzer.ts';
import { stem } from '../text/morphology.ts';
import { SynonymTable, type SynonymGroup } from '../text/synonyms.ts';
import type { ModelWeights } from '../tuning.ts';
import type { TargetText } from './targets.ts';

export interface Candidate {
  /** Index into `targets`. */
  index: number;
  raw: number;
}

interface Posting {
  doc: number;
  /** idf-weighted, divided by the document's norm. */
  weight: number;
}

/**
 * TF-IDF over the example questions (and title) of every target, idf counted over targets.
 * raw = question-share × best cosine to one example question
 *     + (1 − question-share) × the share of the question's idf mass the target knows.
 * Unknown words keep their idf mass on the query side, so a question about salary or the
 * VPN, whose words the index has never seen, cannot score high.
 */
export class MatchIndex {
  readonly targets: readonly TargetText[];
  readonly analyzer: Analyzer;
  private readonly weights: ModelWeights;
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly postings = new Map<string, Posting[]>();
  private readonly targetsByTerm = new Map<string, number[]>();
  private readonly docTarget: number[] = [];

  constructor(targets: readonly TargetText[], groups: readonly SynonymGroup[], weights: ModelWeights) {
    this.targets = targets;
    this.weights = weights;
    const synonyms = new SynonymTable(groups);
    const plain = new Analyzer({ synonyms, weights });
    const vocabulary = new Set<string>();
    const surfaces = new Set<string>();
    for (const text of targets.flatMap(allTexts)) {
      for (const word of plain.contentWords(text)) {
        vocabulary.add(stem(word));
        if (word.length >= 4) surfaces.add(word);
      }
    }
    for (const [variant] of synonyms.singleWordVariants()) if (variant.length >= 4) surfaces.add(variant);
    const indexer = new Analyzer({ synonyms, weights, vocabulary });
    const docs = this.analyzeTargets(indexer);
    const known = new Set([...this.targetsByTerm.keys()].filter((term) => !term.includes('_')));
    this.analyzer = new Analyzer({ synonyms, weights, vocabulary: known, fuzzyWords: surfaces });
    const n = targets.length;
    for (const [term, list] of this.targetsByTerm) this.idf.set(term, idf(n, list.length));
    this.unknownIdf = idf(n, 0) * weights.unknown;
    docs.forEach((vector, doc) => this.addDoc(doc, vector));
  }

  private analyzeTargets(indexer: Analyzer): Map<string, number>[] {
    const docs: Map<string, number>[] = [];
    this.targets.forEach((target, index) => {
      const seen = new Set<string>();
      for (const text of [target.title, ...target.questions]) {
        const vector = this.vector(indexer.analyze(text, 'index'));
        docs.push(vector);
        this.docTarget.push(index);
        for (const term of vector.keys()) seen.add(term);
      }
      for (const keyword of target.keywords) {
        for (const term of this.vector(indexer.analyze(keyword, 'index')).keys()) seen.add(term);
      }
      for (const term of seen) {
        const list = this.targetsByTerm.get(term) ?? [];
        list.push(index);
        this.targetsByTerm.set(term, list);
      }
    });
    return docs;
  }

  /** Term → weight (the highest when a term occurs twice); pairs carry the bigram weight. */
  vector(analysis: AnalyzedText): Map<string, number> {
    const vector = new Map<string, number>();
    for (const { term, weight } of analysis.terms) vector.set(term, Math.max(weight, vector.get(term) ?? 0));
    for (const pair of analysis.bigrams) vector.set(pair, this.weights.bigram);
    return vector;
  }

  private addDoc(doc: number, vector: Map<string, number>): void {
    let norm = 0;
    for (const [term, weight] of vector) norm += (weight * (this.idf.get(term) ?? 0)) ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) return;
    for (const [term, weight] of vector) {
      const list = this.postings.get(term) ?? [];
      list.push({ doc, weight: (weight * (this.idf.get(term) ?? 0)) / norm });
      this.postings.set(term, list);
    }
  }

  /** Candidates with a raw score above zero, best first. */
  rank(text: string): Candidate[] {
    const query = this.vector(this.analyzer.analyze(text, 'query'));
    const weighted = new Map<string, number>();
    let norm = 0;
    let mass = 0;
    for (const [term, weight] of query) {
      const value = weight * (this.idf.get(term) ?? (term.includes('_') ? 0 : this.unknownIdf));
      weighted.set(term, value);
      norm += value * value;
      if (!term.includes('_')) mass += value;
    }
    if (norm === 0) return [];
    norm = Math.sqrt(norm);
    const best = this.bestCosines(weighted, norm);
    const coverage = this.coverage(weighted, mass);
    const share = this.weights.question;
    const candidates: Candidate[] = [];
    for (const index of new Set([...best.keys(), ...coverage.keys()])) {
      const raw = share * (best.get(index) ?? 0) + (1 - share) * (coverage.get(index) ?? 0);
      if (raw > 0) candidates.push({ index, raw });
    }
    return candidates.sort((a, b) => b.raw - a.raw);
  }

  private bestCosines(query: Map<string, number>, norm: number): Map<number, number> {
    const dot = new Map<number, number>();
    for (const [term, value] of query) {
      for (const posting of this.postings.get(term) ?? []) {
        dot.set(posting.doc, (dot.get(posting.doc) ?? 0) + value * posting.weight);
      }
    }
    const best = new Map<number, number>();
    for (const [doc, sum] of dot) {
      const target = this.docTarget[doc] ?? 0;
      best.set(target, Math.max(best.get(target) ?? 0, sum / norm));
    }
    return best;
  }

  private coverage(query: Map<string, number>, mass: number): Map<number, number> {
    const covered = new Map<number, number>();
    if (mass === 0) return covered;
    for (const [term, value] of query) {
      if (term.includes('_')) continue;
      for (const index of this.targetsByTerm.get(term) ?? []) {
        covered.set(index, (covered.get(index) ?? 0) + value / mass);
      }
    }
    return covered;
  }
}

function allTexts(target: TargetText): string[] {
  return [target.title, ...target.questions, ...target.keywords];
}

/** BM25's idf: always positive, highest for a term only one target knows. */
function idf(targets: number, withTerm: number): number {
  return Math.log(1 + (targets - withTerm + 0.5) / (withTerm + 0.5));
}
