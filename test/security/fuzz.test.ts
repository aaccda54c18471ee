import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { rm } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import fc from 'fast-check';
import { say, startHttpApp, texts, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// Thousands of random and malformed activities over HTTP against the real server: wrong types,
// missing fields, huge and odd Unicode, nested junk, broken JSON. The server must never crash,
// never answer 5xx, never leave a promise rejection unhandled, and not grow without bound.

const RUNS = 600;
const BATCH = 6; // activities sent at once per run
const HEAP_BOUND_MB = 64;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PHRASES = [
  'hallo',
  'Mijn collega pest mij in de groepsapp',
  'hoe bewaar ik appjes als bewijs',
  'Contactverzoek doen',
  'Anoniem',
  'Met mijn naam',
  'Telefoon',
  '06 12345678',
  'Maakt niet uit',
  'Overslaan',
  'aanmelden',
  'naam@voorbeeld.nl',
  'Ja, afgerond',
  'ja',
  'nee',
  'stop',
  'opnieuw',
  'privacy',
  'vergeet mij',
  'Ja, vergeet mij',
  'ik wil niet meer leven',
  'cursus',
];

const junk = fc.jsonValue({ maxDepth: 3 });
const sometimesJunk = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: arb, weight: 24 }, { arbitrary: junk, weight: 1 });
const oddText = fc.oneof(
  { arbitrary: fc.constantFrom(...PHRASES), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 400 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1_900, maxLength: 4_000 }), weight: 1 },
  {
    arbitrary: fc.string({ unit: 'binary-ascii', minLength: 20_000, maxLength: 70_000 }),
    weight: 1,
  },
);

function activityArb(serviceUrl: string) {
  const account = fc.record({
    id: fc.constantFrom('u1', 'u2', 'u3'),
    name: fc.option(fc.string()),
  });
  const activity = fc.record(
    {
      type: sometimesJunk(
        fc.constantFrom(
          'message',
          'message',
          'message',
          'conversationUpdate',
          'invoke',
          'event',
          'typing',
          'endOfConversation',
          'messageReaction',
          'installationUpdate',
        ),
      ),
      id: sometimesJunk(fc.string({ maxLength: 20 })),
      text: sometimesJunk(oddText),
      channelId: sometimesJunk(fc.constantFrom('emulator', 'msteams', 'webchat', 'directline')),
      serviceUrl: sometimesJunk(fc.constant(serviceUrl)),
      deliveryMode: sometimesJunk(fc.constantFrom('expectReplies', 'expectReplies', 'normal')),
      conversation: sometimesJunk(
        fc.record({
          id: fc.oneof(fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5'), fc.string({ minLength: 1 })),
          conversationType: fc.constantFrom('personal', 'groupChat', 'channel'),
        }),
      ),
      from: sometimesJunk(account),
      recipient: sometimesJunk(fc.record({ id: fc.constant('bot') })),
      value: junk,
      locale: sometimesJunk(fc.oneof(fc.constantFrom('nl-NL', 'en-US'), fc.string())),
      entities: sometimesJunk(
        fc.array(
          fc.record({
            type: fc.constantFrom('mention', 'clientInfo'),
            mentioned: fc.record({ id: fc.constantFrom('bot', 'x') }),
            text: fc.string(),
          }),
          { maxLength: 3 },
        ),
      ),
      attachments: sometimesJunk(
        fc.array(fc.record({ contentType: fc.string(), content: junk }), { maxLength: 2 }),
      ),
      membersAdded: sometimesJunk(fc.array(account, { maxLength: 3 })),
      channelData: sometimesJunk(fc.record({ tenant: fc.record({ id: fc.string() }) })),
    },
    { requiredKeys: ['type', 'channelId', 'conversation', 'from', 'serviceUrl', 'deliveryMode'] },
  );
  return fc.oneof(
    { arbitrary: activity.map((a) => JSON.stringify(a)), weight: 8 },
    { arbitrary: junk.map((j) => JSON.stringify(j)), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
  );
}

/** Stands in for a channel's connector when deliveryMode is "normal": accepts every reply. */
async function channelStub(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    server,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
  };
}

describe('fuzz: random and malformed activities over HTTP', function () {
  this.timeout(120_000);
  let dataDir: string;
  let running: HttpApp;
  let stub: { server: Server; url: string };

  before(async () => {
    dataDir = await makeTempDir();
    stub = await channelStub();
    running = await startHttpApp(dataDir, {
      RATE_LIMIT_IP: '0',
      RATE_LIMIT_CONVERSATION: '0',
      LOG_LEVEL: 'silent',
    });
  });
  after(async () => {
    await running.app.close();
    await new Promise<void>((resolve) => stub.server.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('never crashes, never answers 5xx, leaves no rejection unhandled, keeps memory bounded', async () => {
    const url = `${running.app.url}/api/messages`;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    const consoleErrors: number[] = [0];
    const { error: consoleError, warn: consoleWarn } = console;
    console.error = () => (consoleErrors[0] = (consoleErrors[0] ?? 0) + 1);
    console.warn = console.error;
    process.on('unhandledRejection', onRejection);
    const statuses = new Map<number, number>();
    const send = async (body: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      return res.status;
    };
    try {
      const batch = fc.array(activityArb(stub.url), { minLength: BATCH, maxLength: BATCH });
      // Warm up (code paths compiled, caches filled) before the baseline.
      for (const body of fc.sample(batch, 20).flat()) await send(body);
      gc();
      const before = process.memoryUsage().heapUsed;
      await fc.assert(
        fc.asyncProperty(batch, async (bodies) => {
          const results = await Promise.all(bodies.map(send));
          return results.every((status) => status < 500);
        }),
        { numRuns: RUNS, seed: 20261124 },
      );
      gc();
      const grownMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
      const total = [...statuses.values()].reduce((a, b) => a + b, 0);
      console.log(
        `      ${total} requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
          `heap ${grownMb.toFixed(1)} MB after vs before; console errors ${consoleErrors[0]}`,
      );
      assert.ok(grownMb < HEAP_BOUND_MB, `heap grew ${grownMb.toFixed(1)} MB`);
      assert.ok((statuses.get(200) ?? 0) > total / 3, 'most activities reached the bot');
      assert.ok((statuses.get(400) ?? 0) > 0, 'malformed ones were refused');
    } finally {
      process.off('unhandledRejection', onRejection);
      console.error = consoleError;
      console.warn = consoleWarn;
    }
    assert.deepEqual(rejections, []);
    const health = await fetch(`${running.app.url}/healthz`);
    assert.equal(health.status, 200);
    const answer = await say(running.app.url, 'na-fuzz', 'hoe bewaar ik appjes als bewijs');
    assert.match(texts(answer.replies), /screenshot/i);
  });
});
