import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.ts';
import {
  CHANNEL_ISSUER,
  startSignInStandIn,
  type SignInStandIn,
} from '../helpers/signin-stand-in.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// Bot Framework tokens on /api/messages when Azure credentials are set, against the bot as its
// own process. The Bot Framework's sign-in metadata and signing keys cannot be reached from
// here, so a local stand-in (test/helpers/signin-stand-in.ts) publishes a key of its own and
// the bot is pointed at it with botbuilder's ToBotFromChannelOpenIdMetadataUrl setting.
// Every token that does not verify gets 401; metadata that cannot be fetched gets 503 with one
// short JSON log line; nothing but JSON lines is written, on stdout or stderr.

const APP_ID = '00000000-0000-0000-0000-000000000001';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const HOUR = 3600;

const activity = (text: string) => ({
  type: 'message',
  id: `a-${text}`,
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  deliveryMode: 'expectReplies',
  from: { id: 'u1' },
  recipient: { id: `28:${APP_ID}` },
  conversation: { id: 'c1', conversationType: 'personal' },
  text,
});

describe('Bot Framework tokens (sign-in metadata from a local stand-in)', function () {
  this.timeout(30_000);
  let dataDir: string;
  let standIn: SignInStandIn;
  let bot: BotProcess;

  before(async () => {
    dataDir = await makeTempDir();
    standIn = await startSignInStandIn();
    bot = await startBotProcess({
      DATA_DIR: dataDir,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'geen-echt-geheim',
      ToBotFromChannelOpenIdMetadataUrl: standIn.metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: standIn.metadataUrl,
    });
  });
  afterEach(() => {
    standIn.mode = 'ok';
  });
  after(async () => {
    await bot.stop();
    await standIn.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: CHANNEL_ISSUER,
    aud: APP_ID,
    serviceurl: SERVICE_URL,
    nbf: now() - 60,
    exp: now() + HOUR,
    ...extra,
  });

  async function send(token: string | undefined, text = 'hallo') {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(activity(text)),
    });
    return { status: res.status, body: await res.text() };
  }

  it('answers 503 with one short JSON log line while the metadata cannot be fetched', async () => {
    for (const mode of ['down', 'error'] as const) {
      standIn.mode = mode;
      const logged = bot.stdout.length;
      const res = await send(standIn.token(claims()));
      assert.equal(res.status, 503, `${mode}: ${res.body}`);
      assert.equal(
        (JSON.parse(res.body) as { error: { code: string } }).error.code,
        'SignInUnavailable',
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Warnings and errors only: the start-up's retention line may come in between.
      const lines = bot.stdout
        .slice(logged)
        .filter((l) => ((JSON.parse(l) as { level: number }).level ?? 0) >= 40);
      assert.equal(lines.length, 1, lines.join('\n'));
      const line = lines[0] ?? '';
      assert.match(line, /"msg":"sign-in metadata unavailable"/);
      assert.ok(line.length < 300 && !line.includes('\\n'), `short, no stack: ${line}`);
    }
  });

  it('answers 401 to every token that does not verify', async () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const bad: Array<[string, string | undefined]> = [
      ['no token', undefined],
      ['not a JWT', 'abc'],
      [
        'a signature by another key, with the known key id',
        standIn.token(claims(), { key: otherKey }),
      ],
      ['alg none', standIn.token(claims(), { alg: 'none' })],
      [
        'HS256 signed with the public key',
        standIn.token(claims(), { alg: 'HS256', secret: standIn.publicKeyPem }),
      ],
      ['nbf an hour ahead', standIn.token(claims({ nbf: now() + HOUR }))],
      ['expired an hour ago', standIn.token(claims({ exp: now() - HOUR }))],
      ['for another bot', standIn.token(claims({ aud: 'someone-else' }))],
      ['for another service URL', standIn.token(claims({ serviceurl: 'https://example.org/' }))],
    ];
    const answers: string[] = [];
    for (const [name, token] of bad) {
      const res = await send(token);
      answers.push(`${name}: ${res.status} ${res.body.slice(0, 80)}`);
    }
    const expected = bad.map(([name]) => `${name}: 401 {"error":{"code":"Unauthorized"`);
    assert.deepEqual(
      answers.map((a) => a.slice(0, a.indexOf('{"error":{"code":"Unauthorized"') + 31)),
      expected,
      answers.join('\n'),
    );
  });

  it('answers a token that does verify', async () => {
    const res = await send(standIn.token(claims()), 'wat doet een vertrouwenspersoon');
    assert.equal(res.status, 200, res.body);
    assert.match(res.body, /"activities":\[/);
  });

  it('writes nothing but JSON lines: no stack traces, nothing on stderr', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(bot.stderr, []);
    for (const line of bot.stdout) assert.doesNotThrow(() => JSON.parse(line), line);
  });
});
