import { MessageFactory, type Activity } from 'botbuilder';
import { answerParts, type AnswerParts } from '../bot/services/knowledge/answer-parts.ts';
import type { KnowledgeService } from '../bot/services/knowledge/service.ts';
import { isPlaceholder } from '../bot/services/knowledge/service.ts';
import type {
  Alternative,
  KnowledgeBase,
  KnowledgeEntry,
  MatchResult,
} from '../bot/services/knowledge/types.ts';
import { contactsMessage, courseCard, withChoices } from './cards.ts';
import type { CourseAspect } from './course-questions.ts';
import type { ConversationFlags } from './ids.ts';
import { fold } from './intents.ts';
import * as S from './strings.ts';
import { ROUTES } from '../bot/services/routes.ts';

export interface Reply {
  activities: Partial<Activity>[];
  flags: ConversationFlags;
}

const ROUTE_TITLES: Record<string, string> = {
  course: S.MENU.course,
  counsellor: S.MENU.counsellor,
};

/** Topics offered with a refusal: close enough to be worth a tap, never more than two. */
const CLOSEST_UNCLEAR = 0.2;
const CLOSEST_ELSEWHERE = 0.35;
const CLOSEST_MAX = 2;

/** What a reply leaves behind: no "Lees meer", adviser part or open offer of an earlier one. */
const settled = (flags: ConversationFlags): ConversationFlags => ({
  ...flags,
  pendingFeedback: undefined,
  more: undefined,
  moreFromStart: undefined,
  adviserPart: undefined,
  contactOffered: undefined,
});

/** Turns a match into messages. Only curated text is shown; nothing is generated. */
export class AnswerRenderer {
  private readonly knowledge: KnowledgeService;
  /** Entry ids by folded title, per version of the knowledge base (a reload brings a new one). */
  private readonly titles = new WeakMap<KnowledgeBase, Map<string, string>>();

  constructor(knowledge: KnowledgeService) {
    this.knowledge = knowledge;
  }

  /** An entry or route title tapped as a choice ("Bedoelde u…", a follow-up). */
  byTitle(text: string): string | undefined {
    return this.entryByTitle(text);
  }

  forMatch(match: MatchResult, text: string, flags: ConversationFlags): Reply {
    // A tapped follow-up or "Bedoelde u" choice sends an entry title: answer it directly.
    const byTitle = this.entryByTitle(text);
    if (byTitle) return this.entry(byTitle, flags);
    if (match.decision === 'answer') return this.target(match.target, flags);
    if (match.decision === 'suggest') return this.suggest(match, flags);
    if (match.refusal === 'elsewhere') return this.elsewhere(match, flags);
    return this.miss(flags, this.closest(match, CLOSEST_UNCLEAR));
  }

  /** No entry fits: says so, offers the topics that come closest, and after two misses in a
   *  row a human (and the course to confidential advisers). */
  miss(flags: ConversationFlags, closest: string[] = []): Reply {
    const misses = (flags.misses ?? 0) + 1;
    const next = { ...settled(flags), misses };
    if (misses >= 2) {
      const course = flags.role === 'adviser' ? [S.MENU.course] : [];
      return {
        activities: [withChoices(S.FALLBACK_TWICE, [S.MENU.counsellor, ...course])],
        flags: { ...next, misses: 0 },
      };
    }
    const text = closest.length > 0 ? S.FALLBACK_CLOSEST : S.FALLBACK;
    return { activities: [withChoices(text, [...closest, S.MENU.counsellor])], flags: next };
  }

  /** Outside the bureau's field: honest, with where to go instead. Not a miss: the question
   *  was understood. */
  private elsewhere(match: MatchResult, flags: ConversationFlags): Reply {
    const referral = this.knowledge.base.referrals.referrals.find((r) => r.id === match.referral);
    const text = referral?.answer ?? S.NOT_OUR_FIELD;
    const closest = this.closest(match, CLOSEST_ELSEWHERE);
    return {
      activities: [withChoices(text, [...closest, S.MENU.counsellor])],
      flags: settled(flags),
    };
  }

