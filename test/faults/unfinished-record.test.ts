import assert from 'node:assert/strict';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RecordStore } from '../../bot/services/records/record-store.ts';
import { startHttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// A SIGKILL between lowdb's write of the temporary file and its rename leaves a complete
// record in DATA_DIR/records/.<ref>.json.tmp that the person was never told about. No list,
// export, retention or "vergeet mij" sees it, so the bot removes such files when it starts.

describe('faults: a record write cut off by a crash', () => {
  it('is removed at the next start and counted in the log; finished records stay', async () => {
    const dataDir = await makeTempDir();
    const dir = join(dataDir, 'records');
    try {
      const kept = await new RecordStore({ dir }).create({
        kind: 'contact',
        userKey: 'k1',
        fields: { anonymous: true, phone: '0612345678', moments: 'altijd', consent: true },
      });
      await mkdir(dir, { recursive: true });
      const orphan = {
        kind: 'contact',
        userKey: 'k2',
        fields: { anonymous: true, phone: '0687654321', moments: 'altijd', consent: true },
        ref: 'CON-7K3QX9',
        createdAt: new Date().toISOString(),
      };
      await writeFile(join(dir, '.CON-7K3QX9.json.tmp'), JSON.stringify(orphan));
      await writeFile(join(dir, '.AAN-2B4C6D.json.tmp'), '{"kind":"registra');

      const running = await startHttpApp(dataDir);
      await running.app.close();

      assert.deepEqual(await readdir(dir), [`${kept.ref}.json`]);
      const line = running.logs.lines.find((l) => l.includes('unfinished record writes removed'));
      assert.ok(line, running.logs.lines.join('\n'));
      assert.equal((JSON.parse(line) as { removed?: number }).removed, 2);
      assert.ok(!line.includes('CON-7K3QX9'), 'the log counts, it does not list');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('logs nothing about it when there was nothing to remove', async () => {
    const dataDir = await makeTempDir();
    try {
      const running = await startHttpApp(dataDir);
      await running.app.close();
      assert.ok(!running.logs.lines.some((l) => l.includes('unfinished record writes')));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
