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

/** Names the channel told us: the person's own Teams name and the people @mentioned. Kept
 *  questions never contain them (bot/services/insight/scrub.ts). */
export function knownNames(activity: Partial<Activity>): string[] {
  const names: string[] = [];
  const own = teamsName(activity);
  if (own) names.push(own);
  for (const entity of activity.entities ?? []) {
    if (String(entity.type).toLowerCase() !== 'mention') continue;
    const name = (entity as { mentioned?: { name?: unknown } }).mentioned?.name;
    if (typeof name === 'string' && name.trim() !== '') names.push(name.trim());
  }
  return names;
}
