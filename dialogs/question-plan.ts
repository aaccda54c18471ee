import type { MatchResult } from '../bot/knowledge/types.ts';
import { courseAspect, type CourseAspect } from './course-questions.ts';
import { showsDistress } from './distress.ts';

/** What the bot does with a question in the person's own words, once safety, commands and
 *  forms have had their turn. Pure, so the evaluation (scripts/eval-conversation.ts) decides
 *  exactly as the router does. */
export type QuestionPlan =
  { kind: 'courseFact'; aspect: CourseAspect } | { kind: 'distress' } | { kind: 'match' };

/**
 * A question about one fact of the course gets that fact; when no entry fits and the message
 * tells of fear or exhaustion, a kind word and a human come first (only a referral, "daarvoor
 * kunt u bij HR terecht", goes before that); anything else is answered by the match.
 * `isTitle`: the text is the title of an entry (a tapped choice).
 */
export function planQuestion(text: string, match: MatchResult, isTitle: boolean): QuestionPlan {
  if (isTitle) return { kind: 'match' };
  const outside = match.decision === 'fallback' && match.refusal === 'elsewhere';
  const aspect = outside ? undefined : courseAspect(text, match.target === 'course');
  if (aspect && (match.target === 'course' || match.decision !== 'answer')) {
    return { kind: 'courseFact', aspect };
  }
  const upset = match.referral === undefined && showsDistress(text);
  if (upset && match.decision !== 'answer') return { kind: 'distress' };
  return { kind: 'match' };
}
