import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  say,
  startHttpApp,
  texts,
  type HttpApp,
  ANONYMOUS_CONTACT_STEPS,
} from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// DATA_DIR that cannot be written. The tests run as root, and chmod does not stop root, so
// each case puts a plain file where the bot expects a folder: creating or reading anything
// "inside" it fails with ENOTDIR for every user, root included.

const CANNOT_SAVE = /kan op dit moment niets opslaan/;

async function withBrokenFolder(folder: 'state' | 'records', run: (app: HttpApp) => Promise<void>) {
  const dataDir = await makeTempDir();
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, folder), 'geen map\n');
  const running = await startHttpApp(dataDir);
  try {
    await run(running);
  } finally {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('faults: a DATA_DIR the bot cannot write', () => {
  it('starts, answers and stops when DATA_DIR itself is a file, with no unhandled rejection', async () => {
    const parent = await makeTempDir();
    const dataDir = join(parent, 'data');
    await writeFile(dataDir, 'geen map\n');
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const running = await startHttpApp(dataDir);
      const reply = await say(running.app.url, 'file', 'hoe bewaar ik appjes als bewijs');
      assert.match(texts(reply.replies), /screenshot/i);
      assert.match(texts(reply.replies), CANNOT_SAVE);
      await running.app.close();
      assert.ok(running.logs.lines.some((l) => l.includes('feedback store unavailable')));
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(rejections, []);
    } finally {
      process.off('unhandledRejection', onRejection);
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('still answers a question when conversation state cannot be saved, says so, and logs why', () =>
    withBrokenFolder('state', async (running) => {
      const reply = await say(running.app.url, 'ro', 'hoe bewaar ik appjes als bewijs');
      assert.equal(reply.status, 200);
      const said = texts(reply.replies);
      assert.match(said, /screenshot/i, 'the knowledge answer');
      assert.match(said, CANNOT_SAVE);
      assert.match(said, /Foutcode: [0-9A-F]{8}/);
      const errors = running.logs.lines.filter((l) => l.includes('"level":50'));
      assert.ok(errors.some((l) => l.includes('ENOTDIR') && l.includes('storage unavailable')));
      assert.ok(errors.some((l) => l.includes('state storage unreadable')));
      const again = await say(running.app.url, 'ro', 'wat doet een vertrouwenspersoon');
      assert.match(texts(again.replies), /vertrouwenspersoon/);
    }));

  it('never confirms a contact request it could not store, and offers another way', () =>
    withBrokenFolder('records', async (running) => {
      const { url } = running.app;
      const steps = ANONYMOUS_CONTACT_STEPS;
      for (const step of steps) await say(url, 'rec', step);
      const done = texts((await say(url, 'rec', 'ja')).replies);
      assert.doesNotMatch(done, /CON-[2-9A-Z]{6}/);
      assert.doesNotMatch(done, /ontvangen/);
      assert.match(done, CANNOT_SAVE);
      assert.match(done, /contact/);
      assert.ok(
        running.logs.lines.some(
          (l) => /"storageCode":"(ENOTDIR|EEXIST)"/.test(l) && l.includes('storage unavailable'),
        ),
      );
      assert.ok(running.logs.lines.every((l) => !l.includes('0612345678')));
    }));
});
