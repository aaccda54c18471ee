import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EtagConflictError, LowdbStorage } from '../../../../bot/services/storage/lowdb-storage.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('LowdbStorage (botbuilder Storage contract)', () => {
  it('reads back what was written, with an eTag, and omits unknown keys', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      await storage.write({ 'web/conversations/a': { step: 2 } });
      const items = await storage.read(['web/conversations/a', 'web/conversations/none']);
      assert.deepEqual(Object.keys(items), ['web/conversations/a']);
      assert.equal(items['web/conversations/a']?.step, 2);
      assert.equal(typeof items['web/conversations/a']?.eTag, 'string');
    }));

  it('rejects a write with a stale eTag and keeps the newer value', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      await storage.write({ k: { v: 1 } });
      const first = (await storage.read(['k'])).k;
      await storage.write({ k: { ...first, v: 2 } });
      await assert.rejects(storage.write({ k: { ...first, v: 3 } }), EtagConflictError);
      assert.equal((await storage.read(['k'])).k?.v, 2);
    }));

  it('catches two turns that both save with "*" what they read (how BotState saves)', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      await storage.write({ k: { step: 0 } });
      const turnA = (await storage.read(['k'])).k ?? {};
      const turnB = (await storage.read(['k'])).k ?? {};
      Object.assign(turnA, { step: 1, eTag: '*' });
      await storage.write({ k: turnA });
      Object.assign(turnA, { step: 2, eTag: '*' }); // the same turn may save twice
      await storage.write({ k: turnA });
      Object.assign(turnB, { step: 9, eTag: '*' });
      await assert.rejects(storage.write({ k: turnB }), EtagConflictError);
      assert.equal((await new LowdbStorage({ dir }).read(['k'])).k?.step, 2);
    }));

  it('lets "*" overwrite whatever is stored', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 9, eTag: '*' } });
      assert.equal((await storage.read(['k'])).k?.v, 9);
    }));

  it('deletes keys, and deleting a missing key is not an error', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.delete(['a', 'never-written']);
      assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
    }));

  it('lets exactly one of several concurrent writes with the same eTag win', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      await storage.write({ k: { v: 0 } });
      const base = (await storage.read(['k'])).k;
      const results = await Promise.allSettled(
        [1, 2, 3, 4, 5].map((v) => storage.write({ k: { ...base, v } })),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      assert.equal(won.length, 1);
      assert.ok(
        results.every((r) => r.status === 'fulfilled' || r.reason instanceof EtagConflictError),
      );
    }));

  it('keeps every value of concurrent writes to different keys', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      const keys = Array.from({ length: 50 }, (_, i) => `web/conversations/c${i}`);
      await Promise.all(keys.map((key, i) => storage.write({ [key]: { i } })));
      const items = await storage.read(keys);
      keys.forEach((key, i) => assert.equal(items[key]?.i, i));
    }));

  it('survives a restart: a new instance on the same folder reads the old state', () =>
    withTempDir(async (dir) => {
      await new LowdbStorage({ dir }).write({ k: { v: 'kept' } });
      const reopened = new LowdbStorage({ dir });
      assert.equal((await reopened.read(['k'])).k?.v, 'kept');
    }));

  it('writes one conversation without touching the files of the others', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      const before = await filesUnder(dir);
      const snapshot = await Promise.all(before.map((f) => readFile(f, 'utf8')));
      await storage.write({ c: { v: 1 } });
      const after = await Promise.all(before.map((f) => readFile(f, 'utf8')));
      assert.deepEqual(after, snapshot);
      assert.equal((await filesUnder(dir)).length, before.length + 1);
    }));

  it('does not rewrite a document whose content did not change', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      await storage.write({ k: { v: 1, nested: { list: [1, 2] } } });
      const [file] = (await filesUnder(dir)).filter((f) => f.endsWith('.json') && !/\/\./.test(f));
      assert.ok(file);
      const before = await readFile(file, 'utf8');
      const item = (await storage.read(['k'])).k ?? {};
      await storage.write({ k: Object.assign(item, { eTag: '*' }) });
      assert.equal(await readFile(file, 'utf8'), before);
      const again = (await storage.read(['k'])).k;
      assert.equal(again?.eTag, JSON.parse(before).eTag);
      // A change after the skipped write is checked against the same eTag, and is written.
      await storage.write({ k: Object.assign(item, { v: 2, eTag: '*' }) });
      assert.equal((await new LowdbStorage({ dir }).read(['k'])).k?.v, 2);
    }));

  it('hands out copies: changing what was read or written does not change what is stored', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      const written = { list: [1], eTag: '*' };
      await storage.write({ k: written });
      written.list.push(2);
      const read = (await storage.read(['k'])).k ?? {};
      (read.list as number[]).push(3);
      assert.deepEqual((await storage.read(['k'])).k?.list, [1]);
    }));

  it('leaves no file of a deleted key behind, hidden temporary files included', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir });
      for (const v of [1, 2, 3]) await storage.write({ k: { v, eTag: '*' } });
      assert.ok((await filesUnder(dir)).length > 0);
      await storage.delete(['k']);
      assert.deepEqual(await filesUnder(dir), []);
    }));

  it('lists every stored document for retention jobs', () =>
    withTempDir(async (dir) => {
      const storage = new LowdbStorage({ dir, now: () => new Date('2026-01-02T03:04:05Z') });
      await storage.write({ x: { v: 1 }, y: { v: 2 } });
      const docs = [];
      for await (const doc of storage.documents()) docs.push(doc);
      assert.deepEqual(docs.map((d) => d.key).sort(), ['x', 'y']);
      assert.ok(docs.every((d) => d.savedAt === '2026-01-02T03:04:05.000Z'));
    }));
});
