import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { createLogger } from '../../../../bot/services/logger.ts';
import { RetentionJob } from '../../../../bot/services/privacy/retention.ts';
import { BlobRecordStore } from '../../../../bot/services/records/blob-record-store.ts';
import type { NewRecord } from '../../../../bot/services/records/repository.ts';
import { BlobStateStore } from '../../../../bot/services/storage/blob-state-store.ts';
import { EtagConflictError } from '../../../../bot/services/storage/lowdb-storage.ts';
import { startAzurite, type Azurite } from '../../../helpers/azurite.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const CONVERSATION = 'emulator/conversations/gesprek één';
const USER = 'msteams/users/29:1AbC-xyz';

const registration = (userKey: string, name: string): NewRecord => ({
  kind: 'registration',
  userKey,
  fields: { name, email: 'anna@voorbeeld.nl', consent: true },
});

describe('Azure Blob stores (on Azurite)', function () {
  this.timeout(20_000);
  let azurite: Azurite;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite.stop();
  });

  /** A fresh container per test, as createStores makes it. */
  async function open(): Promise<{ container: ContainerClient; state: BlobStateStore }> {
    const name = `t-${randomBytes(6).toString('hex')}`;
    const container = new ContainerClient(azurite.connectionString, name);
    await container.createIfNotExists();
    const storage = new BlobsStorage(azurite.connectionString, name);
    return { container, state: new BlobStateStore({ storage, container }) };
  }

  describe('BlobStateStore', () => {
    it('reads back what was written, accents included, with an eTag; unknown keys are absent', async () => {
      const { state } = await open();
      await state.write({ [CONVERSATION]: { step: 2, name: 'Zoë Müller – Ölçek' } });
      const items = await state.read([CONVERSATION, 'emulator/conversations/none']);
      assert.deepEqual(Object.keys(items), [CONVERSATION]);
      assert.equal(items[CONVERSATION]?.name, 'Zoë Müller – Ölçek');
      assert.equal(typeof items[CONVERSATION]?.eTag, 'string');
    });

    it('keeps data where botbuilder’s own BlobsStorage finds it', async () => {
      const { container, state } = await open();
      await state.write({ [USER]: { consent: true } });
      const plain = new BlobsStorage(azurite.connectionString, container.containerName);
      assert.equal((await plain.read([USER]))[USER]?.consent, true);
    });

    it('refuses to save state that another turn changed since it was read (BotState saves with "*")', async () => {
      const { state } = await open();
      await state.write({ [CONVERSATION]: { answers: ['naam'] } });
      const turnA = (await state.read([CONVERSATION]))[CONVERSATION];
      const turnB = (await state.read([CONVERSATION]))[CONVERSATION];
      turnA.answers = ['naam', 'e-mail van A'];
      turnB.answers = ['naam', 'e-mail van B'];
      turnA.eTag = '*';
      turnB.eTag = '*';
      await state.write({ [CONVERSATION]: turnA });
      await assert.rejects(state.write({ [CONVERSATION]: turnB }), EtagConflictError);
      assert.deepEqual((await state.read([CONVERSATION]))[CONVERSATION]?.answers, [
        'naam',
        'e-mail van A',
      ]);
    });

    it('honours an explicit stale eTag as BlobsStorage does, and "*" on new data overwrites', async () => {
      const { state } = await open();
      await state.write({ k: { v: 1 } });
      const first = (await state.read(['k'])).k;
      await state.write({ k: { ...first, v: 2 } });
      await assert.rejects(state.write({ k: { ...first, v: 3 } }), /eTag conflict/);
      await state.write({ k: { v: 9, eTag: '*' } });
      assert.equal((await state.read(['k'])).k?.v, 9);
    });

    it('lets one turn save the same state twice', async () => {
      const { state } = await open();
      await state.write({ k: { v: 1 } });
      const item = (await state.read(['k'])).k;
      item.eTag = '*';
      await state.write({ k: item });
      item.v = 2;
      await state.write({ k: item });
      assert.equal((await state.read(['k'])).k?.v, 2);
    });
  });

  describe('documents() and the retention job', () => {
    it('lists each state key (not the records) and purges state and records after their days', async () => {
      const { container, state } = await open();
      const records = new BlobRecordStore({ container });
      await state.write({ [CONVERSATION]: { step: 1 }, [USER]: { consent: true } });
      const record = await records.create(registration('u1', 'Anna Jansen'));

      const listed = [];
      for await (const doc of state.documents()) listed.push(doc);
      assert.deepEqual(listed.map((doc) => doc.key).sort(), [CONVERSATION, USER].sort());
      for (const doc of listed) assert.ok(Math.abs(Date.parse(doc.savedAt) - Date.now()) < DAY_MS);

      const purgeAfter = (days: number) =>
        new RetentionJob({
          storage: state,
          records,
          conversationDays: 30,
          recordDays: 90,
          logger: createLogger('silent'),
          now: () => new Date(Date.now() + days * DAY_MS),
        }).purge();

      assert.deepEqual(await purgeAfter(29), { states: 0, records: 0 });
      assert.deepEqual(await purgeAfter(31), { states: 2, records: 0 });
      assert.deepEqual(await state.read([CONVERSATION, USER]), {});
      assert.equal((await records.get(record.ref))?.fields.name, 'Anna Jansen');
      assert.deepEqual(await purgeAfter(91), { states: 0, records: 1 });
      assert.equal(await records.get(record.ref), null);
    });
  });

  describe('BlobRecordStore', () => {
    it('stores a record as records/<ref>.json before create() resolves, and manages it', async () => {
      const { container } = await open();
      const records = new BlobRecordStore({ container });
      const saved = await records.create(registration('u1', 'Anna Jansen'));
      assert.match(saved.ref, /^AAN-[2-9A-Z]{6}$/);
      const blob = await container.getBlobClient(`records/${saved.ref}.json`).downloadToBuffer();
      assert.equal((JSON.parse(blob.toString('utf8')) as typeof saved).fields.name, 'Anna Jansen');

      await records.update(saved.ref, { mailedAt: '2026-01-01T00:00:00.000Z' });
      assert.equal((await records.get(saved.ref))?.mailedAt, '2026-01-01T00:00:00.000Z');
      const other = await records.create({ ...registration('u2', 'Bram'), kind: 'contact' });
      assert.deepEqual(
        (await records.list()).map((r) => r.ref).sort(),
        [saved.ref, other.ref].sort(),
      );

      assert.deepEqual(await records.deleteForUser('u1'), { registration: 1, contact: 0 });
      assert.deepEqual(
        (await records.list()).map((r) => r.ref),
        [other.ref],
      );
      await records.remove(other.ref);
      assert.deepEqual(await records.list(), []);
      assert.equal(await records.get('../etc/passwd'), null);
    });

    it('never lets a second instance overwrite a record that drew the same reference', async () => {
      const { container } = await open();
      const draws = ['AAN-222222', 'AAN-222222', 'AAN-333333'];
      const drawNext = (): string => draws.shift() ?? 'AAN-444444';
      const first = new BlobRecordStore({ container, newReference: drawNext });
      const second = new BlobRecordStore({ container, newReference: drawNext });
      const a = await first.create(registration('u1', 'Anna'));
      const b = await second.create(registration('u2', 'Bram'));
      assert.equal(a.ref, 'AAN-222222');
      assert.equal(b.ref, 'AAN-333333');
      assert.equal((await first.get('AAN-222222'))?.fields.name, 'Anna');
      assert.equal((await first.get('AAN-333333'))?.fields.name, 'Bram');
    });

    it('keeps both of two updates made at the same time', async () => {
      const { container } = await open();
      const records = new BlobRecordStore({ container });
      const saved = await records.create(registration('u1', 'Anna'));
      const other = new BlobRecordStore({ container });
      await Promise.all([
        records.update(saved.ref, { mailedAt: '2026-01-01T00:00:00.000Z' }),
        other.update(saved.ref, { exportedAt: '2026-01-02T00:00:00.000Z' }),
      ]);
      const stored = await records.get(saved.ref);
      assert.equal(stored?.mailedAt, '2026-01-01T00:00:00.000Z');
      assert.equal(stored?.exportedAt, '2026-01-02T00:00:00.000Z');
    });
  });
});
