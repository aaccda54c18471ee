import type { MatchResult } from '../types.ts';
import type { EvalItem } from './eval-file.ts';

export interface EvalResult {
  question: string;
  expect: string;
  got: string;
  score: number;
}

export interface EvalSummary {
  total: number;
  correct: number;
  accuracy: number;
  byExpect: Record<string, { total: number; correct: number }>;
  results: EvalResult[];
}

/** A question counts as correct when the target is exactly the expected one. */
export function evaluate(
  items: readonly EvalItem[],
  match: (text: string) => MatchResult,
): EvalSummary {
  const byExpect: EvalSummary['byExpect'] = {};
  const results = items.map((item): EvalResult => {
    const result = match(item.question);
    const tally = (byExpect[item.expect] ??= { total: 0, correct: 0 });
    tally.total += 1;
    if (result.target === item.expect) tally.correct += 1;
    return {
      question: item.question,
      expect: item.expect,
      got: result.target,
      score: result.score,
    };
  });
  const correct = results.filter((r) => r.got === r.expect).length;
  const total = results.length;
  return { total, correct, accuracy: total === 0 ? 0 : correct / total, byExpect, results };
}

export function allTargets(entryIds: Iterable<string>): Set<string> {
  return new Set([...entryIds, 'course', 'counsellor', 'crisis', 'fallback']);
}
