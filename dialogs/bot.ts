import {
  ActivityHandler,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { Greeting } from './greeting.ts';
import { NO_EVENTS, type ConversationEvents } from '../bot/services/insight/events.ts';
import type { ConversationFlags } from './ids.ts';
import { shouldRespond } from './mentions.ts';

/** What handles a message after the greeting: the dialog router. */
export interface MessageRouter {
  route(context: TurnContext): Promise<void>;
}

export interface BotDeps {
  conversationState: ConversationState;
  flags: StatePropertyAccessor<ConversationFlags>;
  greeting: Greeting;
  router: MessageRouter;
  /** Counts conversations for the bureau's insight. */
  events?: ConversationEvents;
}

export class BureauBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly flags: StatePropertyAccessor<ConversationFlags>;
  private readonly greeting: Greeting;
  private readonly router: MessageRouter;
  private readonly events: ConversationEvents;

  constructor(deps: BotDeps) {
    super();
    this.events = deps.events ?? NO_EVENTS;
    this.conversationState = deps.conversationState;
    this.flags = deps.flags;
    this.greeting = deps.greeting;
    this.router = deps.router;

    this.onMembersAdded(async (context, next) => {
      if (this.shouldGreetOnJoin(context)) await this.greeting.once(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      if (!shouldRespond(context.activity)) return next();
      await this.greeting.once(context);
      await this.countOnce(context);
      await this.router.route(context);
      await next();
    });
  }

  /** The bot handles no invoke (its cards submit messages). The framework would answer 501;
   *  an unsupported request is the caller's problem, so it gets 400 and never a 5xx. */
  protected override onInvokeActivity(): Promise<InvokeResponse> {
    return Promise.resolve({ status: 400, body: { error: 'Dit verzoek wordt niet ondersteund.' } });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  /** Web Chat adds the person; Teams (personal chat) adds the bot when the app is installed.
   *  In team channels and group chats nobody is greeted on join: that would be noise. */
  private shouldGreetOnJoin(context: TurnContext): boolean {
    const { membersAdded, recipient, conversation } = context.activity;
    const added = membersAdded ?? [];
    if (context.activity.channelId === 'msteams') {
      return conversation.conversationType === 'personal' && added.length > 0;
    }
    return added.some((member) => member.id !== recipient.id);
  }

  /** A conversation counts at its first message, not at a greeting nobody answered. */
  private async countOnce(context: TurnContext): Promise<void> {
    const flags = await this.flags.get(context, {});
    if (flags.counted) return;
    this.events.conversationStarted();
    await this.flags.set(context, { ...flags, counted: true });
  }
}
