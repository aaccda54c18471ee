import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { EncryptedRecordRepository } from '../../bot/services/records/encrypted-repository.ts';
import { Keyring } from '../../bot/services/crypto/keyring.ts';
import { RecordStore } from '../../bot/services/records/record-store.ts';
import { LowdbStorage } from '../../bot/services/storage/lowdb-storage.ts';
import { ANONYMOUS_CONTACT_STEPS, say, texts } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// The process is killed (SIGKILL: no shutdown code runs) while contact requests are coming in
// on several conversations at once. After a restart every request the bot confirmed with a
// reference must be there, readable with the key, and every stored file must still load.

const main = fileURLToPath(new URL('../../bot/hosting/main.ts', import.meta.url));
const FLOW = [...ANONYMOUS_CONTACT_STEPS, 'ja'];
const LANES = 8;
const CONFIRMED_BEFORE_KILL = 16;

async function startBot(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout })) {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    if (entry.msg === 'bot listening') {
      child.stdout.resume(); // keep draining the log so the child never blocks on it
      return { child, url: entry.url ?? '' };
    }
  }
  throw new Error('the bot did not start');
}

/** Runs contact requests one after another in fresh conversations until told to stop. */
async function lane(url: string, n: number, confirmed: string[], stop: { now: boolean }) {
  for (let round = 0; !stop.now; round += 1) {
    const conversation = `kill-${n}-${round}`;
    try {
      let last = '';
      for (const step of FLOW) last = texts((await say(url, conversation, step)).replies);
      const ref = /CON-[2-9A-Z]{6}/.exec(last)?.[0];
      if (ref) confirmed.push(ref);
    } catch {
      return; // the connection died with the process
    }
  }
}

describe('faults: SIGKILL under load, then restart', function () {
  this.timeout(60_000);

  it('keeps every confirmed contact request, and the stores load after the restart', async () => {
    const dataDir = await makeTempDir();
    const key = randomBytes(32);
    const env = { DATA_DIR: dataDir, RECORDS_KEY: key.toString('base64'), RATE_LIMIT_IP: '0' };
    let bot = await startBot(env);
    try {
      const confirmed: string[] = [];
      const stop = { now: false };
      const exited = new Promise((resolve) => bot.child.once('exit', resolve));
      const lanes = Array.from({ length: LANES }, (_, n) => lane(bot.url, n, confirmed, stop));
      while (confirmed.length < CONFIRMED_BEFORE_KILL) await new Promise((r) => setTimeout(r, 10));
      bot.child.kill('SIGKILL');
      stop.now = true;
      assert.equal(await exited, null, 'killed, not exited');
      await Promise.all(lanes);
      const atKill = [...confirmed];

      bot = await startBot(env);
      const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { status: string };
      assert.equal(health.status, 'ok');
      assert.match(
        texts((await say(bot.url, 'after', 'wat doet een vertrouwenspersoon')).replies),
        /vertrouwenspersoon/,
      );

      const records = new EncryptedRecordRepository(
        new RecordStore({ dir: join(dataDir, 'records') }),
        new Keyring(key),
      );
      const stored = new Map((await records.list()).map((r) => [r.ref, r]));
      const missing = atKill.filter((ref) => !stored.has(ref));
      assert.deepEqual(missing, [], 'every confirmed reference is stored');
      for (const ref of atKill) assert.equal(stored.get(ref)?.fields.phone, '0612345678');

      let states = 0;
      for await (const doc of new LowdbStorage({ dir: join(dataDir, 'state') }).documents()) {
        assert.ok(doc.key.length > 0);
        states += 1;
      }
      assert.ok(states >= LANES, 'conversation state files load');
      console.log(
        `      (${atKill.length} confirmed before the kill, ${stored.size} stored, ${states} state files)`,
      );
    } finally {
      bot.child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
