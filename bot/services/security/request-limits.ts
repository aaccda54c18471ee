import type { IncomingMessage } from 'node:http';
import type { Next, Request, Response } from 'restify';
import type { Logger } from '../logger.ts';
import type { ClientAddress } from './client-address.ts';
import { RateLimiter, type RateDecision } from './rate-limit.ts';

// Which requests are limited, and by what key:
// - per client address: every request to /api/messages and the Direct Line endpoints
//   (/api/directline for the widget's token, /v3/directline for the local endpoint);
// - per conversation: messages (/api/messages by the activity's conversation, Direct Line
//   posts by the conversation in the path), and separately the widget's polling, which
//   Web Chat does about once a second. A Direct Line request is counted against its
//   conversation only once its token has been checked: a request with a bad token counts
//   against its client address (failed sign-ins), never against someone's conversation.
// Behind a proxy the client address comes from X-Forwarded-For only with TRUST_PROXY set
// (client-address.ts). An office where 20 people have the widget open shares one address:
// Web Chat polls once a second, so that is 1,200 requests a minute; the default of 3,000
// leaves room for about 45 open widgets behind one address, with their messages.

export interface RateLimitSettings {
  /** Requests a minute from one address; 0 turns the limit off. */
  ipPerMinute: number;
  /** Messages a minute in one conversation; 0 turns the limit off. */
  conversationPerMinute: number;
  /** Polls a minute for one Direct Line conversation. */
  pollPerMinute: number;
  /** Requests a minute from one address whose token does not verify. */
  failedTokensPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  ipPerMinute: 3000,
  conversationPerMinute: 60,
  pollPerMinute: 300,
  failedTokensPerMinute: 60,
};

const LIMITED_PREFIXES = ['/api/messages', '/api/directline', '/v3/directline'];

export const TOO_MANY = {
  code: 'TooManyRequests',
  message: 'U stuurt te veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.',
};

export class RequestLimits {
  private readonly ip: RateLimiter;
  private readonly conversation: RateLimiter;
  private readonly poll: RateLimiter;
  private readonly failedTokens: RateLimiter;
  private readonly logger: Logger;
  private readonly clientAddress: ClientAddress;
  /** Keys currently refused, so a flood logs one line per key, not one per request. */
  private readonly refusing = new Set<string>();

  constructor(
    settings: RateLimitSettings,
    logger: Logger,
    clientAddress: ClientAddress,
    now?: () => number,
  ) {
    this.ip = new RateLimiter({ perMinute: settings.ipPerMinute, now });
    this.conversation = new RateLimiter({ perMinute: settings.conversationPerMinute, now });
    this.poll = new RateLimiter({ perMinute: settings.pollPerMinute, now });
    this.failedTokens = new RateLimiter({ perMinute: settings.failedTokensPerMinute, now });
    this.logger = logger;
    this.clientAddress = clientAddress;
  }

  /** restify `pre` handler: runs before routing and before the body is read. */
  readonly pre = (req: Request, res: Response, next: Next): void => {
    const path = req.getPath();
    if (!LIMITED_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      next();
      return;
    }
    const decision = this.check('ip', this.ip, this.clientAddress(req), path);
    if (decision.allowed) {
      next();
      return;
    }
    sendTooMany(res, decision.retryAfterSeconds);
    next(false);
  };

  /** For /api/messages, whose conversation is only known once the body is parsed. */
  conversationMessage(conversationKey: string): RateDecision {
    return this.check('conversation', this.conversation, conversationKey, '/api/messages');
  }

  /** A Direct Line post or poll whose token is valid for this conversation. */
  directLine(conversationId: string, polling: boolean): RateDecision {
    const limiter = polling ? this.poll : this.conversation;
    return this.check(polling ? 'poll' : 'conversation', limiter, conversationId, '/v3/directline');
  }

  /** A request whose token did not verify, counted against the address it came from. */
  failedToken(req: IncomingMessage, route: string): RateDecision {
    return this.check('failed token', this.failedTokens, this.clientAddress(req), route);
  }

  private check(kind: string, limiter: RateLimiter, key: string, path: string): RateDecision {
    const decision = limiter.take(key);
    const id = `${kind}\u0000${key}`;
    if (decision.allowed) {
      this.refusing.delete(id);
    } else if (!this.refusing.has(id)) {
      if (this.refusing.size > 10_000) this.refusing.clear();
      this.refusing.add(id);
      // Neither the address nor the conversation: only which limit and where.
      this.logger.warn({ limit: kind, route: routeOf(path) }, 'rate limited');
    }
    return decision;
  }
}

function routeOf(path: string): string {
  return LIMITED_PREFIXES.find((prefix) => path.startsWith(prefix)) ?? 'other';
}

export function sendTooMany(res: Response, retryAfterSeconds: number): void {
  res.json(
    429,
    { error: TOO_MANY },
    { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' },
  );
}
