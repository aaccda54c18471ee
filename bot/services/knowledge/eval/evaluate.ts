import { ALL_ROUTES } from '../check/cross.ts';
import type { MatchResult } from '../types.ts';
import type { EvalItem } from './eval-file.ts';

export interface EvalResult {
  question: string;
  expect: string;
  /** An entry id or a route: crisis, safety-check, course, counsellor or fallback. */
  got: string;
  /** With safety-check: what the bot answers once the person says there is no danger. */
  afterCheck?: string;
  score: number;
  correct: boolean;
}

export interface EvalSummary {
  total: number;
  correct: number;
  accuracy: number;
  byExpect: Record<string, { total: number; correct: number }>;
  results: EvalResult[];
}

/** A question counts as correct when the target is exactly the expected one; after the
 *  check question it counts by the answer that follows "nee" (the check is measured apart). */
export function evaluate(
  items: readonly EvalItem[],
  match: (text: string) => MatchResult,
): EvalSummary {
  const byExpect: EvalSummary['byExpect'] = {};
  const results = items.map((item): EvalResult => {
    const result = match(item.question);
    const afterCheck = result.afterCheck?.target;
    const correct = result.target === item.expect || afterCheck === item.expect;
    const tally = (byExpect[item.expect] ??= { total: 0, correct: 0 });
    tally.total += 1;
    if (correct) tally.correct += 1;
    return {
      question: item.question,
      expect: item.expect,
      got: result.target,
      ...(afterCheck ? { afterCheck } : {}),
      score: result.score,
      correct,
    };
  });
  const correct = results.filter((r) => r.correct).length;
  const total = results.length;
  return { total, correct, accuracy: total === 0 ? 0 : correct / total, byExpect, results };
}

export function allTargets(entryIds: Iterable<string>): Set<string> {
  return new Set([...entryIds, ...ALL_ROUTES]);
}
