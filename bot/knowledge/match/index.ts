import type { Analyzer } from '../text/analyzer.ts';
import type { SynonymGroup } from '../text/synonyms.ts';
import type { ModelWeights } from '../tuning.ts';
import { buildAnalyzers } from './analyzers.ts';
import { FieldIndex } from './field-index.ts';
import { QuestionIndex } from './question-index.ts';
import { toVector, type TermVector } from './scoring.ts';
import type { TargetText } from './targets.ts';

export interface Candidate {
  /** Index into `targets`. */
  index: number;
  raw: number;
  evidence: number;
}

/**
 * The searchable form of the knowledge base. raw (see ModelWeights) combines the closest
 * example question, the three closest, how much of the question the target's vocabulary
 * covers, and the answer text; all four lie in 0..1.
 */
export class MatchIndex {
  readonly targets: readonly TargetText[];
  readonly analyzer: Analyzer;
  private readonly weights: ModelWeights;
  private readonly questions: QuestionIndex;
  private readonly fields: FieldIndex;

  constructor(targets: readonly TargetText[], groups: readonly SynonymGroup[], weights: ModelWeights) {
    this.targets = targets;
    this.weights = weights;
    const { indexer, query } = buildAnalyzers(targets, groups, weights);
    this.analyzer = query;
    const docs: { target: number; vector: TermVector }[] = [];
    const vocabularies: Set<string>[] = [];
    const bodies: Map<string, number>[] = [];
    targets.forEach((target, index) => {
      const vocabulary = new Set<string>();
      for (const text of [target.title, ...target.questions]) {
        const vector = toVector(indexer.analyze(text, 'index'), weights.bigram);
        docs.push({ target: index, vector });
        for (const term of vector.keys()) vocabulary.add(term);
      }
      for (const keyword of target.keywords) {
        for (const { term } of indexer.analyze(keyword, 'index').terms) vocabulary.add(term);
      }
      vocabularies.push(vocabulary);
      bodies.push(termFrequencies(indexer, target.body));
    });
    this.questions = new QuestionIndex(docs, weights.unknown);
    this.fields = new FieldIndex(vocabularies, bodies, weights.unknown);
  }

  /** Per target: [best, top, coverage, body] (each 0..1) and the evidence (idf mass). */
  components(text: string): Map<number, Components> {
    const query = toVector(this.analyzer.analyze(text, 'query'), this.weights.bigram);
    const result = new Map<number, Components>();
    if (query.size === 0) return result;
    const { best, top } = this.questions.score(query);
    const coverage = this.fields.coverage(query);
    const body = this.fields.body(query);
    const evidence = this.fields.evidence(query);
    for (const index of new Set([...best.keys(), ...coverage.keys(), ...body.keys()])) {
      result.set(index, [
        best.get(index) ?? 0,
        top.get(index) ?? 0,
        coverage.get(index) ?? 0,
        body.get(index) ?? 0,
        evidence.get(index) ?? 0,
      ]);
    }
    return result;
  }

  /** Candidates with a raw score above zero, best first. */
  rank(text: string, weights: ModelWeights = this.weights): Candidate[] {
    return rankComponents(this.components(text), weights);
  }
}

export type Components = [best: number, top: number, coverage: number, body: number, evidence: number];

export function rankComponents(components: Map<number, Components>, w: ModelWeights): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [index, [best, top, coverage, body, evidence]] of components) {
    const raw = w.best * best + w.top * top + w.coverage * coverage + w.body * body;
    if (raw > 0) candidates.push({ index, raw, evidence });
  }
  return candidates.sort((a, b) => b.raw - a.raw);
}

function termFrequencies(analyzer: Analyzer, text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const { term, weight } of analyzer.analyze(text, 'index').terms) tf.set(term, (tf.get(term) ?? 0) + weight);
  return tf;
}
