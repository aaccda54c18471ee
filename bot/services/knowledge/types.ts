// The public shapes of the knowledge engine. The bot imports only these, the service and
// the placeholder helpers; nothing here depends on the Bot Framework.
import type { SynonymGroup } from './text/synonyms.ts';

export type Route = 'course' | 'counsellor' | 'crisis' | 'safety-check' | 'fallback';
export type Decision = 'answer' | 'suggest' | 'fallback' | 'crisis' | 'safety-check';

/** Graded safety: a crisis reply at once, a short check question first, or nothing. */
export type SafetyOutcome = 'crisis' | 'check' | 'none';

export interface Alternative {
  target: string;
  score: number;
  title: string;
}

export interface MatchResult {
  /** An entry id or a route. */
  target: string;
  /** Calibrated 0..1: about the share of answers at this score that were right on tune.yaml. */
  score: number;
  title: string;
  decision: Decision;
  /** The top three candidates (best first) when the decision is 'suggest', else empty. */
  alternatives: Alternative[];
  /** With 'safety-check': what the bot answers once the person says nobody is in danger. */
  afterCheck?: MatchResult;
  /** With 'fallback': 'elsewhere' when the question is outside the bureau's field (the
   *  out-of-scope examples came first, or a referral's words are in it), 'unclear' when it
   *  simply matched nothing well enough. */
  refusal?: 'elsewhere' | 'unclear';
  /** With 'fallback': the best candidates, none good enough to suggest (calibrated scores). */
  closest?: Alternative[];
  /** With 'elsewhere': the referral whose words are in the question, if any. */
  referral?: string;
}

export interface KnowledgeEntry {
  id: string;
  title: string;
  questions: string[];
  keywords: string[];
  followups: string[];
  updated: string;
  body: string;
  file: string;
}

export interface ProgrammeItem {
  title: string;
  description: string;
}

/** Fields the bureau has not filled in keep the raw value 'TE_VULLEN' (see displayValue). */
export interface CourseInfo {
  title: string;
  summary: string;
  why: string;
  targetGroup: string;
  programme: ProgrammeItem[];
  homework: string;
  dates: string[] | string;
  location: string;
  price: string;
  registration: string;
  questions: string[];
  keywords: string[];
  followups: string[];
  updated: string;
}

export const CHANNEL_TYPES = ['telefoon', 'email', 'website', 'chat', 'adres'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export interface ContactChannel {
  type: ChannelType;
  label: string;
  value: string;
  note?: string;
}

export interface ContactInfo {
  intro: string;
  channels: ContactChannel[];
  hours: string;
  /** When the bureau answers a contact request ("binnen twee werkdagen"); optional. */
  responseTime?: string;
  questions: string[];
  keywords: string[];
  updated: string;
}

/** A named list of terms in crisis.yaml, e.g. "middel": strop, touw, pillen, ... */
export interface SafetySignal {
  name: string;
  meaning: string;
  terms: string[];
}

/** Signals found together within `within` words make a crisis or a check. */
export interface SafetyRule {
  when: string[];
  within: number;
  then: Exclude<SafetyOutcome, 'none'>;
  /** false: no lowering signal turns this crisis into a check (e.g. "ik ben niet veilig"). */
  lowerable: boolean;
}

/** Signals near a crisis that make it a check (a joke), unless `unless` is near too. */
export interface SafetyLowering {
  signals: string[];
  unless: string[];
  within: number;
}

export interface CrisisInfo {
  answer: string;
  /** The safety-check question, with the emergency numbers in it. */
  check: string;
  signals: SafetySignal[];
  rules: SafetyRule[];
  lowering: SafetyLowering[];
  /** Terms whose words never count as a signal ("dood moe", "een mes in de rug"). */
  idioms: string[];
  updated: string;
}

/** Where to go with a question this assistant does not cover (verwijzingen.yaml). */
export interface Referral {
  id: string;
  /** The whole reply: that this is not the assistant's field, and where to go instead. */
  answer: string;
  /** Words and phrases that point here; "*" at the end of a word matches its longer forms. */
  terms: string[];
  /** Words that point here even beside the bureau's own words ("phishing" in a mail). */
  always: string[];
}

export interface ReferralInfo {
  referrals: Referral[];
  /** Words of the bureau's own field: a question that has one besides a referral's words is
   *  not sent elsewhere by them. */
  ownTerms: string[];
}

export interface SynonymInfo {
  groups: SynonymGroup[];
}

export interface KnowledgeBase {
  entries: Map<string, KnowledgeEntry>;
  course: CourseInfo;
  contacts: ContactInfo;
  crisis: CrisisInfo;
  synonyms: SynonymInfo;
  /** Example questions outside the bot's field (out-of-scope.yaml; empty when absent). */
  outOfScope: string[];
  /** Where to go instead, per kind of question (verwijzingen.yaml; empty when absent). */
  referrals: ReferralInfo;
  loadedAt: Date;
}

/** pino-compatible; log objects carry file names, lines and counts, never message text. */
export interface KnowledgeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
