import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { isForgottenEvent } from '../../../dialogs/forgotten.ts';
import type { Logger } from '../../services/logger.ts';
import { parseClientActivity } from './client-activity.ts';
import type { ClientAddress } from '../../services/security/client-address.ts';
import { ConversationStore, type Conversation, type NoRoom } from './conversation-store.ts';
import { bodyObject, handle, queryParam, routeParam, sendError, sendJson } from './http.ts';
import { sendTooMany, type RequestLimits } from '../../services/security/request-limits.ts';
import { bearerToken, type TokenClaims, type TokenSigner } from './token.ts';
import { BOT_ACCOUNT, conversationAccount, type LocalTurnRunner } from './turn-runner.ts';

// The Direct Line 3.0 REST protocol (the polling half) served by the bot itself, so the web
// widget works without Azure. Official clients (Web Chat, botframework-directlinejs) talk to
// it unchanged when given `domain: <origin>/v3/directline` and `webSocket: false`.

export const DIRECT_LINE_PATH = '/v3/directline';

/** Never contacted: replies come back in-process (expectReplies). `.invalid` cannot resolve. */
const SERVICE_URL = 'https://local-directline.invalid/';

/** A conversation unused for five minutes makes room; a minute is a fair first wait. */
const RETRY_AFTER_SECONDS = 60;

const NO_ROOM = {
  address:
    'Vanaf uw adres zijn al veel gesprekken open. Sluit een chatvenster dat u niet meer ' +
    'gebruikt, of probeer het over een paar minuten opnieuw.',
  full:
    'De chat is op dit moment erg druk. Probeer het over een paar minuten opnieuw, of neem ' +
    'rechtstreeks contact op met het bureau.',
};

/** Activity types a client should not see. */
const HIDDEN_TYPES = new Set(['trace', 'delay']);

export interface TokenGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface LocalDirectLineDeps {
  store: ConversationStore;
  signer: TokenSigner;
  runner: LocalTurnRunner;
  logger: Logger;
  /** The server's limits: per conversation once a token is valid, per address when not. */
  limits: RequestLimits;
  clientAddress: ClientAddress;
  tokenTtlMs: number;
}

export class LocalDirectLine {
  private readonly deps: LocalDirectLineDeps;

  constructor(deps: LocalDirectLineDeps) {
    this.deps = deps;
  }

  install(server: Server): void {
    const at = (path: string) => `${DIRECT_LINE_PATH}${path}`;
    server.post(
      at('/tokens/generate'),
      handle((_q, s) => sendJson(s, 200, this.issueToken())),
    );
    server.post(
      at('/tokens/refresh'),
      handle((q, s) => this.refresh(q, s)),
    );
    server.post(
      at('/conversations'),
      handle((q, s) => this.start(q, s)),
    );
    server.get(
      at('/conversations/:id'),
      handle((q, s) => this.reconnect(q, s)),
    );
    server.post(
      at('/conversations/:id/activities'),
      handle((q, s) => this.post(q, s)),
    );
    server.get(
      at('/conversations/:id/activities'),
      handle((q, s) => this.poll(q, s)),
    );
  }

  /** A token for a conversation that starts when the client first uses it. */
  issueToken(): TokenGrant {
    return this.grant(ConversationStore.newConversationId(), ConversationStore.newUserId());
  }

  private grant(conversationId: string, userId: string): TokenGrant {
    const { signer, tokenTtlMs } = this.deps;
    const token = signer.sign(conversationId, userId, tokenTtlMs);
    return { conversationId, token, expires_in: Math.floor(tokenTtlMs / 1000) };
  }

  private refresh(req: Request, res: Response): void {
    const claims = this.authorize(req, res);
    if (!claims) return;
    this.deps.store.get(claims.conversationId); // a refreshing client is still there
    sendJson(res, 200, this.grant(claims.conversationId, claims.userId));
  }

  private async start(req: Request, res: Response): Promise<void> {
    const claims = this.authorize(req, res);
    if (!claims) return;
    const existing = this.deps.store.get(claims.conversationId);
    if (existing) {
      sendJson(res, 200, this.grant(existing.id, existing.userId));
      return;
    }
    const address = this.deps.clientAddress(req);
    const conversation = this.deps.store.create(claims.conversationId, claims.userId, address);
    if (typeof conversation === 'string') {
      this.noRoom(res, conversation);
      return;
    }
    const joined: Partial<Activity> = {
      type: 'conversationUpdate',
      membersAdded: [{ id: claims.userId, name: '' }],
    };
    // The bot greets on this; a failure must not stop the conversation from starting.
    await conversation.serialize(() => this.runTurn(conversation, joined)).catch(() => undefined);
    this.deps.logger.info({ conversations: this.deps.store.size }, 'direct line conversation');
    sendJson(res, 201, this.grant(conversation.id, conversation.userId));
  }

