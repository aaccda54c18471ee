import assert from 'node:assert/strict';
import { RetentionJob } from '../../../../bot/services/privacy/retention.ts';
import { RecordStore } from '../../../../bot/services/records/record-store.ts';
import { LowdbStorage } from '../../../../bot/services/storage/lowdb-storage.ts';
import { createLogger } from '../../../../bot/services/logger.ts';
import { LogCapture } from '../../../helpers/bot-harness.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

describe('retention purge (fake clock)', () => {
  it('deletes state after RETENTION_DAYS and records after RECORD_RETENTION_DAYS', () =>
    withTempDir(async (dir) => {
      let clock = new Date('2026-01-01T00:00:00Z');
      const now = (): Date => clock;
      const storage = new LowdbStorage({ dir: `${dir}/state`, now });
      const records = new RecordStore({ dir: `${dir}/records`, now });
      await storage.write({ old: { v: 1 } });
      const oldRecord = await records.create({ kind: 'contact', userKey: 'u', fields: {} });
      clock = new Date('2026-01-25T00:00:00Z');
      await storage.write({ recent: { v: 1 } });
      const job = new RetentionJob({
        storage,
        records,
        conversationDays: 30,
        recordDays: 90,
        logger: createLogger('info', new LogCapture()),
        now,
      });

      clock = new Date('2026-02-05T00:00:00Z'); // 35 days after "old", 11 after "recent"
      assert.deepEqual(await job.purge(), { states: 1, records: 0 });
      assert.deepEqual(Object.keys(await storage.read(['old', 'recent'])), ['recent']);
      assert.ok(await records.get(oldRecord.ref));

      clock = new Date('2026-04-05T00:00:00Z'); // 94 days after the record
      assert.deepEqual(await job.purge(), { states: 1, records: 1 });
      assert.equal(await records.get(oldRecord.ref), null);
    }));
});
