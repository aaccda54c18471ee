// The public shapes of the knowledge engine. The bot imports only these, the service and
// the placeholder helpers; nothing here depends on the Bot Framework. What a knowledge file
// holds is inferred from its schema (check/schemas.ts), where each field is declared once.
import type { Infer } from './check/schema.ts';
import type {
  CONTACTS_SCHEMA,
  COURSE_SCHEMA,
  CRISIS_SCHEMA,
  ENTRY_SCHEMA,
  EXAMPLES_SCHEMA,
  REFERRALS_SCHEMA,
  SYNONYMS_SCHEMA,
} from './check/schemas.ts';

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

/** The example questions and keywords of a target (voorbeelden/<id>.yaml), one per item. */
type ExampleTexts = { [K in keyof Infer<typeof EXAMPLES_SCHEMA>]-?: string[] };

/** An answer: the fields of its file's head, its examples, the answer text and the file. */
export type KnowledgeEntry = Infer<typeof ENTRY_SCHEMA> &
  ExampleTexts & {
    body: string;
    file: string;
  };

/** Fields the bureau has not filled in keep the raw value 'TE_VULLEN' (see displayValue). */
export type CourseInfo = Infer<typeof COURSE_SCHEMA> & ExampleTexts;
export type ProgrammeItem = CourseInfo['programme'][number];

export type ContactInfo = Infer<typeof CONTACTS_SCHEMA> & ExampleTexts;
export type ContactChannel = ContactInfo['channels'][number];

export type CrisisInfo = Infer<typeof CRISIS_SCHEMA>;
/** A named list of terms in crisis.yaml, e.g. "middel": strop, touw, pillen, ... */
export type SafetySignal = CrisisInfo['signals'][number];
/** Signals found together within `within` words make a crisis or a check. */
export type SafetyRule = CrisisInfo['rules'][number];
/** Signals near a crisis that make it a check (a joke), unless `unless` is near too. */
export type SafetyLowering = CrisisInfo['lowering'][number];

/** Where to go with questions this assistant does not cover (verwijzingen.yaml). */
export type ReferralInfo = Omit<Infer<typeof REFERRALS_SCHEMA>, 'updated'>;
export type Referral = ReferralInfo['referrals'][number];

export type SynonymInfo = Omit<Infer<typeof SYNONYMS_SCHEMA>, 'updated'>;

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
