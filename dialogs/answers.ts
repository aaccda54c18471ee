import { MessageFactory, type Activity } from 'botbuilder';
import type { KnowledgeService } from '../bot/knowledge/service.ts';
import type { KnowledgeBase, MatchResult } from '../bot/knowledge/types.ts';
import { contactsMessage, courseCard, withChoices } from './cards.ts';
import type { ConversationFlags } from './ids.ts';
import { fold } from './intents.ts';
import * as S from './strings.ts';

export interface Reply {
  activities: Partial<Activity>[];
  flags: ConversationFlags;
}

const ROUTE_TITLES: Record<string, string> = {
  course: S.MENU.course,
  counsellor: S.MENU.counsellor,
};

/** Turns a match into messages. Only curated text is shown; nothing is generated. */
export class AnswerRenderer {
  private readonly knowledge: KnowledgeService;
  /** Entry ids by folded title, per version of the knowledge base (a reload brings a new one). */
  private readonly titles = new WeakMap<KnowledgeBase, Map<string, string>>();

  constructor(knowledge: KnowledgeService) {
    this.knowledge = knowledge;
  }

  forMatch(match: MatchResult, text: string, flags: ConversationFlags): Reply {
    // A tapped follow-up or "Bedoelde u" choice sends an entry title: answer it directly.
    const byTitle = this.entryByTitle(text);
    if (byTitle) return this.entry(byTitle, flags);
    if (match.decision === 'answer') return this.target(match.target, flags);
    if (match.decision === 'suggest') return this.suggest(match, flags);
    return this.miss(flags);
  }

  miss(flags: ConversationFlags): Reply {
    const misses = (flags.misses ?? 0) + 1;
    const next = { ...flags, misses, pendingFeedback: undefined };
    if (misses >= 2) {
      return {
        activities: [withChoices(S.FALLBACK_TWICE, [S.MENU.counsellor, S.MENU.course])],
        flags: { ...next, misses: 0 },
      };
    }
    return {
      activities: [withChoices(S.FALLBACK, [S.MENU.counsellor, S.MENU.course, S.MENU.privacy])],
      flags: next,
    };
  }

  course(): Partial<Activity> {
    return courseCard(this.knowledge.base.course);
  }

  contacts(): Partial<Activity> {
    return contactsMessage(this.knowledge.base.contacts);
  }

  crisis(): Partial<Activity> {
    return MessageFactory.text(this.knowledge.base.crisis.answer);
  }

  crisisOffer(): Partial<Activity> {
    return withChoices(S.CRISIS_OFFER, [S.CHOICES.yesPlease, S.CHOICES.noThanks]);
  }

  /** The short, direct question for signs of danger, with the numbers in it. */
  safetyCheck(): Partial<Activity> {
    return withChoices(this.knowledge.base.crisis.check, [
      S.SAFETY_CHOICES.danger,
      S.SAFETY_CHOICES.safe,
    ]);
  }

  shortGreeting(): Partial<Activity> {
    return withChoices(S.SHORT_GREETING, Object.values(S.MENU));
  }

  notHelped(): Partial<Activity> {
    return withChoices(S.FEEDBACK_THANKS_NO, [S.MENU.counsellor]);
  }

  private target(target: string, flags: ConversationFlags): Reply {
    const reset = { ...flags, misses: 0, pendingFeedback: undefined };
    if (target === 'course') return { activities: [this.course()], flags: reset };
    if (target === 'counsellor') return { activities: [this.contacts()], flags: reset };
    const entry = this.knowledge.base.entries.get(target);
    return entry ? this.entry(entry.id, flags) : this.miss(flags);
  }

  private entry(id: string, flags: ConversationFlags): Reply {
    const entry = this.knowledge.base.entries.get(id);
    if (!entry) return this.miss(flags);
    const followups = entry.followups.map((f) => this.titleOf(f)).filter((t) => t !== undefined);
    return {
      activities: [
        MessageFactory.text(entry.body),
        withChoices(S.FEEDBACK_QUESTION, [S.CHOICES.yes, S.CHOICES.no, ...followups]),
      ],
      flags: { ...flags, misses: 0, pendingFeedback: id },
    };
  }

  private suggest(match: MatchResult, flags: ConversationFlags): Reply {
    const options = match.alternatives
      .slice(0, 3)
      .map((a) => this.titleOf(a.target))
      .filter((t) => t !== undefined);
    return {
      activities: [withChoices(S.DID_YOU_MEAN, [...options, S.CHOICES.somethingElse])],
      flags: { ...flags, pendingFeedback: undefined },
    };
  }

  private titleOf(target: string): string | undefined {
    return ROUTE_TITLES[target] ?? this.knowledge.base.entries.get(target)?.title;
  }

  private entryByTitle(text: string): string | undefined {
    const base = this.knowledge.base;
    let titles = this.titles.get(base);
    if (!titles) {
      titles = new Map();
      // The first entry with a title wins, as a search in file order would find it.
      for (const entry of base.entries.values()) {
        const folded = fold(entry.title);
        if (!titles.has(folded)) titles.set(folded, entry.id);
      }
      this.titles.set(base, titles);
    }
    return titles.get(fold(text));
  }
}
