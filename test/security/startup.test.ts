import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { startHttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// Production without RECORDS_KEY is refused by the configuration (test/bot/services/records/
// encrypted-records.test.ts), and main.ts turns any ConfigError into exit code 1 with the
// message (test/e2e/process.test.ts). Development may run without a key, but says so.

describe('start-up without RECORDS_KEY in development', () => {
  it('warns in the log that records are stored unencrypted', async () => {
    const dataDir = await makeTempDir();
    const running = await startHttpApp(dataDir);
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
    const warning = running.logs.lines.find((l) => l.includes('RECORDS_KEY ontbreekt'));
    assert.ok(warning);
    assert.match(warning, /"level":40/);
  });
});
