import { randomBytes } from 'node:crypto';

// Security headers shared by the chat page and the Teams tab. Scripts only from our own
// origin (no inline script anywhere), styles from our origin plus a per-response nonce for
// the <style> elements Web Chat creates, and no plug-ins, forms or base-URL tricks.

export interface PolicyOptions {
  /** Extra origins for fetch/WebSocket, e.g. Azure's Direct Line in production. */
  connectSources?: string[];
  /** Who may show this page in a frame. */
  frameAncestors: string[];
  styleNonce?: string;
  /** Where forms may post; default none (the workspace posts to itself). */
  formAction?: string;
}

/** The hash of an empty <style> element. react-scroll-to-bottom (inside Web Chat) creates one
 *  without the nonce and fills it through the CSSOM (insertRule), which CSP does not restrict;
 *  allowing exactly "no inline CSS text" lets that sheet exist without opening style-src. */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export function contentSecurityPolicy(options: PolicyOptions): string {
  const style = options.styleNonce
    ? `'self' 'nonce-${options.styleNonce}' ${EMPTY_STYLE_HASH}`
    : `'self'`;
  const directives = [
    `default-src 'none'`,
    `script-src 'self'`,
    `style-src ${style}`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src ${["'self'", ...(options.connectSources ?? [])].join(' ')}`,
    `frame-ancestors ${options.frameAncestors.join(' ')}`,
    `base-uri 'none'`,
    `form-action ${options.formAction ?? "'none'"}`,
    `object-src 'none'`,
  ];
  return directives.join('; ');
}

/** Nothing on these pages needs a camera, a microphone, a location or payments. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

export function pageHeaders(csp: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cache-Control': 'no-store',
  };
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}
