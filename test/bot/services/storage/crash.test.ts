import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { LowdbStorage } from '../../../../bot/services/storage/lowdb-storage.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

const writer = fileURLToPath(new URL('../../../fixtures/storage-writer.ts', import.meta.url));

/** Runs the writer until it has acknowledged `count` writes, then kills it with SIGKILL. */
async function killMidWrite(dir: string, count: number): Promise<number> {
  const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let lastAck = -1;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    lastAck = Number(line.split(' ')[1]);
    if (lastAck >= count) {
      child.kill('SIGKILL');
      break;
    }
  }
  await exited;
  return lastAck;
}

describe('LowdbStorage after a crash', () => {
  it('loads after SIGKILL in the middle of writes, holds every acknowledged write, writes on', () =>
    withTempDir(async (dir) => {
      const lastAck = await killMidWrite(dir, 400);
      const storage = new LowdbStorage({ dir });
      const keys = Array.from({ length: 40 }, (_, n) => `web/conversations/c${n}`);
      const items = await storage.read([...keys, 'counter']);
      assert.ok(Number(items.counter?.i) >= lastAck, 'the last acknowledged counter is kept');
      for (let n = 0; n < 40; n += 1) {
        const lastForKey = lastAck - ((((lastAck - n) % 40) + 40) % 40);
        assert.ok(Number(items[`web/conversations/c${n}`]?.i) >= lastForKey, `key c${n}`);
      }
      let documents = 0;
      for await (const doc of storage.documents()) documents += doc.key ? 1 : 0;
      assert.equal(documents, 41);
      // Whatever step of a write the kill interrupted, the next writes of every key succeed.
      const next = Object.fromEntries(keys.map((key) => [key, { i: 'after', eTag: '*' }]));
      await storage.write(next);
      await storage.write(next);
      const reread = await new LowdbStorage({ dir }).read(keys);
      assert.ok(keys.every((key) => reread[key]?.i === 'after'));
    }));
});
