import { Analyzer } from '../text/analyzer.ts';
import { stem } from '../text/morphology.ts';
import { SynonymTable, type SynonymGroup } from '../text/synonyms.ts';
import type { ModelWeights } from '../tuning.ts';
import type { TargetText } from './targets.ts';

export interface Analyzers {
  /** Reads the knowledge texts; morphology and compounds are resolved against them. */
  indexer: Analyzer;
  /** Reads users' questions; adds typo correction against the index's own words. */
  query: Analyzer;
}

function matchableTexts(target: TargetText): string[] {
  return [target.title, ...target.questions, ...target.keywords];
}

/**
 * Two passes: the plain stems of every example question, title and keyword make the first
 * vocabulary; the indexer resolves diminutives, participles and compounds against it. The
 * query analyzer then knows exactly the terms the index holds.
 */
export function buildAnalyzers(
  targets: readonly TargetText[],
  groups: readonly SynonymGroup[],
  weights: ModelWeights,
): Analyzers {
  const synonyms = new SynonymTable(groups);
  const plain = new Analyzer({ synonyms, weights });
  const vocabulary = new Set<string>();
  const surfaces = new Set<string>();
  for (const text of targets.flatMap(matchableTexts)) {
    for (const word of plain.contentWords(text)) {
      vocabulary.add(stem(word));
      surfaces.add(word);
    }
  }
  for (const [variant] of synonyms.singleWordVariants()) surfaces.add(variant);
  const indexer = new Analyzer({ synonyms, weights, vocabulary, surfaces });
  const known = new Set<string>();
  for (const text of targets.flatMap(matchableTexts)) {
    for (const { term } of indexer.analyze(text, 'index').terms) known.add(term);
  }
  const query = new Analyzer({ synonyms, weights, vocabulary: known, surfaces, fuzzy: true });
  return { indexer, query };
}
