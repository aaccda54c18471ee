import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { startBotProcess } from '../helpers/bot-process.ts';
import { ANONYMOUS_CONTACT_STEPS, say } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// DATA_DIR holds conversation state, records and the feedback counts: only the account the
// bot runs as may read them. The bot runs as its own process (the file mode mask is set for
// the whole process at start), through a contact request and a feedback answer.

describe('data files: readable by their owner only (the bot as its own process)', function () {
  this.timeout(30_000);

  it('writes files 0600 and folders 0700, and closes up what an older version left open', async () => {
    const dataDir = await makeTempDir();
    try {
      // As an older version left them: world-readable.
      await mkdir(join(dataDir, 'state', 'ab'), { recursive: true, mode: 0o755 });
      await chmod(join(dataDir, 'state'), 0o755);
      await writeFile(join(dataDir, 'state', 'ab', 'old.json'), '{}', { mode: 0o644 });
      const bot = await startBotProcess({
        DATA_DIR: dataDir,
        RECORDS_KEY: randomBytes(32).toString('base64'),
      });
      try {
        for (const step of [...ANONYMOUS_CONTACT_STEPS, 'ja']) await say(bot.url, 'p', step);
        await say(bot.url, 'p', 'wat doet een vertrouwenspersoon');
        await say(bot.url, 'p', 'ja'); // "Heeft dit geholpen?": feedback.json
      } finally {
        await bot.stop();
      }
      const open: string[] = [];
      const seen = new Set<string>();
      for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
        const path = join(entry.parentPath, entry.name);
        const mode = (await stat(path)).mode & 0o777;
        seen.add(relative(dataDir, path).split('/')[0] ?? '');
        if (mode & 0o077) open.push(`${relative(dataDir, path)} ${mode.toString(8)}`);
      }
      assert.deepEqual(open, []);
      assert.deepEqual([...seen].sort(), ['feedback.json', 'insight', 'records', 'state']);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
