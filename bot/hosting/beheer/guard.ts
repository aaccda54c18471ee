import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { WorkspaceConfig } from '../../services/config.ts';
import { describeError, newErrorId, type Logger } from '../../services/logger.ts';
import type { ClientAddress } from '../../services/security/client-address.ts';
import { RateLimiter } from '../../services/security/rate-limit.ts';
import { SESSION_COOKIE, readCookie, setCookie } from './cookies.ts';
import { entraPrincipal, isStaff } from './entra-principal.ts';
import { messagePage } from './pages/sign-in-page.ts';
import { field, redirect, sendPage } from './respond.ts';
import { SESSION_HOURS, type Session, type SessionStore } from './sessions.ts';

// Who may do what in the workspace, checked before every page and every change: a session
// (or, with Entra ID, a staff member signed in by App Service), the form token on every
// change, a same-origin check, and a rate limit per address. Each access is logged with who
// and what (the action and a reference), never with content.

export interface Staff {
  who: string;
  session: Session;
}

export type Action = (
  req: Request,
  res: Response,
  staff: Staff,
) => Promise<Record<string, unknown> | void>;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares in constant time, whatever the lengths. */
export function sameSecret(given: string, expected: string): boolean {
  return given !== '' && timingSafeEqual(digest(given), digest(expected));
}

