import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Tokens for the local Direct Line endpoint are JWTs signed with HMAC-SHA256 and a key made
// fresh for every process: nothing to configure or leak, and a restart (which also empties the
// in-memory conversations) invalidates every token. The JWT shape matters: Web Chat reads the
// `user` claim to know which messages are the user's own, as it does with Azure's tokens.

export interface TokenClaims {
  /** The one conversation this token may read and write. */
  conversationId: string;
  /** The user id ('dl_' prefix: bound by the server, never chosen by the browser). */
  userId: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' };

interface Payload {
  conv: string;
  user: string;
  exp: number;
  iat: number;
  iss: string;
}

const ISSUER = 'bdv-chatbot/directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

export class TokenSigner {
  private readonly key: Buffer;
  private readonly now: () => number;

  constructor(now: () => number = Date.now, key: Buffer = randomBytes(32)) {
    this.now = now;
    this.key = key;
  }

  sign(conversationId: string, userId: string, ttlMs: number): string {
    const issuedAt = Math.floor(this.now() / 1000);
    const payload: Payload = {
      conv: conversationId,
      user: userId,
      iat: issuedAt,
      exp: issuedAt + Math.floor(ttlMs / 1000),
      iss: ISSUER,
    };
    const body = `${HEADER}.${base64url(JSON.stringify(payload))}`;
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string | undefined): TokenCheck {
    if (token === undefined || token === '') return { ok: false, reason: 'missing' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    const body = `${parts[0]}.${parts[1]}`;
    const given = Buffer.from(parts[2] ?? '', 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'signature' };
    }
    const payload = parsePayload(parts[1] ?? '');
    if (payload === undefined) return { ok: false, reason: 'malformed' };
    if (payload.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      claims: { conversationId: payload.conv, userId: payload.user, expiresAt: payload.exp * 1000 },
    };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

function parsePayload(part: string): Payload | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { conv, user, exp, iat, iss } = value as Record<string, unknown>;
    if (typeof conv !== 'string' || typeof user !== 'string') return undefined;
    if (typeof exp !== 'number' || typeof iat !== 'number' || iss !== ISSUER) return undefined;
    return { conv, user, exp, iat, iss };
  } catch {
    return undefined;
  }
}

/** The token from an `Authorization: Bearer …` header. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value?.trim() ?? '');
  return match?.[1];
}
