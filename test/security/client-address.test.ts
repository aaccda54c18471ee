import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { ConfigError, loadConfig } from '../../bot/services/config.ts';
import { directLineRoutes } from '../../bot/hosting/directline/routes.ts';
import { startHttpApp, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// Limits per client address behind a proxy, over real HTTP. The test connects from loopback
// and plays the proxy itself: it writes X-Forwarded-For as App Service's front end does
// (the client's address, with the port Azure adds).

async function withApp(
  env: Record<string, string>,
  run: (app: HttpApp) => Promise<void>,
  now?: () => number,
) {
  const dataDir = await makeTempDir();
  const running = await startHttpApp(dataDir, env, [directLineRoutes({ now })], { now });
  try {
    await run(running);
  } finally {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const from = (address: string) => ({ 'x-forwarded-for': address });

async function newToken(url: string, address: string): Promise<number> {
  const res = await fetch(`${url}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: from(address),
  });
  await res.body?.cancel();
  return res.status;
}

describe('client address behind a proxy (TRUST_PROXY)', () => {
  it('lets an office of 20 open widgets behind one address poll every second, without 429', async () => {
    let clock = Date.parse('2026-12-06T09:00:00Z');
    await withApp(
      { TRUST_PROXY: '1' },
      async ({ app }) => {
        const office = '203.0.113.20';
        const api = `${app.url}/v3/directline`;
        const widgets = await Promise.all(
          Array.from({ length: 20 }, async (_, n) => {
            const grant = (await (
              await fetch(`${api}/tokens/generate`, { method: 'POST', headers: from(office) })
            ).json()) as { token: string; conversationId: string };
            const headers = {
              ...from(`${office}:${50_000 + n}`),
              authorization: `Bearer ${grant.token}`,
              'content-type': 'application/json',
            };
            const started = await fetch(`${api}/conversations`, { method: 'POST', headers });
            assert.equal(started.status, 201);
            return { url: `${api}/conversations/${grant.conversationId}/activities`, headers };
          }),
        );
        const statuses = new Map<number, number>();
        const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
        for (let second = 0; second < 180; second += 1) {
          clock += 1000;
          await Promise.all(
            widgets.map(async (widget, n) => {
              const poll = await fetch(widget.url, { headers: widget.headers });
              await poll.body?.cancel();
              count(poll.status);
              if ((second + n) % 30 !== 0) return;
              const post = await fetch(widget.url, {
                method: 'POST',
                headers: widget.headers,
                body: JSON.stringify({ type: 'message', text: 'hallo' }),
              });
              await post.body?.cancel();
              count(post.status);
            }),
          );
        }
        assert.deepEqual([...statuses.keys()], [200], JSON.stringify([...statuses]));
        assert.equal(statuses.get(200), 20 * 180 + 20 * 6);
      },
      () => clock,
    );
  });

  it('limits each client address on its own; the port Azure adds is not a new address', () =>
    withApp({ TRUST_PROXY: '1', RATE_LIMIT_IP: '10' }, async ({ app }) => {
      const flood: number[] = [];
      for (let n = 0; n < 12; n += 1)
        flood.push(await newToken(app.url, `198.51.100.7:${40_000 + n}`));
      assert.deepEqual(flood, [...Array<number>(10).fill(200), 429, 429]);
      assert.equal(await newToken(app.url, '203.0.113.20'), 200, 'another address is not limited');
      assert.equal(await newToken(app.url, '[2001:db8::7]:443'), 200);
    }));

  it('without TRUST_PROXY ignores X-Forwarded-For, which any client can write', () =>
    withApp({ RATE_LIMIT_IP: '10' }, async ({ app }) => {
      const statuses: number[] = [];
      for (let n = 0; n < 12; n += 1) statuses.push(await newToken(app.url, `192.0.2.${n}`));
      assert.deepEqual(statuses, [...Array<number>(10).fill(200), 429, 429]);
    }));

  it('trusts only the hops it is told: a forged first entry does not help the client', () =>
    withApp({ TRUST_PROXY: 'loopback', RATE_LIMIT_IP: '3' }, async ({ app }) => {
      const statuses: number[] = [];
      for (let n = 0; n < 5; n += 1) {
        statuses.push(await newToken(app.url, `10.9.9.${n}, 198.51.100.9`));
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    }));

  it('reads hops or a list of addresses, and names TRUST_PROXY when it is neither', () => {
    const config = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    assert.equal(config(''), 0);
    assert.equal(config('1'), 1);
    assert.deepEqual(config('loopback, 10.0.0.0/8'), ['loopback', '10.0.0.0/8']);
    for (const bad of ['true', 'ja', '11', '10.0.0.0/99']) {
      assert.throws(
        () => config(bad),
        (error: unknown) => error instanceof ConfigError && error.variable === 'TRUST_PROXY',
        bad,
      );
    }
  });
});
