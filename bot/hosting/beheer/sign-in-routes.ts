import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { WorkspaceConfig } from '../../services/config.ts';
import { stripControlChars } from '../../services/security/sanitize.ts';
import { SESSION_COOKIE, SIGN_IN_COOKIE, clearCookie, readCookie, setCookie } from './cookies.ts';
import { sameSecret, type WorkspaceGuard } from './guard.ts';
import type { SignInLockout } from './lockout.ts';
import { messagePage, signInPage } from './pages/sign-in-page.ts';
import { field, redirect, sendPage } from './respond.ts';
import { SESSION_HOURS, type SessionStore } from './sessions.ts';

// Sign-in with the bureau's access code (ADMIN_TOKEN) and a name, and sign-out. With Entra ID
// the platform signs people in; then there is no form, only sign-out.

const FORM_MINUTES = 30;

export interface SignInDeps {
  config: WorkspaceConfig;
  guard: WorkspaceGuard;
  sessions: SessionStore;
  lockout: SignInLockout;
}

function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return n === 1 ? '1 minuut' : `${n} minuten`;
}

function lockedPage(res: Response, seconds: number): void {
  sendPage(
    res,
    429,
    messagePage(
      'Aanmelden tijdelijk geblokkeerd',
      `Er is te vaak een verkeerde toegangscode gebruikt. Probeer het over ${minutes(seconds)} opnieuw. Weet u de code niet? Vraag het aan de beheerder van het bureau.`,
    ),
    { 'Retry-After': String(seconds) },
  );
}

function showForm(
  req: Request,
  res: Response,
  status: number,
  error?: string,
  name?: string,
): void {
  const formToken = randomBytes(24).toString('base64url');
  sendPage(res, status, signInPage({ formToken, error, name }), {
    'Set-Cookie': setCookie(req, SIGN_IN_COOKIE, formToken, FORM_MINUTES * 60),
  });
}

export function installSignIn(server: Server, deps: SignInDeps): void {
  const { guard, sessions, lockout, config } = deps;
  server.get(
    '/beheer',
    guard.open('start', async (_req, res) => {
      redirect(res, '/beheer/verzoeken');
      return Promise.resolve();
    }),
  );
  server.get(
    '/beheer/aanmelden',
    guard.open('aanmeldformulier', async (req, res) => {
      if (config.signIn === 'entra') {
        redirect(res, '/beheer/verzoeken');
        return;
      }
      const session = await sessions.get(readCookie(req, SESSION_COOKIE));
      if (session) redirect(res, '/beheer/verzoeken');
      else showForm(req, res, 200);
    }),
  );
  server.post(
    '/beheer/aanmelden',
    guard.open('aanmelden', async (req, res) => {
      if (config.signIn !== 'token') {
        redirect(res, '/beheer/verzoeken');
        return;
      }
      const address = guard.clientAddress(req);
      const locked = await lockout.lockedFor(address);
      if (locked > 0) {
        guard.log('aanmelden', undefined, 'locked out');
        lockedPage(res, locked);
        return;
      }
      const expectedForm = readCookie(req, SIGN_IN_COOKIE) ?? '';
      if (!sameSecret(field(req.body, '_csrf'), expectedForm)) {
        guard.log('aanmelden', undefined, 'csrf refused');
        showForm(req, res, 403, 'Het formulier was verlopen. Vul het opnieuw in.');
        return;
      }
      const name = stripControlChars(field(req.body, 'naam')).slice(0, 60);
      if (name === '') {
        showForm(req, res, 400, 'Vul uw naam in, zodat het bureau ziet wie een verzoek oppakt.');
        return;
      }
      if (!sameSecret(field(req.body, 'code'), config.token)) {
        const lock = await lockout.failed(address);
        guard.log('aanmelden', undefined, lock > 0 ? 'denied, now locked out' : 'denied');
        if (lock > 0) lockedPage(res, lock);
        else showForm(req, res, 401, 'De toegangscode klopt niet. Let op hoofdletters.', name);
        return;
      }
      await lockout.succeeded(address);
      const created = await sessions.create(name, 'token');
      guard.log('aanmelden', name, 'ok', { via: 'token' });
      redirect(res, '/beheer/verzoeken', [
        setCookie(req, SESSION_COOKIE, created.id, SESSION_HOURS * 3600),
        clearCookie(req, SIGN_IN_COOKIE),
      ]);
      // Tidy up expired sessions and passed lockouts while nobody waits for it.
      void Promise.all([sessions.purge(), lockout.purge()]).catch(() => undefined);
    }),
  );
  server.post(
    '/beheer/afmelden',
    guard.staff('afmelden', async (req, res) => {
      await sessions.end(readCookie(req, SESSION_COOKIE));
      const cookie = clearCookie(req, SESSION_COOKIE);
      if (config.signIn === 'token') {
        redirect(res, '/beheer/aanmelden', [cookie]);
        return;
      }
      sendPage(
        res,
        200,
        messagePage(
          'U bent afgemeld bij de werkplek',
          'Meld u ook af bij Microsoft als u deze computer met anderen deelt.',
          {
            href: '/.auth/logout',
            label: 'Afmelden bij Microsoft',
          },
        ),
        { 'Set-Cookie': cookie },
      );
    }),
  );
}
