import {
  ActionTypes,
  MessageFactory,
  type Activity,
  type CardAction,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { ConversationFlags } from './ids.ts';
import { GREETING, MENU } from './strings.ts';

export function menuActions(): CardAction[] {
  return Object.values(MENU).map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
}

/** The first message of every conversation: the question, the AI disclosure and the menu. */
function greetingActivity(): Partial<Activity> {
  const activity = MessageFactory.text(GREETING);
  activity.suggestedActions = { actions: menuActions(), to: [] };
  return activity;
}

/** The only sender of the greeting, so `greeted` always says whether it was sent. */
export class Greeting {
  private readonly flags: StatePropertyAccessor<ConversationFlags>;

  constructor(flags: StatePropertyAccessor<ConversationFlags>) {
    this.flags = flags;
  }

  /** Once per conversation: when someone joins or at the first message. */
  async once(context: TurnContext): Promise<void> {
    const flags = await this.flags.get(context, {});
    if (flags.greeted) return;
    await context.sendActivity(greetingActivity());
    await this.flags.set(context, { ...flags, greeted: true });
  }

  /** "Opnieuw beginnen": every other flag goes, and the greeting follows `first`. */
  async afresh(context: TurnContext, first: string): Promise<void> {
    await this.flags.set(context, { greeted: true });
    await context.sendActivity(first);
    await context.sendActivity(greetingActivity());
  }
}
