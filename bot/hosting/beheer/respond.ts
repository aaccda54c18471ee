import type { Response } from 'restify';
import { contentSecurityPolicy, pageHeaders } from '../web/security-headers.ts';

// Every workspace page goes out with the same strict policy as /chat: scripts and styles only
// from the bot itself, nothing inline, no frames around it, and forms only to itself.

export const WORKSPACE_CSP = contentSecurityPolicy({
  frameAncestors: ["'none'"],
  formAction: "'self'",
});

export function sendPage(
  res: Response,
  status: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    ...pageHeaders(WORKSPACE_CSP),
    // Not no-referrer: with that, browsers send "Origin: null" on the workspace's own forms,
    // and the same-origin check (guard.ts) needs the real origin. Other sites still get none.
    'Referrer-Policy': 'same-origin',
    ...headers,
  });
  res.end(body);
}

/** 303: after a form, the browser fetches the next page with GET (no "resend form?"). */
export function redirect(res: Response, location: string, cookies: string[] = []): void {
  res.writeHead(303, {
    Location: location,
    'Cache-Control': 'no-store',
    ...(cookies.length > 0 ? { 'Set-Cookie': cookies } : {}),
  });
  res.end();
}

/** A form field as a string ('' when absent or not a string). */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function param(params: unknown, name: string): string {
  const value = (params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function query(req: { getQuery(): unknown }, name: string): string {
  const raw = req.getQuery();
  return new URLSearchParams(typeof raw === 'string' ? raw : '').get(name) ?? '';
}
