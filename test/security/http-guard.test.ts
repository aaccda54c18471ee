import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { directLineRoutes } from '../../bot/hosting/directline/routes.ts';
import { postActivity, say, startHttpApp, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// Bad input and floods at the HTTP front, over real HTTP against the real server.

const base = {
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:1',
  deliveryMode: 'expectReplies',
  from: { id: 'u1' },
  recipient: { id: 'bot' },
  conversation: { id: 'c1' },
};

async function post(url: string, body: string) {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, text: await res.text(), retryAfter: res.headers.get('retry-after') };
}

async function withApp(env: Record<string, string>, run: (app: HttpApp) => Promise<void>) {
  const dataDir = await makeTempDir();
  const running = await startHttpApp(dataDir, env, [directLineRoutes()]);
  try {
    await run(running);
  } finally {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('HTTP guard: activities CloudAdapter would choke on get 400, never 500', () => {
  const marker = 'Geheim-7731-marker';
  const cases: Array<[string, unknown]> = [
    ['a list', [{ ...base, type: 'message', text: marker }]],
    ['null', null],
    ['a string', marker],
    ['no type', { ...base, text: marker }],
    ['a number as type', { ...base, type: 7, text: marker }],
    ['a prototype key as type', { ...base, type: '__proto__', text: marker }],
    ['text that is an object', { ...base, type: 'message', text: { marker } }],
    ['no conversation', { ...base, conversation: undefined, type: 'message', text: marker }],
    ['a conversation without id', { ...base, conversation: { name: marker }, type: 'message' }],
    ['no sender', { ...base, from: undefined, type: 'message', text: marker }],
    [
      'membersAdded that is not a list',
      { ...base, type: 'conversationUpdate', membersAdded: marker },
    ],
    ['members without id', { ...base, type: 'conversationUpdate', membersAdded: [null, 5] }],
    ['entities with junk', { ...base, type: 'message', text: marker, entities: [null, 'x'] }],
    ['channelData that is text', { ...base, type: 'message', text: marker, channelData: marker }],
    ['an unknown delivery mode', { ...base, type: 'message', text: marker, deliveryMode: marker }],
    [
      'a conversationUpdate without recipient',
      { ...base, recipient: undefined, type: 'conversationUpdate', membersAdded: [{ id: 'u1' }] },
    ],
    [
      'a message without recipient',
      { ...base, recipient: undefined, type: 'message', text: marker },
    ],
  ];

  it('answers each with 400 and a Dutch JSON error naming the field, not echoing the value', () =>
    withApp({}, async (running) => {
      for (const [name, body] of cases) {
        const res = await post(running.app.url, JSON.stringify(body));
        assert.equal(res.status, 400, name);
        const parsed = JSON.parse(res.text) as { error: { code: string; message: string } };
        assert.equal(parsed.error.code, 'BadActivity', name);
        assert.match(parsed.error.message, /geen geldige Bot Framework-activiteit/);
        assert.ok(!res.text.includes(marker), `${name}: the value came back`);
      }
      const ok = await say(running.app.url, 'after', 'hallo');
      assert.equal(ok.status, 200, 'the bot still answers a proper activity');
    }));

  it('answers broken JSON with 400 and a body over 256 KB with 413, quoting nothing', () =>
    withApp({}, async (running) => {
      const broken = await post(running.app.url, `{"type":"message","text":"${marker}`);
      assert.equal(broken.status, 400);
      assert.ok(!broken.text.includes(marker));
      assert.match(broken.text, /Het verzoek is ongeldig/);
      const huge = await post(
        running.app.url,
        JSON.stringify({ ...base, text: marker.repeat(20_000) }),
      );
      assert.equal(huge.status, 413);
      assert.ok(!huge.text.includes(marker));
    }));

  it('in local mode (no Azure credentials) sends replies only to this machine', () =>
    withApp({}, async (running) => {
      const elsewhere = await postActivity(running.app.url, 'ssrf', {
        text: 'hallo',
        deliveryMode: 'normal',
        serviceUrl: 'http://169.254.169.254/latest/',
      });
      assert.equal(elsewhere.status, 400);
    }));
});

describe('HTTP guard: rate limits with 429 and Retry-After', () => {
  it('limits one conversation and leaves other conversations alone', () =>
    withApp({ RATE_LIMIT_CONVERSATION: '5' }, async (running) => {
      const { url } = running.app;
      const burst = await Promise.all(
        Array.from({ length: 20 }, () =>
          post(url, JSON.stringify({ ...base, type: 'message', text: 'hallo' })),
        ),
      );
      const statuses = burst.map((r) => r.status);
      assert.ok(
        statuses.every((s) => s === 200 || s === 429),
        statuses.join(),
      );
      assert.ok(statuses.filter((s) => s === 200).length >= 5);
      const refused = burst.find((r) => r.status === 429);
      assert.ok(refused, 'a flood in one conversation is refused');
      assert.ok(Number(refused.retryAfter) >= 1, 'Retry-After says when to try again');
      const body = JSON.parse(refused.text) as { error: { message: string } };
      assert.match(body.error.message, /te veel berichten/);
      assert.equal((await say(url, 'someone-else', 'hallo')).status, 200);
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      assert.ok(
        running.logs.lines.some((l) => l.includes('"rate limited"') && l.includes('conversation')),
      );
    }));

  it('limits one address across conversations and Direct Line, but not the health check', () =>
    withApp({ RATE_LIMIT_IP: '12' }, async (running) => {
      const { url } = running.app;
      const statuses: number[] = [];
      for (let n = 0; n < 8; n += 1) statuses.push((await say(url, `c${n}`, 'hallo')).status);
      for (let n = 0; n < 8; n += 1) {
        const res = await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' });
        statuses.push(res.status);
        if (res.status === 429) assert.ok(Number(res.headers.get('retry-after')) >= 1);
      }
      assert.deepEqual(statuses.slice(0, 12), Array(12).fill(200));
      assert.deepEqual(statuses.slice(12), [429, 429, 429, 429]);
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
    }));

  it('limits posts to one Direct Line conversation', () =>
    withApp({ RATE_LIMIT_CONVERSATION: '3' }, async (running) => {
      const api = `${running.app.url}/v3/directline`;
      const grant = (await (await fetch(`${api}/tokens/generate`, { method: 'POST' })).json()) as {
        token: string;
        conversationId: string;
      };
      const headers = {
        authorization: `Bearer ${grant.token}`,
        'content-type': 'application/json',
      };
      assert.equal((await fetch(`${api}/conversations`, { method: 'POST', headers })).status, 201);
      const statuses: number[] = [];
      for (let n = 0; n < 5; n += 1) {
        const res = await fetch(`${api}/conversations/${grant.conversationId}/activities`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'hallo' }),
        });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const poll = await fetch(`${api}/conversations/${grant.conversationId}/activities`, {
        headers,
      });
      assert.equal(poll.status, 200, 'polling has its own, larger allowance');
    }));

  it('checks the token first: forged posts to a conversation do not use up its allowance', () =>
    withApp({ TRUST_PROXY: '1' }, async (running) => {
      const api = `${running.app.url}/v3/directline`;
      const owner = { 'x-forwarded-for': '203.0.113.10' };
      const grant = (await (
        await fetch(`${api}/tokens/generate`, { method: 'POST', headers: owner })
      ).json()) as { token: string; conversationId: string };
      const headers = {
        ...owner,
        authorization: `Bearer ${grant.token}`,
        'content-type': 'application/json',
      };
      assert.equal((await fetch(`${api}/conversations`, { method: 'POST', headers })).status, 201);
      const activities = `${api}/conversations/${grant.conversationId}/activities`;
      const [header, payload] = grant.token.split('.');
      const forged = async (address: string) => {
        const res = await fetch(activities, {
          method: 'POST',
          headers: {
            'x-forwarded-for': address,
            authorization: `Bearer ${header}.${payload}.AAAA`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ type: 'message', text: 'hallo' }),
        });
        await res.body?.cancel();
        return res.status;
      };
      const attacker: number[] = [];
      for (let n = 0; n < 60; n += 1) attacker.push(await forged('198.51.100.66'));
      assert.deepEqual(attacker, Array<number>(60).fill(401), 'each forged post is refused');
      const post = await fetch(activities, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', text: 'hallo' }),
      });
      assert.equal(post.status, 200, "the owner's next message still goes through");

      // Failures are counted per address: the one guessing is slowed down, nobody else.
      assert.equal(await forged('198.51.100.66'), 429);
      assert.equal(await forged('192.0.2.44'), 401);
      const poll = await fetch(activities, { headers });
      assert.equal(poll.status, 200);
    }));

  it('never answers 5xx under a burst of 400 requests in 40 conversations', () =>
    withApp({}, async (running) => {
      const { url } = running.app;
      const burst = await Promise.all(
        Array.from({ length: 400 }, (_, n) =>
          say(url, `burst-${n % 40}`, n % 3 === 0 ? 'wat doet een vertrouwenspersoon' : 'hallo'),
        ),
      );
      const statuses = burst.map((r) => r.status);
      assert.ok(
        statuses.every((s) => s === 200 || s === 429),
        [...new Set(statuses)].join(),
      );
      assert.ok(statuses.includes(200));
    }));
});
