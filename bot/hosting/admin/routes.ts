import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { AppParts, RouteInstaller } from '../app.ts';
import { describeError, type Logger } from '../../services/logger.ts';
import { BureauAccess } from '../../services/records/bureau-access.ts';
import type { ClientAddress } from '../../services/security/client-address.ts';
import { errorBody } from '../http-security.ts';
import { RateLimiter } from '../../services/security/rate-limit.ts';
import { sendTooMany } from '../../services/security/request-limits.ts';

// The bureau's records over HTTP, for a tool that cannot run `npm run records`. Only when
// ADMIN_TOKEN is set, and only with that bearer token; every access is logged with what was
// asked (list or one reference) and the outcome, never with the record's content.

export const ADMIN_RECORDS_PATH = '/admin/records';

export interface AdminOptions {
  /** Requests a minute per client address. */
  perMinute?: number;
  /** Failed sign-ins a minute per client address. */
  failuresPerMinute?: number;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares digests, so neither the content nor the length of the token leaks through time. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

class AdminEndpoint {
  private readonly token: string;
  private readonly access: BureauAccess;
  private readonly logger: Logger;
  private readonly clientAddress: ClientAddress;
  private readonly requests: RateLimiter;
  private readonly failures: RateLimiter;

  constructor(token: string, app: AppParts, options: AdminOptions) {
    this.token = token;
    this.access = new BureauAccess(app.records);
    this.logger = app.logger;
    this.clientAddress = app.clientAddress;
    this.requests = new RateLimiter({ perMinute: options.perMinute ?? 60 });
    this.failures = new RateLimiter({ perMinute: options.failuresPerMinute ?? 10 });
  }

  install(server: Server): void {
    server.get(ADMIN_RECORDS_PATH, async (req: Request, res: Response) => {
      await this.guarded(req, res, 'list', async () => {
        const records = await this.access.list();
        res.json(200, { records }, NO_STORE);
        return { count: records.length };
      });
    });
    server.get(`${ADMIN_RECORDS_PATH}/:ref`, async (req: Request, res: Response) => {
      const param = (req.params as Record<string, unknown> | undefined)?.ref;
      const ref = typeof param === 'string' ? param.toUpperCase() : '';
      await this.guarded(req, res, 'get', async () => {
        const record = await this.access.get(ref);
        if (!record) {
          res.json(404, errorBody(404), NO_STORE);
          return { ref, found: false };
        }
        res.json(200, { record }, NO_STORE);
        return { ref, found: true };
      });
    });
  }

  private async guarded(
    req: Request,
    res: Response,
    action: string,
    work: () => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const address = this.clientAddress(req);
    const allowed = this.requests.take(address);
    if (!allowed.allowed) {
      this.logger.warn({ admin: action, outcome: 'rate limited' }, 'admin access');
      sendTooMany(res, allowed.retryAfterSeconds);
      return;
    }
    if (!tokenMatches(req.headers.authorization, this.token)) {
      const failure = this.failures.take(address);
      this.logger.warn({ admin: action, outcome: 'denied' }, 'admin access');
      if (!failure.allowed) sendTooMany(res, failure.retryAfterSeconds);
      else res.json(401, errorBody(401), { ...NO_STORE, 'WWW-Authenticate': 'Bearer' });
      return;
    }
    try {
      const details = await work();
      this.logger.info({ admin: action, outcome: 'ok', ...details }, 'admin access');
    } catch (error) {
      this.logger.error(
        { admin: action, outcome: 'failed', ...describeError(error) },
        'admin access',
      );
      if (!res.headersSent) res.json(500, errorBody(500), NO_STORE);
    }
  }
}

/** Installs nothing without ADMIN_TOKEN: then no endpoint exposes records at all. */
export function adminRoutes(options: AdminOptions = {}): RouteInstaller {
  return (server: Server, app: AppParts) => {
    const token = app.config.adminToken;
    if (token === undefined) return;
    new AdminEndpoint(token, app, options).install(server);
  };
}

export const installAdminRoutes: RouteInstaller = adminRoutes();