  /** Nobody's conversation is dropped for a new one: the newcomer is asked to wait. */
  private noRoom(res: Response, reason: NoRoom): void {
    const { logger, store } = this.deps;
    logger.warn({ reason, conversations: store.size }, 'direct line conversation refused');
    const wait = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
    if (reason === 'address') {
      sendError(res, 429, 'TooManyConversations', NO_ROOM.address, wait);
    } else {
      sendError(res, 503, 'Busy', NO_ROOM.full, wait);
    }
  }

  private reconnect(req: Request, res: Response): void {
    const conversation = this.conversationFor(req, res);
    if (conversation?.forgotten) {
      sendError(res, 404, 'NotFound', 'Dit gesprek is gewist. Begin een nieuw gesprek.');
    } else if (conversation) sendJson(res, 200, this.grant(conversation.id, conversation.userId));
  }

  private async post(req: Request, res: Response): Promise<void> {
    const conversation = this.conversationFor(req, res);
    if (!conversation || !this.withinLimit(res, conversation, false)) return;
    const parsed = parseClientActivity(bodyObject(req));
    if (!parsed.ok) {
      sendError(res, parsed.code === 'MessageSizeTooBig' ? 413 : 400, parsed.code, parsed.message);
      return;
    }
    if (parsed.kind === 'typing') {
      sendJson(res, 200, { id: '' });
      return;
    }
    const from = { id: conversation.userId, name: '', role: 'user' as const };
    const own = { ...parsed.activity, from, conversation: conversationAccount(conversation.id) };
    try {
      const echoed = await conversation.serialize(() => this.runTurn(conversation, own, true));
      sendJson(res, 200, { id: echoed });
    } catch {
      sendError(res, 502, 'BotError', 'De chatbot kon uw bericht nu niet verwerken.');
    }
  }

  private poll(req: Request, res: Response): void {
    const conversation = this.conversationFor(req, res);
    if (!conversation || !this.withinLimit(res, conversation, true)) return;
    const raw = queryParam(req, 'watermark');
    const watermark = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
    sendJson(res, 200, {
      activities: conversation.since(watermark),
      watermark: String(conversation.watermark),
    });
  }

  /** Echoes the user's activity first when `echo` is set, so it precedes the replies. */
  private async runTurn(
    conversation: Conversation,
    activity: Partial<Activity>,
    echo = false,
  ): Promise<string> {
    const { store, runner, logger } = this.deps;
    const ownId = echo ? conversation.append(activity, store.now()).id : undefined;
    try {
      const replies = await runner.run(
        { ...activity, id: ownId, timestamp: new Date(store.now()) },
        { conversationId: conversation.id, userId: conversation.userId, serviceUrl: SERVICE_URL },
      );
      let shown = 0;
      for (const reply of replies) {
        if (HIDDEN_TYPES.has(reply.type ?? '')) continue;
        conversation.append({ ...reply, from: reply.from ?? BOT_ACCOUNT }, store.now());
        shown += 1;
      }
      // "Vergeet mij": the messages before this turn's reply leave memory at once.
      if (replies.some(isForgottenEvent)) conversation.forget(shown);
    } catch (error) {
      // Only the error's class: the adapter's wrapper quotes the inner error message.
      const errorType = error instanceof Error ? error.name : typeof error;
      logger.error({ errorType, kind: 'direct line turn' }, 'turn failed');
      throw error;
    }
    return ownId ?? '';
  }

  private conversationFor(req: Request, res: Response): Conversation | undefined {
    const id = routeParam(req, 'id');
    const claims = this.authorize(req, res, id);
    if (!claims) return undefined;
    const conversation = this.deps.store.get(id);
    if (!conversation) {
      sendError(res, 404, 'NotFound', 'Dit gesprek bestaat niet (meer). Begin een nieuw gesprek.');
    }
    return conversation;
  }

  /** Counted only after the token was checked, so nobody else can use up this allowance. */
  private withinLimit(res: Response, conversation: Conversation, polling: boolean): boolean {
    const decision = this.deps.limits.directLine(conversation.id, polling);
    if (!decision.allowed) sendTooMany(res, decision.retryAfterSeconds);
    return decision.allowed;
  }

  /** Checks the bearer token, and that it belongs to `conversationId` when one is given. A
   *  refusal counts against the client's address; past that limit it gets 429. */
  private authorize(req: Request, res: Response, conversationId?: string): TokenClaims | undefined {
    const check = this.deps.signer.verify(bearerToken(req.headers.authorization));
    const refused =
      !check.ok || (conversationId !== undefined && check.claims.conversationId !== conversationId);
    if (refused) {
      const decision = this.deps.limits.failedToken(req, DIRECT_LINE_PATH);
      if (!decision.allowed) {
        sendTooMany(res, decision.retryAfterSeconds);
        return undefined;
      }
    }
    if (!check.ok) {
      if (check.reason === 'expired') {
        sendError(res, 403, 'TokenExpired', 'Het token is verlopen. Vraag een nieuw token aan.');
      } else {
        sendError(res, 401, 'BadToken', 'Een geldig token (Authorization: Bearer) is nodig.');
      }
      return undefined;
    }
    if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
      sendError(res, 403, 'Forbidden', 'Dit token hoort bij een ander gesprek.');
      return undefined;
    }
    return check.claims;
  }
}
