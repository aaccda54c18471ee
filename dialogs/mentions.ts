import type { Activity } from 'botbuilder';

// In a Teams channel or group chat everybody sees the bot's answers, so it speaks only when
// it is @mentioned. Teams writes the mention into the text as "<at>Name</at>" and lists it
// in `entities` (type "mention", with the mentioned account and that exact text).

const GROUP_CONVERSATIONS = new Set(['channel', 'groupChat']);

interface MentionEntity {
  mentionedId: string | undefined;
  text: string | undefined;
}

function mentionEntities(activity: Partial<Activity>): MentionEntity[] {
  const mentions: MentionEntity[] = [];
  for (const entity of activity.entities ?? []) {
    if (String(entity.type).toLowerCase() !== 'mention') continue;
    const { mentioned, text } = entity as { mentioned?: { id?: unknown }; text?: unknown };
    mentions.push({
      mentionedId: typeof mentioned?.id === 'string' ? mentioned.id : undefined,
      text: typeof text === 'string' ? text : undefined,
    });
  }
  return mentions;
}

/** A Teams channel or group chat (not a one-to-one chat with the bot). */
export function isTeamsGroupConversation(activity: Partial<Activity>): boolean {
  return (
    activity.channelId === 'msteams' &&
    GROUP_CONVERSATIONS.has(activity.conversation?.conversationType ?? '')
  );
}

export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return botId !== undefined && mentionEntities(activity).some((m) => m.mentionedId === botId);
}

/** Messages in Teams channels and group chats only when the bot is @mentioned; everything
 *  else (one-to-one chats, the web widget, other activity types) always. */
export function shouldRespond(activity: Partial<Activity>): boolean {
  if (activity.type !== 'message') return true;
  if (!isTeamsGroupConversation(activity)) return true;
  return mentionsBot(activity);
}

/** The text without the bot's @mention; other people's mentions keep just their name. Does
 *  not change the activity. */
export function textWithoutMentions(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const mention of mentionEntities(activity)) {
    if (mention.mentionedId === botId && mention.text) text = text.split(mention.text).join(' ');
  }
  return text
    .replace(/<at[^>]*>(.*?)<\/at>/gi, '$1')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
