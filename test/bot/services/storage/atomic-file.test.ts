import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AtomicFiles,
  previousPath,
  tempPath,
} from '../../../../bot/services/storage/atomic-file.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

describe('AtomicFiles (temporary file renamed over the target)', () => {
  it('replaces the text and leaves only an empty temporary file: no old version on disk', () =>
    withTempDir(async (dir) => {
      const files = new AtomicFiles();
      const path = join(dir, 'doc.json');
      for (const text of ['{"v":1}', '{"v":2}', '{"v":3}']) await files.write(path, text);
      assert.equal(await readFile(path, 'utf8'), '{"v":3}');
      assert.equal(await readFile(tempPath(path), 'utf8'), '');
      assert.deepEqual((await readdir(dir)).sort(), ['.doc.json.tmp', 'doc.json']);
    }));

  it('keeps the old file as the next temporary file instead of creating one per write', () =>
    withTempDir(async (dir) => {
      const files = new AtomicFiles();
      const path = join(dir, 'doc.json');
      await files.write(path, 'one');
      const first = (await stat(path)).ino;
      await files.write(path, 'two');
      assert.equal((await stat(tempPath(path))).ino, first);
      const second = (await stat(path)).ino;
      await files.write(path, 'three');
      assert.equal((await stat(path)).ino, first, 'the two inodes take turns');
      assert.equal((await stat(tempPath(path))).ino, second);
    }));

  it('writes on after a crash that left the second name of the old file behind', () =>
    withTempDir(async (dir) => {
      const files = new AtomicFiles();
      const path = join(dir, 'doc.json');
      await files.write(path, 'one');
      await writeFile(previousPath(path), 'left by a crash');
      await files.write(path, 'two');
      assert.equal(await readFile(path, 'utf8'), 'two');
      assert.deepEqual((await readdir(dir)).sort(), ['.doc.json.tmp', 'doc.json']);
      assert.equal(await readFile(tempPath(path), 'utf8'), '');
    }));

  it('without hard links writes as lowdb does: a new temporary file, renamed away', () =>
    withTempDir(async (dir) => {
      const files = new AtomicFiles({ reuseInodes: false });
      const path = join(dir, 'doc.json');
      await files.write(path, 'one');
      await files.write(path, 'two');
      assert.equal(await readFile(path, 'utf8'), 'two');
      assert.deepEqual(await readdir(dir), ['doc.json']);
    }));

  it('removes the file with its hidden companions; removing nothing is not an error', () =>
    withTempDir(async (dir) => {
      const files = new AtomicFiles();
      const path = join(dir, 'doc.json');
      await files.write(path, 'one');
      await files.write(path, 'two');
      await writeFile(previousPath(path), 'left by a crash');
      await files.remove(path);
      assert.deepEqual(await readdir(dir), []);
      await files.remove(join(dir, 'never-written.json'));
    }));
});
