import type { Request } from 'restify';

// The workspace's two cookies: the session, and before sign-in a random value that the
// sign-in form repeats (so another site cannot sign someone in under its own name). Both are
// HttpOnly and SameSite=Strict, and Secure except on this machine (http://127.0.0.1 in tests
// and local use has no TLS).

export const SESSION_COOKIE = 'bdv_beheer';
export const SIGN_IN_COOKIE = 'bdv_beheer_aanmelden';
export const COOKIE_PATH = '/beheer';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Whether the request came to this machine by name (then cookies go without Secure). */
export function isLocalHost(req: Request): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function setCookie(req: Request, name: string, value: string, maxAgeSeconds: number) {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (!isLocalHost(req)) parts.push('Secure');
  return parts.join('; ');
}

export function clearCookie(req: Request, name: string): string {
  return setCookie(req, name, '', 0);
}
