import assert from 'node:assert/strict';
import { updateDocument } from '../../../../bot/services/storage/document-store.ts';
import { FileDocumentStore } from '../../../../bot/services/storage/file-document-store.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

// The shared documents under DATA_DIR: a conditional write loses to a write in between, so
// concurrent changes are retried instead of overwriting each other.

describe('file document store (DATA_DIR)', () => {
  it('writes only on the version read, and loses no increment under concurrency', () =>
    withTempDir(async (dir) => {
      const store = new FileDocumentStore(dir);
      assert.equal(await store.writeIf('insight/days/2026-12-06', { n: 1 }, null), true);
      assert.equal(await store.writeIf('insight/days/2026-12-06', { n: 2 }, null), false, 'exists');
      const read = await store.read<{ n: number }>('insight/days/2026-12-06');
      assert.equal(await store.writeIf('insight/days/2026-12-06', { n: 2 }, read!.version), true);
      assert.equal(await store.writeIf('insight/days/2026-12-06', { n: 3 }, read!.version), false);

      await Promise.all(
        Array.from({ length: 10 }, () =>
          updateDocument<{ n: number }>(store, 'teller/x', (c) => ({ n: (c?.n ?? 0) + 1 })),
        ),
      );
      assert.equal((await store.read<{ n: number }>('teller/x'))?.value.n, 10);
      assert.deepEqual((await store.list('insight/')).sort(), ['insight/days/2026-12-06']);
      await store.delete('teller/x');
      assert.equal(await store.read('teller/x'), null);
    }));

  it('refuses keys that could leave the folder', () =>
    withTempDir(async (dir) => {
      const store = new FileDocumentStore(dir);
      await assert.rejects(store.read('../buiten'));
      await assert.rejects(store.writeIf('a/../../b', {}, null));
      await assert.rejects(store.list('../'));
    }));
});
