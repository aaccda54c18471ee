import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger } from '../../../../bot/services/logger.ts';
import { Keyring } from '../../../../bot/services/crypto/keyring.ts';
import { EtagConflictError, LowdbStorage } from '../../../../bot/services/storage/lowdb-storage.ts';
import { SealedStateStore } from '../../../../bot/services/storage/sealed-state-store.ts';
import { LogCapture } from '../../../helpers/bot-harness.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

// The dialog stack sealed with RECORDS_KEY on the way to lowdb files, with the store's eTag
// checks still working through it.

const FORM = {
  dialogStack: [{ id: 'contactRequest', state: { values: { phone: '0612345678' } } }],
};

function sealed(dir: string, keyring = new Keyring(randomBytes(32)), logs = new LogCapture()) {
  const inner = new LowdbStorage({ dir });
  const logger = createLogger('info', logs);
  return new SealedStateStore({ inner, keyring, properties: ['dialogState'], logger });
}

async function allText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

describe('SealedStateStore (a form in progress sealed with RECORDS_KEY)', () => {
  it('stores the dialog stack sealed and reads it back; the rest stays readable', () =>
    withTempDir(async (dir) => {
      const store = sealed(dir);
      await store.write({ 'web/conversations/c': { dialogState: FORM, flags: { greeted: true } } });
      const text = await allText(dir);
      assert.ok(!text.includes('0612345678'));
      assert.match(text, /"flags":\{"greeted":true\}/);
      const item = (await store.read(['web/conversations/c']))['web/conversations/c'];
      assert.deepEqual(item?.dialogState, FORM);
    }));

  it('still catches two turns that both save with "*" what they read', () =>
    withTempDir(async (dir) => {
      const store = sealed(dir);
      await store.write({ k: { dialogState: { dialogStack: [] } } });
      const turnA = (await store.read(['k'])).k ?? {};
      const turnB = (await store.read(['k'])).k ?? {};
      Object.assign(turnA, { dialogState: FORM, eTag: '*' });
      await store.write({ k: turnA });
      Object.assign(turnA, { step: 2, eTag: '*' }); // the same turn may save twice
      await store.write({ k: turnA });
      Object.assign(turnB, { dialogState: { dialogStack: [] }, eTag: '*' });
      await assert.rejects(store.write({ k: turnB }), EtagConflictError);
      assert.deepEqual((await store.read(['k'])).k?.dialogState, FORM);
    }));

  it('drops a sealed stack that does not open (another key, or moved to another key)', () =>
    withTempDir(async (dir) => {
      await sealed(dir).write({ a: { dialogState: FORM, flags: { greeted: true } } });
      const logs = new LogCapture();
      const other = sealed(dir, new Keyring(randomBytes(32)), logs);
      const item = (await other.read(['a'])).a;
      assert.equal(item?.dialogState, undefined);
      assert.deepEqual(item?.flags, { greeted: true });
      assert.ok(logs.lines.some((l) => l.includes('onbekende sleutel')));

      const keyring = new Keyring(randomBytes(32));
      const store = sealed(dir, keyring);
      await store.write({ a: { dialogState: FORM } });
      const moved = (await new LowdbStorage({ dir }).read(['a'])).a;
      await new LowdbStorage({ dir }).write({ b: { dialogState: moved?.dialogState } });
      assert.equal((await sealed(dir, keyring).read(['b'])).b?.dialogState, undefined);
    }));
});
