import type { MatchResult } from '../bot/services/knowledge/types.ts';
import { courseAspect, type CourseAspect } from './course-questions.ts';
import { showsDistress } from './distress.ts';
import { ROUTES } from '../bot/services/routes.ts';

/** What the bot does with a question in the person's own words, once safety, commands and
 *  forms have had their turn. Pure, so the evaluation (scripts/eval-conversation.ts) decides
 *  exactly as the router does. */
export type QuestionPlan =
  { kind: 'courseFact'; aspect: CourseAspect } | { kind: 'distress' } | { kind: 'match' };

/**
 * A contact request in a sentence ("…? Bel me op 06…") yields to the question around it when
 * that question has its own clear answer, or is outside the bureau's field: the reply then
 * offers a confidential adviser anyway. A request on its own, or one the knowledge base reads
 * as a wish for contact, starts the contact request.
 */
export function questionComesFirst(match: MatchResult): boolean {
  if (match.decision === 'answer') return match.target !== ROUTES.counsellor;
  return match.decision === 'fallback' && match.refusal === 'elsewhere';
}

/**
 * A question about one fact of the course gets that fact; when no entry fits and the message
 * tells of fear or exhaustion, a kind word and a human come first (only a referral, "daarvoor
 * kunt u bij HR terecht", goes before that); anything else is answered by the match.
 * `isTitle`: the text is the title of an entry (a tapped choice).
 */
export function planQuestion(text: string, match: MatchResult, isTitle: boolean): QuestionPlan {
  if (isTitle) return { kind: 'match' };
  const outside = match.decision === 'fallback' && match.refusal === 'elsewhere';
  const aspect = outside ? undefined : courseAspect(text, match.target === ROUTES.course);
  if (aspect && (match.target === ROUTES.course || match.decision !== 'answer')) {
    return { kind: 'courseFact', aspect };
  }
  const upset = match.referral === undefined && showsDistress(text);
  if (upset && match.decision !== 'answer') return { kind: 'distress' };
  return { kind: 'match' };
}
