import {
  DeliveryModes,
  type Activity,
  type CloudAdapter,
  type ConversationAccount,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  type AuthenticateRequestResult,
} from 'botframework-connector';

// The widget's messages never come from a Bot Framework channel: they arrive at our own
// endpoint, which has already checked its own token. So the turn runs in-process with an
// anonymous identity instead of a channel's JWT (which an app id would otherwise demand),
// and with deliveryMode expectReplies, so every reply the bot sends is collected in memory
// and nothing is ever sent back over HTTP to a service URL.

/** A connector that is never used for replies (expectReplies buffers them); it exists because
 *  the adapter insists on one. Calls through it would fail against our own origin. */
class UnusedConnectorFactory extends ConnectorFactory {
  create(serviceUrl: string): Promise<ConnectorClient> {
    const noCredentials = { signRequest: <T>(request: T): Promise<T> => Promise.resolve(request) };
    return Promise.resolve(new ConnectorClient(noCredentials, { baseUri: serviceUrl }));
  }
}

const LOCAL_CALLER: AuthenticateRequestResult = {
  audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
  claimsIdentity: new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType),
  connectorFactory: new UnusedConnectorFactory(),
};

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

  constructor(adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>) {
    this.adapter = adapter;
    this.logic = logic;
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
    await this.adapter.processActivityDirect(LOCAL_CALLER, incoming, async (context) => {
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
