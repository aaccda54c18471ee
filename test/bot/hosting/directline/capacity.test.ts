import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import {
  directLineRoutes,
  type DirectLineOptions,
} from '../../../../bot/hosting/directline/routes.ts';
import { startHttpApp, type HttpApp } from '../../../helpers/http-app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

// How many web conversations the local Direct Line keeps, over real HTTP. A conversation
// someone is using is never dropped to make room for another: one address may hold only so
// many, and when all places are taken a new one waits until a conversation has been unused
// for five minutes (Web Chat polls every second while it is open, and at least once a minute
// in a background tab).

const MINUTE = 60_000;

interface Grant {
  conversationId: string;
  token: string;
}

interface Widget {
  grant: Grant;
  status: number;
  body: string;
}

async function withApp(
  env: Record<string, string>,
  options: DirectLineOptions,
  run: (app: HttpApp) => Promise<void>,
) {
  const dataDir = await makeTempDir();
  const running = await startHttpApp(dataDir, env, [directLineRoutes(options)], {
    now: options.now,
  });
  try {
    await run(running);
  } finally {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function client(url: string, address = '') {
  const api = `${url}/v3/directline`;
  const from: Record<string, string> = address ? { 'x-forwarded-for': address } : {};
  const auth = (grant: Grant) => ({
    ...from,
    authorization: `Bearer ${grant.token}`,
    'content-type': 'application/json',
  });
  return {
    /** What the widget does when it opens: a token, then the conversation. */
    async open(): Promise<Widget> {
      const token = await fetch(`${api}/tokens/generate`, { method: 'POST', headers: from });
      const grant = (await token.json()) as Grant;
      const res = await fetch(`${api}/conversations`, { method: 'POST', headers: auth(grant) });
      return { grant, status: res.status, body: await res.text() };
    },
    async poll(grant: Grant): Promise<number> {
      const res = await fetch(`${api}/conversations/${grant.conversationId}/activities`, {
        headers: auth(grant),
      });
      await res.body?.cancel();
      return res.status;
    },
    async say(grant: Grant, text: string): Promise<number> {
      const res = await fetch(`${api}/conversations/${grant.conversationId}/activities`, {
        method: 'POST',
        headers: auth(grant),
        body: JSON.stringify({ type: 'message', text }),
      });
      await res.body?.cancel();
      return res.status;
    },
  };
}

describe('local Direct Line: room for conversations', () => {
  it('keeps a live conversation when one address opens 300 more', () =>
    withApp({}, {}, async ({ app }) => {
      const visitor = client(app.url);
      const mine = await visitor.open();
      assert.equal(mine.status, 201);
      const flood: Widget[] = [];
      for (let n = 0; n < 300; n += 1) flood.push(await visitor.open());
      const statuses = flood.map((w) => w.status);
      assert.equal(statuses.filter((s) => s === 201).length, 39, 'forty for one address');
      assert.equal(statuses.filter((s) => s === 429).length, 261);
      const refused = flood.find((w) => w.status === 429);
      assert.match(refused?.body ?? '', /Vanaf uw adres zijn al veel gesprekken open/);

      assert.equal(await visitor.poll(mine.grant), 200, 'the first conversation is still there');
      assert.equal(await visitor.say(mine.grant, 'hallo'), 200);
    }));

  it('never drops a live conversation when all places are taken; one unused for 5 minutes makes room', () => {
    let clock = Date.parse('2026-12-06T09:00:00Z');
    const now = () => clock;
    return withApp({ TRUST_PROXY: '1' }, { now, maxConversations: 3 }, async ({ app }) => {
      const people = ['203.0.113.1', '203.0.113.2', '203.0.113.3'].map((a) => client(app.url, a));
      const open = await Promise.all(people.map((p) => p.open()));
      assert.deepEqual(
        open.map((w) => w.status),
        [201, 201, 201],
      );
      const latecomer = client(app.url, '198.51.100.4');
      const full = await latecomer.open();
      assert.equal(full.status, 503);
      assert.match(full.body, /De chat is op dit moment erg druk/);
      assert.match(full.body, /contact op met het bureau/);

      clock += 4 * MINUTE;
      for (const [n, person] of people.entries()) {
        const widget = open[n];
        if (n < 2 && widget) assert.equal(await person.poll(widget.grant), 200);
      }
      assert.equal((await latecomer.open()).status, 503, 'nobody has been away 5 minutes yet');
      clock += 2 * MINUTE; // the third person has not polled for 6 minutes
      assert.equal((await latecomer.open()).status, 201);
      const [first, second, third] = open;
      assert.ok(first && second && third);
      assert.equal(await people[0]?.poll(first.grant), 200);
      assert.equal(await people[1]?.poll(second.grant), 200);
      assert.equal(await people[2]?.poll(third.grant), 404, 'the one unused longest made room');
    });
  });

  it('lets one address hold 40 conversations; its own unused ones make room first', () => {
    let clock = Date.parse('2026-12-06T09:00:00Z');
    const now = () => clock;
    return withApp({ TRUST_PROXY: '1' }, { now }, async ({ app }) => {
      const office = client(app.url, '203.0.113.20');
      const widgets: Widget[] = [];
      for (let n = 0; n < 40; n += 1) widgets.push(await office.open());
      assert.ok(widgets.every((w) => w.status === 201));
      assert.equal((await office.open()).status, 429);
      assert.equal((await client(app.url, '198.51.100.5').open()).status, 201, 'others still can');

      clock += 6 * MINUTE;
      for (const widget of widgets.slice(1)) assert.equal(await office.poll(widget.grant), 200);
      assert.equal((await office.open()).status, 201, 'the tab closed 6 minutes ago made room');
      const closed = widgets[0];
      assert.ok(closed);
      assert.equal(await office.poll(closed.grant), 404);
    });
  });
});
