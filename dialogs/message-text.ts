import type { Activity } from 'botbuilder';
import { textWithoutMentions } from '../bot/teams/mentions.ts';

export const MAX_TEXT = 2000;

/** The text to work on: the bot's Teams @mention removed, trimmed, cut at MAX_TEXT. */
export function messageText(activity: Partial<Activity>): { text: string; truncated: boolean } {
  const text = textWithoutMentions(activity);
  return text.length > MAX_TEXT
    ? { text: text.slice(0, MAX_TEXT), truncated: true }
    : { text, truncated: false };
}
