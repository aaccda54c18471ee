import type { Server } from 'restify';
import { answerParts } from '../../services/knowledge/answer-parts.ts';
import { goLiveWarnings } from '../../services/knowledge/go-live.ts';
import type { KnowledgeService } from '../../services/knowledge/service.ts';
import { TUNING } from '../../services/knowledge/tuning.ts';
import type { KnowledgeBase, MatchResult } from '../../services/knowledge/types.ts';
import { MAX_TEXT } from '../../../dialogs/message-text.ts';
import { entryTitles, outcomeOf } from '../../../dialogs/outcome.ts';
import * as S from '../../../dialogs/strings.ts';
import type { WorkspaceGuard } from './guard.ts';
import { knowledgePage } from './pages/knowledge-page.ts';
import { tryPage, type TryResult } from './pages/try-page.ts';
import { field, sendPage } from './respond.ts';
import { ROUTES } from '../../services/routes.ts';

// "Probeer een vraag" (what the bot would do with a question, from the knowledge loaded now;
// nothing is kept or counted) and the knowledge status with the go-live warnings.

export interface ToolsDeps {
  guard: WorkspaceGuard;
  knowledge: KnowledgeService;
}

/** The text the person would get first, as the bot would send it. */
interface Reply {
  reply: string;
  more: string;
}

const only = (reply: string): Reply => ({ reply, more: '' });

/** As the chat sends an entry: the first part, the rest behind "Lees meer"; the advisers'
 *  section only goes to confidential advisers. */
function entryReply(body: string | undefined): Reply {
  if (body === undefined) return only(S.FALLBACK);
  const parts = answerParts(body);
  return { reply: parts.first, more: parts.more };
}

function replyFor(match: MatchResult, base: KnowledgeBase): Reply {
  switch (match.decision) {
    case 'crisis':
      return only(base.crisis.answer);
    case 'safety-check':
      return only(
        [base.crisis.check, `- ${S.SAFETY_CHOICES.danger}`, `- ${S.SAFETY_CHOICES.safe}`].join(
          '\n',
        ),
      );
    case 'suggest':
      return only(
        [
          S.DID_YOU_MEAN,
          ...match.alternatives.map((a) => `- ${a.title}`),
          `- ${S.CHOICES.somethingElse}`,
        ].join('\n'),
      );
    case 'fallback':
      if (match.refusal !== 'elsewhere') return only(S.FALLBACK);
      return only(
        base.referrals.referrals.find((r) => r.id === match.referral)?.answer ?? S.NOT_OUR_FIELD,
      );
    default:
      return targetReply(match.target, base);
  }
}

function targetReply(target: string, base: KnowledgeBase): Reply {
  if (target === ROUTES.course) return only(`${base.course.title}\n\n${base.course.summary}`);
  if (target === ROUTES.counsellor) return only(base.contacts.intro);
  return entryReply(base.entries.get(target)?.body);
}

/** The routes a request to act leads to, by the names the menu gives them. */
const ROUTE_NAMES: Record<string, string> = {
  [ROUTES.course]: S.MENU.course,
  [ROUTES.counsellor]: S.MENU.counsellor,
  privacy: S.MENU.privacy,
};

/** What the conversation does before the topics, as the router decides it (outcome.ts). */
function conversationFirst(
  knowledge: KnowledgeService,
  question: string,
): { conversation: string; reply: Reply; target?: string } | undefined {
  const outcome = outcomeOf(knowledge, entryTitles(knowledge), question);
  switch (outcome.kind) {
    case 'distress':
      return {
        conversation:
          'Een vriendelijk woord en een vertrouwenspersoon (de bot merkt dat iemand het moeilijk heeft)',
        reply: only(S.DISTRESS),
      };
    case 'other':
      return {
        conversation:
          'Een verzoek of gewone reactie (zoals bedankt, tot ziens, hulp of opnieuw): de bot reageert daarop, niet met een onderwerp',
        reply: only(''),
      };
    case 'answer': {
      // A request to act ("ik wil iemand spreken", "aanmelden") goes to its route whatever
      // the topics say; an entry here is the match's own answer and needs no note.
      const route = ROUTE_NAMES[outcome.target];
      if (route === undefined) return undefined;
      return {
        conversation: `Een verzoek: ${route}`,
        target: outcome.target,
        reply:
          outcome.target === 'privacy' ? only('') : targetReply(outcome.target, knowledge.base),
      };
    }
    default:
      return undefined;
  }
}

export function tryQuestion(knowledge: KnowledgeService, question: string): TryResult {
  const match = knowledge.match(question);
  // The safety check and the crisis reply come before anything the conversation does.
  const safety = match.decision === 'crisis' || match.decision === 'safety-check';
  const first = safety ? undefined : conversationFirst(knowledge, question);
  return {
    question,
    decision: match.decision,
    top: match.decision === 'crisis' ? [] : knowledge.ranked(question, 3),
    ...(first
      ? {
          ...first.reply,
          conversation: first.conversation,
          ...(match.decision === 'answer' && match.target === first.target
            ? {}
            : { otherwise: match.decision }),
        }
      : replyFor(match, knowledge.base)),
  };
}

export function installTools(server: Server, deps: ToolsDeps): void {
  const { guard, knowledge } = deps;
  const view = (
    result: TryResult | undefined,
    staff: { who: string; session: { csrf: string } },
  ) => {
    const status = knowledge.status();
    return tryPage({
      result,
      thresholds: TUNING.thresholds,
      knowledge: { entries: status.entries, hash: status.hash },
      frame: { signedIn: { who: staff.who, csrf: staff.session.csrf } },
    });
  };
  server.get(
    '/beheer/proberen',
    guard.staff('proberen', async (_req, res, staff) => {
      sendPage(res, 200, view(undefined, staff));
      return Promise.resolve();
    }),
  );
  server.post(
    '/beheer/proberen',
    guard.staff('proberen', async (req, res, staff) => {
      const question = field(req.body, 'vraag').trim().slice(0, MAX_TEXT);
      const result = question === '' ? undefined : tryQuestion(knowledge, question);
      sendPage(res, 200, view(result, staff));
      // The decision only: what staff typed is not logged.
      return Promise.resolve({ decision: result?.decision ?? null });
    }),
  );
  server.get(
    '/beheer/kennisbank',
    guard.staff('kennisbank', async (_req, res, staff) => {
      const status = knowledge.status();
      const warnings = await goLiveWarnings(status.dir, knowledge.base);
      sendPage(
        res,
        200,
        knowledgePage({
          status,
          warnings,
          frame: { signedIn: { who: staff.who, csrf: staff.session.csrf } },
        }),
      );
      return { warnings: warnings.length };
    }),
  );
}
