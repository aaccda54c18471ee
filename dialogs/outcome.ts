import type { KnowledgeService } from '../bot/services/knowledge/service.ts';
import type { MatchResult } from '../bot/services/knowledge/types.ts';
import { showsDistress } from './distress.ts';
import { controlIntent, fold, isExactCommand, type ControlIntent } from './intents.ts';
import { planQuestion, questionComesFirst } from './question-plan.ts';
import { ROUTES } from '../bot/services/routes.ts';

// What a person gets for a question as the first message of a conversation, decided as the
// router decides (safety, requests to act, course facts, the kind word, the match), for the
// evaluation of whole conversations (npm run eval:gesprek) and its gate in the tests.

/** What the person got: an answer (entry or route), a first offered topic, a refusal, the
 *  kind word with a human, or the crisis reply. */
export type Outcome =
  | { kind: 'answer'; target: string }
  | { kind: 'offer'; target: string; didYouMean: boolean }
  | { kind: 'refused'; elsewhere: boolean; referral?: string; offered?: string }
  | { kind: 'distress'; offered?: string }
  | { kind: 'crisis' }
  | { kind: 'other'; what: string };

/** Topics a refusal offers start at this score (dialogs/answers.ts). */
const CLOSEST_UNCLEAR = 0.2;
const CLOSEST_ELSEWHERE = 0.35;

const INTENT_TARGETS: Partial<Record<ControlIntent, string>> = {
  contactRequest: ROUTES.counsellor,
  counsellor: ROUTES.counsellor,
  course: ROUTES.course,
  register: ROUTES.course,
  privacy: 'privacy',
  whoReads: 'privacy',
};

/** The kind word offers a human and, after it, the topics that come closest. */
function distress(match: MatchResult): Outcome {
  const first =
    match.decision === 'suggest'
      ? match.alternatives[0]
      : (match.closest ?? []).find((c) => c.score >= CLOSEST_UNCLEAR);
  return first ? { kind: 'distress', offered: first.target } : { kind: 'distress' };
}

function ofMatch(match: MatchResult): Outcome {
  if (match.decision === 'answer') return { kind: 'answer', target: match.target };
  if (match.decision === 'suggest') {
    return { kind: 'offer', target: match.alternatives[0]?.target ?? '', didYouMean: true };
  }
  const floor = match.refusal === 'elsewhere' ? CLOSEST_ELSEWHERE : CLOSEST_UNCLEAR;
  const first = (match.closest ?? []).find((c) => c.score >= floor);
  const refused = {
    kind: 'refused' as const,
    elsewhere: match.refusal === 'elsewhere',
    ...(match.referral ? { referral: match.referral } : {}),
  };
  // A refusal that offers topics still refuses; it counts as an offer only for core topics.
  return first ? { ...refused, offered: first.target } : refused;
}

/** Folded entry titles: a question that is one is a tapped choice. */
export function entryTitles(knowledge: KnowledgeService): Set<string> {
  return new Set([...knowledge.base.entries.values()].map((e) => fold(e.title)));
}

export function outcomeOf(
  knowledge: KnowledgeService,
  titles: ReadonlySet<string>,
  text: string,
): Outcome {
  const { outcome } = knowledge.safety(text);
  if (outcome === 'crisis') return { kind: 'crisis' };
  if (outcome === 'check') {
    // As the person answers "nee, er is geen gevaar" (the check itself is measured apart).
    const match = knowledge.route(text);
    if (showsDistress(text) && match.decision !== 'answer') return distress(match);
    return ofMatch(match);
  }
  const intent = controlIntent(text);
  const yields =
    intent === 'contactRequest' &&
    !isExactCommand(text) &&
    questionComesFirst(knowledge.route(text));
  if (intent && !yields) {
    const target = INTENT_TARGETS[intent];
    return target ? { kind: 'answer', target } : { kind: 'other', what: intent };
  }
  const match = knowledge.route(text);
  const plan = planQuestion(text, match, titles.has(fold(text)));
  if (plan.kind === 'courseFact') return { kind: 'answer', target: ROUTES.course };
  if (plan.kind === 'distress') return distress(match);
  return ofMatch(match);
}

export interface Tally {
  total: number;
  answeredRight: number;
  offeredRight: number;
  confidentWrong: number;
  didYouMean: number;
  distress: number;
  refused: number;
  elsewhere: number;
  crisis: number;
}

export const emptyTally = (): Tally => ({
  total: 0,
  answeredRight: 0,
  offeredRight: 0,
  confidentWrong: 0,
  didYouMean: 0,
  distress: 0,
  refused: 0,
  elsewhere: 0,
  crisis: 0,
});

/** Adds one question's outcome; returns whether it counts as right. `inScope`: the expected
 *  target is an entry or route, not "fallback". */
export function tallyOutcome(t: Tally, expect: string, got: Outcome): boolean {
  const inScope = expect !== ROUTES.fallback;
  t.total += 1;
  let right = false;
  if (got.kind === 'answer') {
    right = got.target === expect;
    if (inScope && right) t.answeredRight += 1;
    else if (inScope) t.confidentWrong += 1;
  } else if (got.kind === 'offer') {
    t.didYouMean += 1;
    right = inScope && got.target === expect;
    if (right) t.offeredRight += 1;
  } else if (got.kind === 'refused') {
    t.refused += 1;
    if (got.elsewhere) t.elsewhere += 1;
    right = inScope ? got.offered === expect : true;
    if (inScope && right) t.offeredRight += 1;
  } else if (got.kind === 'distress') {
    t.distress += 1;
    right = inScope && got.offered === expect;
    if (right) t.offeredRight += 1;
  } else if (got.kind === 'crisis') t.crisis += 1;
  return right;
}
