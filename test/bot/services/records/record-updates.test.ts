import assert from 'node:assert/strict';
import { RecordStore } from '../../../../bot/services/records/record-store.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

describe('record store: updates of one record', () => {
  it('keeps both when two time stamps are written at the same moment', () =>
    withTempDir(async (dir) => {
      const store = new RecordStore({ dir });
      const record = await store.create({
        kind: 'registration',
        userKey: 'k',
        fields: { name: 'Jan', email: 'jan@voorbeeld.nl' },
      });
      // The bureau's mail and the person's confirmation finish together.
      for (let i = 0; i < 20; i += 1) {
        await Promise.all([
          store.update(record.ref, { mailedAt: `2026-12-06T10:00:${String(i).padStart(2, '0')}Z` }),
          store.update(record.ref, {
            confirmedAt: `2026-12-06T11:00:${String(i).padStart(2, '0')}Z`,
          }),
        ]);
      }
      const stored = await store.get(record.ref);
      assert.equal(stored?.mailedAt, '2026-12-06T10:00:19Z');
      assert.equal(stored?.confirmedAt, '2026-12-06T11:00:19Z');
      assert.equal((await store.list()).length, 1);
    }));
});
