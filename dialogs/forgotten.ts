import { ActivityTypes, type Activity } from 'botbuilder';

/** The event a conversation ends with after "vergeet mij": the web page clears what it keeps
 *  and starts afresh, and the local Direct Line forgets the messages it holds. */
export const FORGOTTEN_EVENT = 'bdv.vergeten';

export function forgottenEvent(): Partial<Activity> {
  return { type: ActivityTypes.Event, name: FORGOTTEN_EVENT };
}

export function isForgottenEvent(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Event && activity.name === FORGOTTEN_EVENT;
}
