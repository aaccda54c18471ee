import type { Activity } from 'botbuilder';
import { textWithoutMentions } from './mentions.ts';

export const MAX_TEXT = 2000;

export interface MessageText {
  /** What the bot answers: cut at MAX_TEXT. */
  text: string;
  /** The whole message, for the safety check (which has its own, much larger limit). */
  full: string;
  truncated: boolean;
}

/** The text to work on: the bot's Teams @mention removed, trimmed; `text` cut at MAX_TEXT. */
export function messageText(activity: Partial<Activity>): MessageText {
  const full = textWithoutMentions(activity);
  return full.length > MAX_TEXT
    ? { text: full.slice(0, MAX_TEXT), full, truncated: true }
    : { text: full, full, truncated: false };
}
