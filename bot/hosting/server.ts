import bodyParser from 'body-parser';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import { withDates, type AuthenticateRequestResult, type BureauAdapter } from './bot-framework.ts';
import { describeError, type Logger } from '../services/logger.ts';
import { checkActivity } from '../services/security/activity-shape.ts';
import {
  DEFAULT_HTTP_SECURITY,
  errorBody,
  sendErrorStatus,
  type HttpSecurity,
} from './http-security.ts';
import { RequestLimits, sendTooMany } from '../services/security/request-limits.ts';
import { SignInUnavailableError, TokenRejectedError } from './sign-in-errors.ts';

export const MAX_BODY_BYTES = 256 * 1024;

const SIGN_IN_UNAVAILABLE = {
  code: 'SignInUnavailable',
  message:
    'De aanmelding kan nu niet worden gecontroleerd. Probeer het over een halve minuut opnieuw.',
};

export interface HealthInfo {
  status: 'ok';
  version: string;
  knowledgeEntries: number;
  /** The knowledge version this instance runs (the same hash on every instance when they run
   *  the same files), and whether the last edit loaded. */
  knowledge: {
    hash: string;
    loadedAt: string;
    lastReload?: { at: string; ok: boolean; errors: number };
  };
  /** How new records reach the bureau ("e-mail", "Teams"). */
  alerts: string[];
  /** Things the bureau should know; the bot works regardless. */
  warnings?: string[];
}

export interface BotServerDeps {
  adapter: BureauAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  health: () => HealthInfo;
  /** Rate limits, client addresses and the local-mode reply rule; defaults when left out. */
  security?: HttpSecurity;
  /** The rate limits' clock (tests move it). */
  now?: () => number;
}

/** The HTTP front: the Bot Framework endpoint and a health check. It refuses floods (429)
 *  and malformed activities (400) before CloudAdapter sees them, and counts requests in
 *  flight so a shutdown can wait for turns that have started. */
export class BotServer {
  readonly server: Server;
  private readonly deps: BotServerDeps;
  private readonly security: HttpSecurity;
  /** Also used by the Direct Line endpoint, once it has checked a token. */
  readonly limits: RequestLimits;
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(deps: BotServerDeps) {
    this.deps = deps;
    this.security = deps.security ?? DEFAULT_HTTP_SECURITY;
    this.limits = new RequestLimits(
      this.security.rateLimits,
      deps.logger,
      this.security.clientAddress,
      deps.now,
    );
    this.server = restify.createServer({ name: 'bdv-chatbot', handleUncaughtExceptions: false });
    this.server.pre(this.limits.pre);
    // Not restify's body parser: it counts the bytes as sent, so a gzip body under the limit
    // could unpack to gigabytes. body-parser (Express's) counts the decoded bytes and stops
    // reading at the limit (413), before any route, and so before any token is checked.
    // Not strict: a JSON body that is not an object gets the activity check's own 400.
    this.server.use(bodyParser.json({ limit: MAX_BODY_BYTES, strict: false }));
    // The workspace's forms (/beheer) post urlencoded fields, under the same decoded limit.
    this.server.use(bodyParser.urlencoded({ limit: MAX_BODY_BYTES, extended: false }));
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
    // checkActivity has checked every field the adapter reads; botbuilder's own step then turns
    // the time stamps into dates, as CloudAdapter.process does.
    const activity = withDates(check.activity);
    this.inFlight += 1;
    try {
      await this.runTurn(req, res, activity, check);
    } catch (error) {
      this.deps.logger.error(describeError(error), 'adapter failed');
      if (!res.headersSent) sendErrorStatus(res, 500);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  /** What CloudAdapter.process does, with the token checked before the conversation's limit
   *  and a refusal answered here, without a stack trace. */
  private async runTurn(
    req: Request,
    res: Response,
    activity: Activity,
    check: { conversationId: string },
  ): Promise<void> {
    const { adapter, logic } = this.deps;
    const header = req.headers.authorization;
    let auth: AuthenticateRequestResult;
    try {
      auth = await adapter.authenticate(activity, typeof header === 'string' ? header : '');
    } catch (error) {
      this.refuse(req, res, error);
      return;
    }
    // Keyed by address too, so nobody can use up another person's conversation.
    const address = this.security.clientAddress(req);
    const decision = this.limits.conversationMessage(`${address}|${check.conversationId}`);
    if (!decision.allowed) {
      sendTooMany(res, decision.retryAfterSeconds);
      return;
    }
    const response = await adapter.processAuthenticated(auth, activity, logic);
    res.send(response?.status ?? 200, response?.body);
  }

  private refuse(req: Request, res: Response, error: unknown): void {
    if (error instanceof SignInUnavailableError) {
      // One short line: the class and code of what went wrong, no stack.
      const { errorType, code } = describeError(error.cause);
      this.deps.logger.error({ errorType, code }, 'sign-in metadata unavailable');
      res.json(
        503,
        { error: SIGN_IN_UNAVAILABLE },
        { 'Cache-Control': 'no-store', 'Retry-After': '30' },
      );
      return;
    }
    if (!(error instanceof TokenRejectedError)) throw error;
    const failures = this.limits.failedToken(req, '/api/messages');
    if (!failures.allowed) {
      sendTooMany(res, failures.retryAfterSeconds);
      return;
    }
    this.deps.logger.warn({ reason: error.reason }, 'token rejected');
    res.json(401, errorBody(401), { 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer' });
  }
}
