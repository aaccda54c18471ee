import type { Activity } from 'botbuilder';

export const MAX_TEXT = 2000;

/** The text to work on: Teams @mentions of the bot removed, trimmed, cut at MAX_TEXT. */
export function messageText(activity: Partial<Activity>): { text: string; truncated: boolean } {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    const mentioned = (entity as { mentioned?: { id?: string }; text?: string }).mentioned;
    const mentionText = (entity as { text?: unknown }).text;
    if (entity.type === 'mention' && mentioned?.id === botId && typeof mentionText === 'string') {
      text = text.split(mentionText).join(' ');
    }
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_TEXT
    ? { text: text.slice(0, MAX_TEXT), truncated: true }
    : { text, truncated: false };
}
