import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';

// A local stand-in for the Bot Framework's sign-in metadata: the OpenID configuration and the
// signing keys (JWKS) that botframework-connector fetches to check a channel's token. The real
// ones (login.botframework.com) cannot be reached from the tests, and their private keys are
// Microsoft's, so the stand-in makes its own RSA key and signs tokens with it.

export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const KEY_ID = 'stand-in-key';

/** ok: serve the metadata; error: answer 500; down: drop every connection. */
export type StandInMode = 'ok' | 'error' | 'down';

export interface SignInStandIn {
  /** The URL for ToBotFromChannelOpenIdMetadataUrl. */
  metadataUrl: string;
  publicKeyPem: string;
  mode: StandInMode;
  /** A JWT as a channel would send it, signed with the stand-in's key unless told otherwise. */
  token(claims: Record<string, unknown>, options?: TokenOptions): string;
  close(): Promise<void>;
}

export interface TokenOptions {
  alg?: 'RS256' | 'HS256' | 'none';
  /** RS256 with another private key (the signature does not match the published key). */
  key?: KeyObject;
  /** HS256 with this secret. */
  secret?: string;
}

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startSignInStandIn(): Promise<SignInStandIn> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  let base = '';
  // No chaining on writeHead: restify, loaded into the same test process by other tests,
  // replaces it with one that returns nothing.
  const server: Server = createServer((req, res) => {
    if (standIn.mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (standIn.mode === 'error') {
      res.writeHead(500);
      res.end();
      return;
    }
    const body = req.url?.endsWith('/keys')
      ? { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e }] }
      : { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const standIn: SignInStandIn = {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    mode: 'ok',
    token(claims, options = {}) {
      const alg = options.alg ?? 'RS256';
      const unsigned = `${part({ alg, typ: 'JWT', kid: KEY_ID })}.${part(claims)}`;
      if (alg === 'none') return `${unsigned}.`;
      if (alg === 'HS256') {
        const mac = createHmac('sha256', options.secret ?? '').update(unsigned);
        return `${unsigned}.${mac.digest('base64url')}`;
      }
      const signer = createSign('RSA-SHA256').update(unsigned);
      return `${unsigned}.${signer.sign(options.key ?? privateKey).toString('base64url')}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
