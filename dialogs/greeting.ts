import { ActionTypes, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import { GREETING, MENU } from './strings.ts';

export function menuActions(): CardAction[] {
  return Object.values(MENU).map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
}

/** The first message of every conversation: the question, the AI disclosure and the menu. */
export function greetingActivity(): Partial<Activity> {
  const activity = MessageFactory.text(GREETING);
  activity.suggestedActions = { actions: menuActions(), to: [] };
  return activity;
}
