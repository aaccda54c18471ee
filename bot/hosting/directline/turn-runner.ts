import {
  DeliveryModes,
  type Activity,
  type CloudAdapter,
  type ConversationAccount,
  type TurnContext,
} from 'botbuilder';
import { localCaller, type AuthenticateRequestResult } from '../bot-framework.ts';

// The widget's messages never come from a Bot Framework channel: they arrive at our own
// endpoint, which has already checked its own token. So the turn runs in-process without a
// channel's JWT (which the adapter demands once the bot has an app id), and with deliveryMode
// expectReplies, so every reply the bot sends is collected in memory and nothing is ever
// sent back over HTTP to a service URL.

export const LOCAL_CHANNEL_ID = 'directline';
export const BOT_ACCOUNT = { id: 'bdv-bot', name: 'Bureau De Vertrouwenspersoon', role: 'bot' };

export interface TurnAddress {
  conversationId: string;
  userId: string;
  serviceUrl: string;
}

export class LocalTurnRunner {
  private readonly adapter: CloudAdapter;
  private readonly logic: (context: TurnContext) => Promise<void>;
  private readonly caller: AuthenticateRequestResult;

  /** `appId`: the bot's MicrosoftAppId, or '' in local mode. */
  constructor(
    adapter: CloudAdapter,
    logic: (context: TurnContext) => Promise<void>,
    appId: string,
  ) {
    this.adapter = adapter;
    this.logic = logic;
    this.caller = localCaller(appId);
  }

  /** Runs one turn and returns the bot's replies, including an error reply from onTurnError. */
  async run(activity: Partial<Activity>, address: TurnAddress): Promise<Partial<Activity>[]> {
    let replies: Partial<Activity>[] = [];
    const incoming = {
      ...activity,
      channelId: LOCAL_CHANNEL_ID,
      serviceUrl: address.serviceUrl,
      deliveryMode: DeliveryModes.ExpectReplies,
      from: { id: address.userId, role: 'user' },
      recipient: BOT_ACCOUNT,
      conversation: conversationAccount(address.conversationId),
    } as Activity; // the adapter's type lists every optional channel field as required
    await this.adapter.processActivityDirect(this.caller, incoming, async (context) => {
      // The same array keeps filling after this callback, e.g. with the turn-error reply.
      replies = context.bufferedReplyActivities;
      await this.logic(context);
    });
    return replies;
  }
}

export function conversationAccount(id: string): ConversationAccount {
  return { id, isGroup: false, conversationType: 'personal', name: '' };
}