  /** Fear, exhaustion or not daring to go to work, and no entry that fits: a kind word, the
   *  offer of a human ("ja" starts the contact request) and the topics that come close. */
  distress(match: MatchResult, flags: ConversationFlags): Reply {
    const topics =
      match.decision === 'suggest'
        ? this.titlesOf(match.alternatives.slice(0, CLOSEST_MAX))
        : this.closest(match, CLOSEST_UNCLEAR);
    return {
      activities: [withChoices(S.DISTRESS, [S.CHOICES.yesPlease, ...topics])],
      flags: { ...settled(flags), contactOffered: 'distress' },
    };
  }

  course(): Partial<Activity> {
    return courseCard(this.knowledge.base.course);
  }

  /** One fact of the course ("Wat kost de cursus?"), with the card and registration a tap
   *  away. A fact the bureau has not filled in is said once, in a sentence. */
  courseFact(aspect: CourseAspect, flags: ConversationFlags): Reply {
    const course = this.knowledge.base.course;
    const text = ((): string => {
      switch (aspect) {
        case 'price':
        case 'location': {
          const value = course[aspect];
          return isPlaceholder(value)
            ? S.COURSE_FACT_UNKNOWN[aspect]
            : S.COURSE_FACT[aspect](value);
        }
        case 'dates': {
          const dates = (Array.isArray(course.dates) ? course.dates : [course.dates]).filter(
            (d) => !isPlaceholder(d),
          );
          return dates.length === 0
            ? S.COURSE_FACT_UNKNOWN.dates
            : S.COURSE_FACT.dates(dates.join(', '));
        }
        case 'targetGroup':
          return S.COURSE_TARGET_GROUP(course.targetGroup);
        case 'programme':
          return S.COURSE_PROGRAMME(course.programme.map((p, i) => `${i + 1}. ${p.title}`));
        default:
          return S.COURSE_HOMEWORK(course.homework);
      }
    })();
    return {
      activities: [
        withChoices(`${text}\n\n${S.COURSE_MORE}`, [S.CHOICES.courseAll, S.CHOICES.register]),
      ],
      flags: { ...settled(flags), misses: 0 },
    };
  }

