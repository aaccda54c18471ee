import assert from 'node:assert/strict';
import { bearerToken, TokenSigner } from '../../../../bot/hosting/directline/token.ts';

describe('Direct Line tokens (HMAC-SHA256 JWT)', () => {
  const now = Date.parse('2026-11-24T09:00:00Z');

  it('carries the conversation and the user, which Web Chat reads from the `user` claim', () => {
    const signer = new TokenSigner(() => now);
    const token = signer.sign('local-abc', 'dl_user', 30 * 60_000);
    const check = signer.verify(token);
    assert.deepEqual(check, {
      ok: true,
      claims: { conversationId: 'local-abc', userId: 'dl_user', expiresAt: now + 30 * 60_000 },
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      user: string;
    };
    assert.equal(payload.user, 'dl_user');
  });

  it('rejects tokens of another server process (a restart invalidates all tokens)', () => {
    const token = new TokenSigner(() => now).sign('local-abc', 'dl_user', 60_000);
    assert.deepEqual(new TokenSigner(() => now).verify(token), { ok: false, reason: 'signature' });
  });

  it('rejects a token whose payload was changed', () => {
    const signer = new TokenSigner(() => now);
    const [header, , signature] = signer.sign('local-abc', 'dl_user', 60_000).split('.');
    const other = signer.sign('local-xyz', 'dl_user', 60_000).split('.')[1];
    assert.deepEqual(signer.verify(`${header}.${other}.${signature}`), {
      ok: false,
      reason: 'signature',
    });
  });

  it('reads only a well-formed Bearer header', () => {
    assert.equal(bearerToken('Bearer abc.def.ghi'), 'abc.def.ghi');
    assert.equal(bearerToken('Basic abc'), undefined);
    assert.equal(bearerToken(undefined), undefined);
  });
});
