import type { Activity, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import type { MessageRouter } from './bot.ts';
import {
  NO_EVENTS,
  type AskedQuestion,
  type ConversationEvents,
} from '../bot/services/insight/events.ts';
import type { KnowledgeService } from '../bot/services/knowledge/service.ts';
import type { MatchResult, SafetyOutcome } from '../bot/services/knowledge/types.ts';
import type { Logger } from '../bot/services/logger.ts';
import type { RecordServices } from '../bot/services/records/services.ts';
import { AnswerRenderer, type Reply } from './answers.ts';
import { withChoices } from './cards.ts';
import { contactDialog, contactReviewDialog } from './contact-dialog.ts';
import { showsDistress } from './distress.ts';
import { forgetDialog } from './forget-dialog.ts';
import type { Greeting } from './greeting.ts';
import { CARD_ACTIONS, DIALOG, STATE, type ConversationFlags } from './ids.ts';
import { knownNames } from './identity.ts';
import {
  controlIntent,
  isExactCommand,
  isNo,
  isYes,
  saysAdviser,
  type ControlIntent,
} from './intents.ts';
import { messageText } from './message-text.ts';
import { addPrompts, PROMPT } from './prompts.ts';
import { planQuestion, questionComesFirst } from './question-plan.ts';
import { registrationDialog } from './registration-dialog.ts';
import * as S from './strings.ts';
import { ROUTES } from '../bot/services/routes.ts';

export interface RouterDeps {
  conversationState: ConversationState;
  /** The conversation's flags and the greeting, shared with the bot (conversation.ts). */
  flags: StatePropertyAccessor<ConversationFlags>;
  greeting: Greeting;
  knowledge: KnowledgeService;
  records: RecordServices;
  logger: Logger;
  /** `questionDays`: how long unanswered questions are kept for the editors, if they are. */
  retention: { conversationDays: number; recordDays: number; questionDays?: number };
  /** Whether new records are also mailed to the bureau (said in the consent question). */
  mailsBureau: boolean;
  /** What kind of reply each message got, for the bureau's insight (never who asked). */
  events?: ConversationEvents;
}

// Commands that work at any step of any dialog.
const INTERRUPTIONS = new Set<ControlIntent>(['help', 'cancel', 'restart', 'privacy', 'forget']);

/** The form the person is filling in, by the dialog at the bottom of the stack. */
function formName(dc: DialogContext): string | undefined {
  const id = dc.stack[0]?.id;
  if (id === DIALOG.contact || id === DIALOG.contactReview) return S.FORM_NAMES.contactRequest;
  if (id === DIALOG.registration) return S.FORM_NAMES.registration;
  if (id === DIALOG.forget) return S.FORM_NAMES.forget;
  return undefined;
}

/** One flat router: safety first, then interruptions, the active dialog, then topics. */
export class MainRouter implements MessageRouter {
  private readonly deps: RouterDeps;
  private readonly dialogs: DialogSet;
  private readonly flags: StatePropertyAccessor<ConversationFlags>;
  private readonly answers: AnswerRenderer;
  private readonly events: ConversationEvents;

  constructor(deps: RouterDeps) {
    this.deps = deps;
    this.events = deps.events ?? NO_EVENTS;
    this.dialogs = new DialogSet(
      deps.conversationState.createProperty<DialogState>(STATE.dialogState),
    );
    addPrompts((dialog) => this.dialogs.add(dialog));
    this.dialogs.add(registrationDialog(deps.records.records, deps.retention.recordDays));
    this.dialogs.add(contactDialog());
    this.dialogs.add(
      contactReviewDialog({
        records: deps.records.records,
        recordDays: deps.retention.recordDays,
        mailed: deps.mailsBureau,
        contacts: () => deps.knowledge.base.contacts,
      }),
    );
    this.dialogs.add(forgetDialog({ ...deps, records: deps.records.records.store }));
    this.flags = deps.flags;
    this.answers = new AnswerRenderer(deps.knowledge);
  }

  async route(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const { text, full, truncated } = messageText(context.activity);
    if (text === '') {
      await this.routeValue(dc);
      return;
    }
    const flags = await this.flags.get(context, {});
    // Safety first, on the whole message: nothing else runs before it, and nothing the person
    // was doing is thrown away because of it.
    const { outcome } = this.deps.knowledge.safety(full);
    if (outcome !== 'none') {
      await this.safetyFirst(dc, flags, outcome, text);
      return;
    }
    if (truncated) await context.sendActivity(S.TOO_LONG);
    if (await this.pendingReply(dc, flags, text)) return;
    const intent = controlIntent(text);
    // The order below is interruptions, the active form, feedback, commands, answer.
    if (intent && INTERRUPTIONS.has(intent)) {
      await this.interrupt(dc, intent);
      return;
    }
    if (dc.activeDialog !== undefined) {
      await dc.continueDialog();
      return;
    }
    if (await this.feedback(context, flags, text)) return;
    if (this.yieldsToQuestion(intent, text)) {
      await this.question(context, flags, text);
      return;
    }
    if (intent) {
      await this.topicCommand(dc, flags, intent);
      return;
    }
    await this.question(context, flags, text);
  }

  /**
   * A question in the person's own words. Someone who says they are a confidential adviser is
   * remembered as one; a question about one fact of the course gets that fact; when no entry
   * fits and the message tells of fear or exhaustion, a kind word and a human come first.
   */
  private async question(
    context: TurnContext,
    flags: ConversationFlags,
    text: string,
  ): Promise<void> {
    const known = saysAdviser(text) ? { ...flags, role: 'adviser' as const } : flags;
    const match = this.deps.knowledge.route(text);
    const plan = planQuestion(text, match, this.answers.byTitle(text) !== undefined);
    if (plan.kind === 'courseFact') {
      const reply = this.answers.courseFact(plan.aspect, known);
      this.events.answered(ROUTES.course, this.asked(context, text));
      await this.flags.set(context, { ...reply.flags, feedbackNote: undefined });
      await context.sendActivities(reply.activities);
      return;
    }
    if (plan.kind === 'distress') {
      const reply = this.answers.distress(match, known);
      this.events.refused(
        match.alternatives[0]?.target ?? match.closest?.[0]?.target,
        this.asked(context, text),
      );
      await this.flags.set(context, { ...reply.flags, feedbackNote: undefined });
      await context.sendActivities(reply.activities);
      return;
    }
    await this.answer(context, known, match, text);
  }

  /** A contact request inside a question about something else: see questionComesFirst. */
  private yieldsToQuestion(intent: ControlIntent | undefined, text: string): boolean {
    if (intent !== 'contactRequest' || isExactCommand(text)) return false;
    return questionComesFirst(this.deps.knowledge.route(text));
  }

  private asked(context: TurnContext, text: string): AskedQuestion {
    return { text, names: knownNames(context.activity) };
  }

  /** `text` undefined: the answer after "nee" to the safety check, whose message is never
   *  kept, not even scrubbed (the check itself was counted). */
  private async answer(
    context: TurnContext,
    flags: ConversationFlags,
    match: MatchResult,
    text: string | undefined,
  ): Promise<void> {
    const reply = this.answers.forMatch(match, text ?? '', flags);
    const next =
      text === undefined
        ? { ...reply.flags, feedbackNote: undefined }
        : this.reported(context, match, reply, text);
    await this.flags.set(context, next);
    await context.sendActivities(reply.activities);
  }
  /**
   * Inside a form the crisis information comes first and the form goes on: a threat told in a
   * contact request is the reason for that request. Elsewhere a crisis gets the reply and an
   * offer of contact; signs of danger get the check question first.
   */
  private async safetyFirst(
    dc: DialogContext,
    flags: ConversationFlags,
    outcome: Exclude<SafetyOutcome, 'none'>,
    text: string,
  ): Promise<void> {
    const context = dc.context;
    const form = formName(dc);
    if (form) {
      if (outcome === 'crisis') this.events.crisis();
      else this.events.safetyCheck();
      await context.sendActivity(this.answers.crisis());
      await context.sendActivity(S.FORM_CONTINUES(form));
      if (dc.activeDialog?.id === PROMPT.story) await dc.continueDialog();
      else await dc.repromptDialog();
      return;
    }
    const rest = {
      ...flags,
      pendingFeedback: undefined,
      pendingCheck: undefined,
      feedbackNote: undefined,
    };
    if (outcome === 'crisis') {
      this.events.crisis();
      await this.flags.set(context, { ...rest, pendingOffer: true });
      await context.sendActivities([this.answers.crisis(), this.answers.crisisOffer()]);
      return;
    }
    this.events.safetyCheck();
    await this.flags.set(context, {
      ...rest,
      pendingOffer: undefined,
      pendingCheck: this.deps.knowledge.route(text),
      // Whether the message told of fear or exhaustion (a yes or no, never the words): after
      // "nee" such a message without a fitting entry gets a kind word, not a refusal.
      pendingDistress: showsDistress(text) ? true : undefined,
    });
    await context.sendActivity(this.answers.safetyCheck());
  }

  /** "ja"/"nee" (typed or tapped) to the safety check or to the crisis offer. */
  private async pendingReply(
    dc: DialogContext,
    flags: ConversationFlags,
    text: string,
  ): Promise<boolean> {
    const { pendingCheck, pendingOffer } = flags;
    if (!pendingCheck && !pendingOffer) return false;
    const context = dc.context;
    const cleared = {
      ...flags,
      pendingCheck: undefined,
      pendingOffer: undefined,
      pendingDistress: undefined,
    };
    const yes = isYes(text);
    if (!yes && !isNo(text)) {
      // Something else: the question lapses and the message is handled as usual.
      await this.flags.set(context, cleared);
      return false;
    }
    if (pendingCheck && yes) {
      await this.flags.set(context, { ...cleared, pendingOffer: true });
      await context.sendActivities([this.answers.crisis(), this.answers.crisisOffer()]);
    } else if (pendingCheck) {
      await context.sendActivity(S.SAFETY_THANKS);
      if (flags.pendingDistress && pendingCheck.decision !== 'answer') {
        const reply = this.answers.distress(pendingCheck, cleared);
        await this.flags.set(context, { ...reply.flags, feedbackNote: undefined });
        await context.sendActivities(reply.activities);
      } else await this.answer(context, cleared, pendingCheck, undefined);
    } else if (yes) {
      await this.flags.set(context, cleared);
      await dc.beginDialog(DIALOG.contact);
    } else {
      await this.flags.set(context, cleared);
      await context.sendActivity(S.CRISIS_DECLINED);
    }
    return true;
  }

  /** Tells the insight which kind of reply this was. The sealed note of an answered question
   *  stays in the state only until its "Heeft dit geholpen?" is answered. */
  private reported(
    context: TurnContext,
    match: MatchResult,
    reply: Reply,
    text: string,
  ): ConversationFlags {
    const asked = { text, names: knownNames(context.activity) };
    const entry = reply.flags.pendingFeedback;
    if (entry) return { ...reply.flags, feedbackNote: this.events.answered(entry, asked) };
    if (match.decision === 'answer') this.events.answered(match.target, asked);
    else if (match.decision === 'suggest') this.events.suggested(match.target, asked);
    else this.events.refused(this.deps.knowledge.ranked(text, 1)[0]?.target, asked);
    return { ...reply.flags, feedbackNote: undefined };
  }

  /** Card buttons (Adaptive Card Submit) send a value and no text. */
  private async routeValue(dc: DialogContext): Promise<void> {
    const value = dc.context.activity.value as { action?: unknown } | undefined;
    if (value?.action === CARD_ACTIONS.register) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(DIALOG.registration);
      return;
    }
    await dc.context.sendActivity(S.NOT_TEXT);
  }

  private async interrupt(dc: DialogContext, intent: ControlIntent): Promise<void> {
    const context = dc.context;
    switch (intent) {
      case 'help':
      case 'privacy': {
        const { conversationDays, recordDays } = this.deps.retention;
        const { questionDays } = this.deps.retention;
        const text =
          intent === 'help' ? S.HELP : S.privacyText(conversationDays, recordDays, questionDays);
        await context.sendActivity(text);
        if (dc.activeDialog) await dc.repromptDialog();
        return;
      }
      case 'cancel': {
        const busy = dc.activeDialog !== undefined;
        await dc.cancelAllDialogs();
        await context.sendActivity(busy ? S.CANCELLED : S.NOTHING_TO_CANCEL);
        return;
      }
      case 'restart':
        await dc.cancelAllDialogs();
        await this.deps.greeting.afresh(context, S.RESTARTED);
        return;
      default:
        await dc.cancelAllDialogs();
        await dc.beginDialog(DIALOG.forget);
    }
  }

  /** Requests to act, ordinary words and the bot's own buttons: none of them is a miss. */
  private async topicCommand(
    dc: DialogContext,
    flags: ConversationFlags,
    intent: ControlIntent,
  ): Promise<void> {
    const context = dc.context;
    const quiet = (next: ConversationFlags): ConversationFlags => ({
      ...next,
      pendingFeedback: undefined,
      feedbackNote: undefined,
      more: undefined,
      moreFromStart: undefined,
      adviserPart: undefined,
      contactOffered: undefined,
    });
    const say = async (activity: Partial<Activity> | string): Promise<void> => {
      await this.flags.set(context, quiet(flags));
      await context.sendActivity(activity);
    };
    const send = async (reply: Reply): Promise<void> => {
      await this.flags.set(context, { ...reply.flags, feedbackNote: undefined });
      await context.sendActivities(reply.activities);
    };
    switch (intent) {
      case 'register':
        await this.flags.set(context, quiet(flags));
        await dc.beginDialog(DIALOG.registration);
        return;
      case 'contactRequest':
        await this.flags.set(context, quiet(flags));
        await dc.beginDialog(DIALOG.contact);
        return;
      case 'course':
        await say(this.answers.course());
        return;
      case 'counsellor':
        await send(this.answers.contacts(flags));
        return;
      case 'menuAsk':
        await say(S.ASK_PROMPT);
        return;
      case 'somethingElse':
        await say(withChoices(S.SOMETHING_ELSE, [S.MENU.counsellor]));
        return;
      case 'readMore':
        await send(this.answers.readMore(flags));
        return;
      case 'iAmAdviser':
        await send(this.answers.adviser(flags));
        return;
      case 'thanks':
        await say(S.THANKS);
        return;
      case 'goodbye':
        await say(S.GOODBYE);
        return;
      case 'cancelRecord':
        await say(S.CANCEL_RECORD);
        return;
      case 'staleChoice':
        await say(this.answers.shortGreetingWith(S.STALE_CHOICE));
        return;
      case 'affirmed':
        if (flags.contactOffered) {
          await this.flags.set(context, quiet(flags));
          await dc.beginDialog(DIALOG.contact);
        } else await say(S.ASK_PROMPT);
        return;
      case 'declined':
        await say(flags.contactOffered === 'distress' ? S.DISTRESS_DECLINED : S.DECLINED);
        return;
      case 'danger':
        // The safety check's own button, typed or tapped after the question lapsed.
        this.events.crisis();
        await this.flags.set(context, { ...quiet(flags), pendingOffer: true });
        await context.sendActivities([this.answers.crisis(), this.answers.crisisOffer()]);
        return;
      case 'whoReads':
        await say(context.activity.channelId === 'msteams' ? S.WHO_READS.teams : S.WHO_READS.web);
        return;
      case 'notInDanger':
        await say(S.NOT_IN_DANGER);
        return;
      default:
        await say(this.answers.shortGreeting());
    }
  }

  /** A plain "ja"/"nee" right after an answer is feedback on that answer. */
  private isFeedback(flags: ConversationFlags, text: string): boolean {
    return Boolean(flags.pendingFeedback) && (isYes(text) || isNo(text));
  }

  /** Feedback is counted, not stored as text. */
  private async feedback(
    context: TurnContext,
    flags: ConversationFlags,
    text: string,
  ): Promise<boolean> {
    const entryId = flags.pendingFeedback;
    if (!entryId || !this.isFeedback(flags, text)) return false;
    const yes = isYes(text);
    await this.deps.records.feedback.record(entryId, yes);
    this.events.feedback(entryId, yes, flags.feedbackNote);
    await this.flags.set(context, {
      ...flags,
      pendingFeedback: undefined,
      feedbackNote: undefined,
    });
    await context.sendActivity(yes ? S.FEEDBACK_THANKS_YES : this.answers.notHelped());
    return true;
  }
}