/** A form posted from another site carries that site's Origin; browsers always send one with
 *  a POST, so one that names another host is refused. */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export class WorkspaceGuard {
  private readonly config: WorkspaceConfig;
  private readonly sessions: SessionStore;
  private readonly logger: Logger;
  private readonly limiter: RateLimiter;

  /** The client's address, from X-Forwarded-For as far as TRUST_PROXY says. */
  readonly clientAddress: ClientAddress;

  constructor(deps: {
    config: WorkspaceConfig;
    sessions: SessionStore;
    logger: Logger;
    clientAddress: ClientAddress;
    perMinute?: number;
  }) {
    this.clientAddress = deps.clientAddress;
    this.config = deps.config;
    this.sessions = deps.sessions;
    this.logger = deps.logger;
    this.limiter = new RateLimiter({ perMinute: deps.perMinute ?? 300 });
  }

  log(
    action: string,
    staff: string | undefined,
    outcome: string,
    details: Record<string, unknown> = {},
  ) {
    const level = outcome === 'ok' ? 'info' : 'warn';
    this.logger[level](
      { beheer: action, staff: staff ?? null, outcome, ...details },
      'beheer access',
    );
  }

  /** A rate-limited handler without sign-in (sign-in page, assets are served elsewhere). */
  open(action: string, run: (req: Request, res: Response) => Promise<void>) {
    return async (req: Request, res: Response): Promise<void> => {
      if (!this.allowed(req, res, action)) return;
      try {
        await run(req, res);
      } catch (error) {
        this.failed(res, action, undefined, error);
      }
    };
  }

  /** A page or change for signed-in staff only; changes (POST) also need the form token. */
  staff(action: string, run: Action) {
    return async (req: Request, res: Response): Promise<void> => {
      if (!this.allowed(req, res, action)) return;
      let who: string | undefined;
      try {
        const staff = await this.signedIn(req, res, action);
        if (!staff) return;
        who = staff.who;
        if (req.method === 'POST' && !this.formAllowed(req, staff.session)) {
          this.log(action, who, 'csrf refused');
          sendPage(
            res,
            403,
            messagePage(
              'Deze actie is niet uitgevoerd',
              'Het formulier was verlopen of kwam niet van deze werkplek. Er is niets gewijzigd. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
              { href: '/beheer/verzoeken', label: 'Naar de verzoeken' },
            ),
          );
          return;
        }
        const details = await run(req, res, staff);
        this.log(action, who, 'ok', details ?? {});
      } catch (error) {
        this.failed(res, action, who, error);
      }
    };
  }

  formAllowed(req: Request, session: Session): boolean {
    return sameOrigin(req) && sameSecret(field(req.body, '_csrf'), session.csrf);
  }

  private allowed(req: Request, res: Response, action: string): boolean {
    const decision = this.limiter.take(this.clientAddress(req));
    if (decision.allowed) return true;
    this.log(action, undefined, 'rate limited');
    sendPage(
      res,
      429,
      messagePage(
        'Even geduld',
        'Er kwamen te veel verzoeken kort na elkaar. Wacht een minuut en probeer het opnieuw.',
      ),
      { 'Retry-After': String(decision.retryAfterSeconds) },
    );
    return false;
  }

  private async signedIn(req: Request, res: Response, action: string): Promise<Staff | undefined> {
    const id = readCookie(req, SESSION_COOKIE);
    const session = await this.sessions.get(id);
    if (this.config.signIn === 'token') {
      if (session?.via === 'token') return { who: session.who, session };
      this.log(action, undefined, 'not signed in');
      if (req.method === 'GET') redirect(res, '/beheer/aanmelden');
      else
        sendPage(
          res,
          401,
          messagePage(
            'U bent niet (meer) aangemeld',
            'Er is niets gewijzigd. Meld u opnieuw aan.',
            { href: '/beheer/aanmelden', label: 'Aanmelden' },
          ),
        );
      return undefined;
    }
    return this.entraStaff(req, res, action, session, id);
  }

  /** With Entra ID the platform has signed the person in; our session follows that account. */
  private async entraStaff(
    req: Request,
    res: Response,
    action: string,
    session: Session | undefined,
    id: string | undefined,
  ): Promise<Staff | undefined> {
    if (this.config.signIn !== 'entra') return undefined;
    const principal = entraPrincipal(req);
    if (!principal) {
      this.log(action, undefined, 'not signed in');
      sendPage(
        res,
        401,
        messagePage(
          'Aanmelden met uw Microsoft-account',
          'U bent niet aangemeld. Meld u aan met het Microsoft-account van het bureau.',
          {
            href: '/.auth/login/aad?post_login_redirect_uri=/beheer/verzoeken',
            label: 'Aanmelden met Microsoft',
          },
        ),
      );
      return undefined;
    }
    if (!isStaff(principal, this.config.staff)) {
      this.log(action, principal.display, 'not staff');
      sendPage(
        res,
        403,
        messagePage(
          'Geen toegang',
          'Uw account staat niet op de lijst van medewerkers die de werkplek mogen gebruiken. Vraag de beheerder van het bureau om u toe te voegen.',
        ),
      );
      return undefined;
    }
    if (session?.via === 'entra' && session.principalId === principal.id) {
      return { who: session.who, session };
    }
    if (req.method !== 'GET') {
      // A change needs a form from a page of this session: start one, then let them retry.
      this.log(action, principal.display, 'no session');
      sendPage(
        res,
        403,
        messagePage(
          'Deze actie is niet uitgevoerd',
          'Er is niets gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
        ),
      );
      return undefined;
    }
    await this.sessions.end(id);
    const created = await this.sessions.create(principal.display, 'entra', principal.id);
    res.header('Set-Cookie', setCookie(req, SESSION_COOKIE, created.id, SESSION_HOURS * 3600));
    this.log('aanmelden', principal.display, 'ok', { via: 'entra' });
    return { who: created.session.who, session: created.session };
  }

  private failed(res: Response, action: string, who: string | undefined, error: unknown): void {
    const errorId = newErrorId();
    this.logger.error(
      { beheer: action, staff: who ?? null, outcome: 'failed', errorId, ...describeError(error) },
      'beheer access',
    );
    if (res.headersSent) return;
    sendPage(
      res,
      500,
      messagePage(
        'Er ging iets mis',
        `Dit lukte niet door een fout aan de kant van de werkplek. Er is mogelijk niets gewijzigd; kijk het na en probeer het opnieuw. Foutcode: ${errorId}.`,
      ),
    );
  }
}
