import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { peakMemoryMb, startBotProcess, type BotProcess } from '../helpers/bot-process.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// The 256 KB limit holds for the body as the bot reads it, after decompression: a gzip bomb
// (a small compressed body that unpacks to hundreds of megabytes) gets 413 while the bot reads
// it, before it is held in memory and before any token is checked. The bot runs as its own
// process, with Azure credentials set, so its peak memory (VmHWM) can be read from /proc.

const DECODED_MB = 240;

/** About 240 KB of gzip (under the limit as sent) that unpacks to a 240 MB activity: gzip
 *  members may follow one another, so one compressed megabyte of 'a' is simply repeated. */
function gzipBomb(): Buffer {
  const head = gzipSync(
    JSON.stringify({
      type: 'message',
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:1',
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      conversation: { id: 'c1' },
      text: '',
    }).slice(0, -2),
  );
  const megabyte = gzipSync(Buffer.alloc(1024 * 1024, 'a'));
  const tail = gzipSync('"}');
  return Buffer.concat([head, ...Array.from({ length: DECODED_MB }, () => megabyte), tail]);
}

const GZIP_JSON = { 'content-type': 'application/json', 'content-encoding': 'gzip' };

describe('HTTP body limit on the decoded body (gzip bomb)', function () {
  this.timeout(60_000);
  let dataDir: string;
  let bot: BotProcess;

  before(async () => {
    dataDir = await makeTempDir();
    bot = await startBotProcess({
      DATA_DIR: dataDir,
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'geen-echt-geheim',
    });
  });
  after(async () => {
    await bot.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('still accepts a small compressed activity', async () => {
    const grant = (await (
      await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })
    ).json()) as { token: string; conversationId: string };
    const api = `${bot.url}/v3/directline/conversations`;
    const auth = { authorization: `Bearer ${grant.token}` };
    assert.equal((await fetch(api, { method: 'POST', headers: auth })).status, 201);
    const res = await fetch(`${api}/${grant.conversationId}/activities`, {
      method: 'POST',
      headers: { ...auth, ...GZIP_JSON },
      body: gzipSync(JSON.stringify({ type: 'message', text: 'hallo' })),
    });
    assert.equal(res.status, 200, await res.text());
  });

  it('answers 413 to a 240 KB body that unpacks to 240 MB, before authentication, without the memory', async () => {
    const bomb = gzipBomb();
    assert.ok(bomb.length < 256 * 1024, `${bomb.length} bytes as sent`);
    const before = await peakMemoryMb(bot.child.pid);
    const targets = [
      `${bot.url}/api/messages`,
      `${bot.url}/v3/directline/conversations/local-x/activities`,
    ];
    const answers = await Promise.all(
      [...targets, ...targets].map(async (url) => {
        const res = await fetch(url, { method: 'POST', headers: GZIP_JSON, body: bomb });
        return `${res.status} ${await res.text()}`;
      }),
    );
    const after = await peakMemoryMb(bot.child.pid);
    const growth = `peak memory ${Math.round(before)} MB before, grew by ${Math.round(after - before)} MB`;
    console.log(`      ${growth}; answers ${answers.map((a) => a.slice(0, 3)).join(', ')}`);
    for (const answer of answers) assert.match(answer, /^413 .*te groot/, growth);
    assert.ok(after - before < 64, growth);
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
  });
});
