import type { Analyzer } from '../text/analyzer.ts';
import type { SynonymGroup } from '../text/synonyms.ts';
import type { ModelWeights } from '../tuning.ts';
import { buildAnalyzers } from './analyzers.ts';
import { charGrams } from './char-grams.ts';
import { FieldIndex } from './field-index.ts';
import { QuestionIndex } from './question-index.ts';
import { toVector, type TermVector } from './scoring.ts';
import { TargetScores } from './scratch.ts';
import type { TargetText } from './targets.ts';

export interface Candidate {
  /** Index into `targets`. */
  index: number;
  raw: number;
  evidence: number;
  /** Share of the question's idf mass this target's words know. */
  coverage: number;
}

export type Components = [
  best: number,
  top: number,
  coverage: number,
  body: number,
  chars: number,
  evidence: number,
];

/** A letter n-gram in more examples than this is too common to walk (see QuestionIndex). */
const COMMON_GRAMS = 400;

/**
 * The searchable form of the knowledge base. raw (see ModelWeights) combines the closest
 * example question, the three closest, how much of the question the target's vocabulary
 * covers, the answer text and the letter n-grams of the closest examples; all lie in 0..1.
 */
export class MatchIndex {
  readonly targets: readonly TargetText[];
  readonly analyzer: Analyzer;
  private readonly weights: ModelWeights;
  private readonly questions: QuestionIndex;
  private readonly chars: QuestionIndex;
  private readonly fields: FieldIndex;
  private readonly scores: TargetScores;

  constructor(
    targets: readonly TargetText[],
    groups: readonly SynonymGroup[],
    weights: ModelWeights,
  ) {
    this.targets = targets;
    this.weights = weights;
    const { indexer, query } = buildAnalyzers(targets, groups, weights);
    this.analyzer = query;
    const docs: { target: number; vector: TermVector }[] = [];
    const charDocs: { target: number; vector: TermVector }[] = [];
    const vocabularies: Set<string>[] = [];
    const bodies: Map<string, number>[] = [];
    targets.forEach((target, index) => {
      const vocabulary = new Set<string>();
      for (const text of [target.title, ...target.questions]) {
        const analysis = indexer.analyze(text, 'index');
        const vector = toVector(analysis, weights.bigram);
        docs.push({ target: index, vector });
        charDocs.push({ target: index, vector: charGrams(analysis.words) });
        for (const term of vector.keys()) vocabulary.add(term);
      }
      for (const keyword of target.keywords) {
        for (const { term } of indexer.analyze(keyword, 'index').terms) vocabulary.add(term);
      }
      vocabularies.push(vocabulary);
      bodies.push(termFrequencies(indexer, target.body));
    });
    this.questions = new QuestionIndex(docs, targets.length, weights.unknown);
    this.chars = new QuestionIndex(charDocs, targets.length, weights.unknown, COMMON_GRAMS);
    this.fields = new FieldIndex(vocabularies, bodies, weights.unknown);
    this.scores = new TargetScores(targets.length);
  }

  /** Scores every target the question touches, then hands the arrays to `read`. */
  private withScores<T>(text: string, read: (scores: TargetScores) => T): T {
    const analysis = this.analyzer.analyze(text, 'query');
    const query = toVector(analysis, this.weights.bigram);
    const s = this.scores;
    try {
      if (query.size > 0) {
        this.questions.score(query, s, (t, best, top) => {
          s.best[t] = best;
          s.top[t] = top;
        });
        this.fields.score(query, s);
        this.chars.score(charGrams(analysis.words), s, (t, _best, top) => {
          s.chars[t] = top;
        });
      }
      return read(s);
    } finally {
      this.scores.reset();
    }
  }

  /** Per touched target: [best, top, coverage, body] (each 0..1) and the evidence. */
  components(text: string): Map<number, Components> {
    return this.withScores(text, (s) => {
      const result = new Map<number, Components>();
      for (const t of s.touched) {
        result.set(t, [
          s.best[t] ?? 0,
          s.top[t] ?? 0,
          s.coverage[t] ?? 0,
          s.body[t] ?? 0,
          s.chars[t] ?? 0,
          s.evidence[t] ?? 0,
        ]);
      }
      return result;
    });
  }

  /** The best `limit` candidates with a raw score above zero, best first. */
  rank(text: string, limit: number): Candidate[] {
    const w = this.weights;
    return this.withScores(text, (s) => {
      const top: Candidate[] = [];
      for (const t of s.touched) {
        const raw =
          w.best * (s.best[t] ?? 0) +
          w.top * (s.top[t] ?? 0) +
          w.coverage * (s.coverage[t] ?? 0) +
          w.body * (s.body[t] ?? 0) +
          w.chars * (s.chars[t] ?? 0);
        const evidence = s.evidence[t] ?? 0;
        if (raw > 0) keepTop(top, { index: t, raw, evidence, coverage: s.coverage[t] ?? 0 }, limit);
      }
      return top;
    });
  }
}

/** The same ranking from stored components, for the tuner's grid over the weights. */
export function rankComponents(
  components: Map<number, Components>,
  w: ModelWeights,
  limit: number,
): Candidate[] {
  const top: Candidate[] = [];
  for (const [index, [best, topMean, coverage, body, chars, evidence]] of components) {
    const raw =
      w.best * best + w.top * topMean + w.coverage * coverage + w.body * body + w.chars * chars;
    if (raw > 0) keepTop(top, { index, raw, evidence, coverage }, limit);
  }
  return top;
}

/** Insertion into a short sorted list: cheaper than sorting thousands of candidates. */
function keepTop(list: Candidate[], candidate: Candidate, limit: number): void {
  if (list.length === limit && candidate.raw <= (list[limit - 1]?.raw ?? 0)) return;
  let i = list.length;
  while (i > 0 && (list[i - 1]?.raw ?? 0) < candidate.raw) i--;
  list.splice(i, 0, candidate);
  if (list.length > limit) list.pop();
}

function termFrequencies(analyzer: Analyzer, text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const { term, weight } of analyzer.analyze(text, 'index').terms)
    tf.set(term, (tf.get(term) ?? 0) + weight);
  return tf;
}
