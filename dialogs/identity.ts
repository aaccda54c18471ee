import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** A one-way key for "this person on this channel": records carry it so "vergeet mij" can find
 *  them, without storing the account id itself. */
export function userKey(activity: Partial<Activity>): string {
  const id = `${activity.channelId ?? ''}:${activity.from?.id ?? ''}`;
  return createHash('sha256').update(id).digest('hex');
}

/** Teams tells the bot who the user is; the web widget does not. The name is only offered as a
 *  choice, never used without the person picking it. */
export function teamsName(activity: Partial<Activity>): string | undefined {
  if (activity.channelId !== 'msteams') return undefined;
  const name = activity.from?.name?.trim();
  return name ? name : undefined;
}
