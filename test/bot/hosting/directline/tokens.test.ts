import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { directLineRoutes } from '../../../../bot/hosting/directline/routes.ts';
import { startHttpApp, type HttpApp } from '../../../helpers/http-app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

// The local Direct Line's tokens and idle time over real HTTP, with a clock the test moves
// (room for conversations: capacity.test.ts).

const MINUTE = 60_000;
const IDLE = 20 * MINUTE;

interface Grant {
  conversationId: string;
  token: string;
  expires_in: number;
}

describe('local Direct Line: tokens, conversation binding and expiry', () => {
  let dataDir: string;
  let running: HttpApp;
  let clock = Date.parse('2026-11-24T09:00:00Z');

  before(async () => {
    dataDir = await makeTempDir();
    const routes = directLineRoutes({ now: () => clock, idleMs: IDLE });
    running = await startHttpApp(dataDir, {}, [routes]);
  });
  after(async () => {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = (path: string) => `${running.app.url}/v3/directline${path}`;
  const auth = (token: string) => ({
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  });

  async function startConversation(): Promise<Grant> {
    const res = await fetch(api('/tokens/generate'), { method: 'POST' });
    const grant = (await res.json()) as Grant;
    const started = await fetch(api('/conversations'), {
      method: 'POST',
      headers: auth(grant.token),
    });
    assert.equal(started.status, 201);
    return grant;
  }

  async function refresh(grant: Grant): Promise<Grant> {
    const res = await fetch(api('/tokens/refresh'), { method: 'POST', headers: auth(grant.token) });
    assert.equal(res.status, 200);
    return (await res.json()) as Grant;
  }

  async function poll(grant: Grant, conversationId = grant.conversationId): Promise<Response> {
    return fetch(api(`/conversations/${conversationId}/activities?watermark=0`), {
      headers: auth(grant.token),
    });
  }

  async function errorCode(res: Response): Promise<string> {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    assert.ok(body.error?.message, 'the error explains itself');
    return body.error?.code ?? '';
  }

  it('rejects a missing or forged token with 401 and a JSON error', async () => {
    const grant = await startConversation();
    const missing = await fetch(api(`/conversations/${grant.conversationId}/activities`));
    assert.equal(missing.status, 401);
    assert.equal(await errorCode(missing), 'BadToken');

    const [header, payload] = grant.token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...decode(payload ?? ''), exp: 4_000_000_000 }),
    ).toString('base64url');
    const forged = await poll({ ...grant, token: `${header}.${forgedPayload}.AAAA` });
    assert.equal(forged.status, 401);
  });

  it("refuses a token for another conversation (403) and never shows the other's messages", async () => {
    const mine = await startConversation();
    const theirs = await startConversation();
    const res = await poll(mine, theirs.conversationId);
    assert.equal(res.status, 403);
    assert.equal(await errorCode(res), 'Forbidden');
    const write = await fetch(api(`/conversations/${theirs.conversationId}/activities`), {
      method: 'POST',
      headers: auth(mine.token),
      body: JSON.stringify({ type: 'message', text: 'hallo' }),
    });
    assert.equal(write.status, 403);
  });

  it('expires tokens after 30 minutes; a refresh extends them', async () => {
    const grant = await startConversation();
    assert.equal(grant.expires_in, 1800);
    clock += 15 * MINUTE;
    const fresh = await refresh(grant);
    assert.equal(fresh.conversationId, grant.conversationId);

    clock += 16 * MINUTE; // 31 minutes after the first token, 16 after the refresh
    const old = await poll(grant);
    assert.equal(old.status, 403);
    assert.equal(await errorCode(old), 'TokenExpired');
    assert.equal((await poll(fresh)).status, 200);

    const lateRefresh = await fetch(api('/tokens/refresh'), {
      method: 'POST',
      headers: auth(grant.token),
    });
    assert.equal(lateRefresh.status, 403, 'an expired token cannot be refreshed');
  });

  it('forgets a conversation and its messages after the idle time; a refresh counts as use', async () => {
    const grant = await startConversation();
    const first = (await (await poll(grant)).json()) as { activities: unknown[] };
    assert.ok(first.activities.length > 0, 'the greeting is there');
    clock += 15 * MINUTE;
    const fresh = await refresh(grant);
    clock += 15 * MINUTE; // 30 minutes old, but used 15 minutes ago
    assert.equal((await poll(fresh)).status, 200);
    const fresher = await refresh(fresh);
    clock += IDLE + MINUTE;
    const gone = await poll(fresher);
    assert.equal(gone.status, 404);
    assert.equal(await errorCode(gone), 'NotFound');
  });

  it('refuses attachments and over-long messages with a Dutch explanation', async () => {
    const grant = await startConversation();
    const url = api(`/conversations/${grant.conversationId}/activities`);
    const post = (activity: unknown) =>
      fetch(url, { method: 'POST', headers: auth(grant.token), body: JSON.stringify(activity) });
    const attachment = await post({
      type: 'message',
      attachments: [{ contentType: 'image/png', contentUrl: 'x' }],
    });
    assert.equal(attachment.status, 400);
    const long = await post({ type: 'message', text: 'a'.repeat(4001) });
    assert.equal(long.status, 413);
    const body = (await long.json()) as { error: { message: string } };
    assert.match(body.error.message, /te lang/);
  });
});

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