  /** The contact details contacts.yaml fills in, and the offer of a contact request. */
  contacts(flags: ConversationFlags): Reply {
    return {
      activities: [contactsMessage(this.knowledge.base.contacts)],
      flags: { ...settled(flags), misses: 0, contactOffered: 'contacts' },
    };
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

  /** Another opening line with the main choices. */
  shortGreetingWith(text: string): Partial<Activity> {
    return withChoices(text, Object.values(S.MENU));
  }

  notHelped(): Partial<Activity> {
    return withChoices(S.FEEDBACK_THANKS_NO, [S.MENU.counsellor]);
  }

  /** "Lees meer": the rest of the answer the person just got, and the feedback question. */
  readMore(flags: ConversationFlags): Reply {
    const entry = flags.more === undefined ? undefined : this.entryOf(flags.more);
    if (!entry) return { activities: [MessageFactory.text(S.NOTHING_MORE)], flags: settled(flags) };
    const parts = answerParts(entry.body);
    const rest = flags.moreFromStart
      ? [parts.first, parts.more].filter((part) => part !== '').join('\n\n')
      : parts.more;
    const next = { ...flags, pendingFeedback: entry.id, more: undefined, moreFromStart: undefined };
    return {
      activities: [MessageFactory.text(rest), this.feedbackQuestion(entry, parts, next)],
      flags: next,
    };
  }

  /** "Ik ben vertrouwenspersoon": remembered for this conversation; the advisers' part of the
   *  answer just given, if it has one. */
  adviser(flags: ConversationFlags): Reply {
    const role = { ...flags, role: 'adviser' as const };
    const entry = flags.adviserPart === undefined ? undefined : this.entryOf(flags.adviserPart);
    if (!entry) {
      return {
        activities: [withChoices(S.ADVISER_NOTED, [S.MENU.course, S.MENU.ask])],
        flags: { ...settled(role), misses: flags.misses },
      };
    }
    const parts = answerParts(entry.body);
    const next = { ...role, pendingFeedback: entry.id, adviserPart: undefined };
    return {
      activities: [
        MessageFactory.text(`${S.ADVISER_HEADING}\n\n${parts.adviser}`),
        this.feedbackQuestion(entry, parts, next),
      ],
      flags: next,
    };
  }

  private target(target: string, flags: ConversationFlags): Reply {
    const reset = { ...settled(flags), misses: 0 };
    if (target === ROUTES.course) return { activities: [this.course()], flags: reset };
    if (target === ROUTES.counsellor) return this.contacts(flags);
    return this.entryOf(target) ? this.entry(target, flags) : this.miss(flags);
  }

  /**
   * The first part of the answer (what fits a phone screen; for a confidential adviser the
   * advisers' part), then "Heeft dit geholpen?" with "Lees meer" for the rest.
   */
  private entry(id: string, flags: ConversationFlags): Reply {
    const entry = this.entryOf(id);
    if (!entry) return this.miss(flags);
    const parts = answerParts(entry.body);
    const asAdviser = flags.role === 'adviser' && parts.adviser !== '';
    const first = asAdviser
      ? [headingOf(parts.first, entry.title), S.ADVISER_HEADING, parts.adviser].join('\n\n')
      : parts.first;
    const hasMore = asAdviser || parts.more !== '';
    const next: ConversationFlags = {
      ...settled(flags),
      misses: 0,
      pendingFeedback: id,
      more: hasMore ? id : undefined,
      moreFromStart: asAdviser ? true : undefined,
      adviserPart: parts.adviser !== '' && !asAdviser && flags.role !== 'adviser' ? id : undefined,
    };
    return {
      activities: [MessageFactory.text(first), this.feedbackQuestion(entry, parts, next)],
      flags: next,
    };
  }

  /** "Heeft dit geholpen?" with what can still follow: "Lees meer", the advisers' part, and
   *  the entry's follow-up topics. */
  private feedbackQuestion(
    entry: KnowledgeEntry,
    parts: AnswerParts,
    flags: ConversationFlags,
  ): Partial<Activity> {
    const followups = this.titlesOf(entry.followups.map((target) => ({ target })));
    return withChoices(S.FEEDBACK_QUESTION, [
      ...(flags.more === entry.id ? [S.CHOICES.readMore] : []),
      S.CHOICES.helped,
      S.CHOICES.notHelped,
      ...(flags.adviserPart === entry.id && parts.adviser !== '' ? [S.CHOICES.iAmAdviser] : []),
      ...followups,
    ]);
  }

  private suggest(match: MatchResult, flags: ConversationFlags): Reply {
    const options = this.titlesOf(match.alternatives.slice(0, 3));
    return {
      activities: [withChoices(S.DID_YOU_MEAN, [...options, S.CHOICES.somethingElse])],
      flags: settled(flags),
    };
  }

  /** Titles of the candidates of a fallback at or above `floor`, at most two. */
  private closest(match: MatchResult, floor: number): string[] {
    const near = (match.closest ?? []).filter((c) => c.score >= floor).slice(0, CLOSEST_MAX);
    return this.titlesOf(near);
  }

  private titlesOf(targets: readonly Pick<Alternative, 'target'>[]): string[] {
    return targets.map((a) => this.titleOf(a.target)).filter((t) => t !== undefined);
  }

  private titleOf(target: string): string | undefined {
    return ROUTE_TITLES[target] ?? this.knowledge.base.entries.get(target)?.title;
  }

  private entryOf(id: string): KnowledgeEntry | undefined {
    return this.knowledge.base.entries.get(id);
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

/** The bold first line an answer starts with, or the entry's title in bold. */
function headingOf(first: string, title: string): string {
  const line = first.split('\n')[0]?.trim() ?? '';
  return /^\*\*.+\*\*$/.test(line) ? line : `**${title}**`;
}
