// The public shapes of the knowledge engine. The bot imports only these, the service and
// the placeholder helpers; nothing here depends on the Bot Framework.
import type { SynonymGroup } from './text/synonyms.ts';

export type Route = 'course' | 'counsellor' | 'crisis' | 'fallback';
export type Decision = 'answer' | 'suggest' | 'fallback' | 'crisis';

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
  questions: string[];
  keywords: string[];
  updated: string;
}

export interface CrisisInfo {
  answer: string;
  phrases: string[];
  patterns: RegExp[];
  exceptions: RegExp[];
  updated: string;
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
  loadedAt: Date;
}

/** pino-compatible; log objects carry file names, lines and counts, never message text. */
export interface KnowledgeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
