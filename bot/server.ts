import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { describeError, type Logger } from './logger.ts';
import { checkActivity } from './security/activity-shape.ts';
import {
  DEFAULT_HTTP_SECURITY,
  errorBody,
  sendErrorStatus,
  type HttpSecurity,
} from './security/http-security.ts';
import { RequestLimits, sendTooMany } from './security/request-limits.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export interface HealthInfo {
  status: 'ok';
  version: string;
  knowledgeEntries: number;
  /** How new records reach the bureau ("e-mail", "Teams"). */
  alerts: string[];
  /** Things the bureau should know; the bot works regardless. */
  warnings?: string[];
}

export interface BotServerDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  health: () => HealthInfo;
  /** Rate limits and the local-mode reply rule; defaults when left out. */
  security?: HttpSecurity;
}

/** The HTTP front: the Bot Framework endpoint and a health check. It refuses floods (429)
 *  and malformed activities (400) before CloudAdapter sees them, and counts requests in
 *  flight so a shutdown can wait for turns that have started. */
export class BotServer {
  readonly server: Server;
  private readonly deps: BotServerDeps;
  private readonly security: HttpSecurity;
  private readonly limits: RequestLimits;
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(deps: BotServerDeps) {
    this.deps = deps;
    this.security = deps.security ?? DEFAULT_HTTP_SECURITY;
    this.limits = new RequestLimits(this.security.rateLimits, deps.logger);
    this.server = restify.createServer({ name: 'bdv-chatbot', handleUncaughtExceptions: false });
    this.server.pre(this.limits.pre);
    this.server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
    this.server.on('restifyError', this.onRestifyError);
    // restify 12 accepts async handlers with two parameters (no `next`).
    this.server.post('/api/messages', async (req: Request, res: Response) => {
      await this.handleMessage(req, res);
    });
    this.server.get('/healthz', async (_req: Request, res: Response) => {
      res.json(200, this.deps.health());
      return Promise.resolve();
    });
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address();
    return typeof address === 'object' && address !== null ? address.port : port;
  }

  /** Stops accepting connections, then waits for turns in flight (at most `graceMs`). */
  async close(graceMs = 10_000): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.server.close(() => resolve());
    });
    this.server.server.closeIdleConnections();
    if (this.inFlight > 0) {
      const drained = new Promise<void>((resolve) => (this.drained = resolve));
      const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([drained, timer]);
    }
    this.server.server.closeAllConnections();
    await closed;
  }

  /** Every error restify answers itself (bad JSON, too large, not found, a handler that threw)
   *  gets a fixed body; 5xx are logged without the request. */
  private readonly onRestifyError = (
    req: Request,
    _res: Response,
    err: { statusCode?: unknown; toJSON?: unknown },
    done: () => void,
  ): void => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    err.toJSON = () => errorBody(status);
    if (status >= 500) {
      this.deps.logger.error({ ...describeError(err), route: req.getRoute()?.path }, 'http error');
    }
    done();
  };

  private async handleMessage(req: Request, res: Response): Promise<void> {
    const check = checkActivity(req.body, this.security);
    if (!check.ok) {
      this.deps.logger.debug({ field: check.field }, 'activity rejected');
      res.json(400, {
        error: {
          code: 'BadActivity',
          message: `Dit is geen geldige Bot Framework-activiteit: "${check.field}" ontbreekt of klopt niet.`,
        },
      });
      return;
    }
    // Keyed by address too, so nobody can use up another person's conversation.
    const address = req.socket.remoteAddress ?? 'unknown';
    const decision = this.limits.conversationMessage(`${address}|${check.conversationId}`);
    if (!decision.allowed) {
      sendTooMany(res, decision.retryAfterSeconds);
      return;
    }
    await this.runTurn(req, res);
  }

  private async runTurn(req: Request, res: Response): Promise<void> {
    this.inFlight += 1;
    try {
      await this.deps.adapter.process(req, res, this.deps.logic);
    } catch (error) {
      this.deps.logger.error(describeError(error), 'adapter failed');
      if (!res.headersSent) sendErrorStatus(res, 500);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }
}
