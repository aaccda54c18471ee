import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../../bot/services/config.ts';
import { createLogger } from '../../../../bot/services/logger.ts';
import { RetentionJob } from '../../../../bot/services/privacy/retention.ts';
import {
  EncryptedRecordRepository,
  RecordDecryptError,
} from '../../../../bot/services/records/encrypted-repository.ts';
import { Keyring } from '../../../../bot/services/crypto/keyring.ts';
import { RecordStore } from '../../../../bot/services/records/record-store.ts';
import type { NewRecord } from '../../../../bot/services/records/repository.ts';
import { LowdbStorage } from '../../../../bot/services/storage/lowdb-storage.ts';
import { LogCapture } from '../../../helpers/bot-harness.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

const contact = (userKey = 'user-a'): NewRecord => ({
  kind: 'contact',
  userKey,
  fields: {
    anonymous: false,
    name: 'Fenna Koopmans',
    phone: '0612345678',
    description: 'Mijn teamleider appt mij elke avond',
    consent: true,
  },
});

async function filesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
}

describe('records at rest (AES-256-GCM under RECORDS_KEY)', () => {
  it('stores nothing the person shared in clear, and reads it back with the key', () =>
    withTempDir(async (dir) => {
      const raw = new RecordStore({ dir });
      const records = new EncryptedRecordRepository(raw, new Keyring(keyA));
      const saved = await records.create(contact());
      const [file = ''] = await filesIn(dir);
      for (const secret of ['Fenna', 'Koopmans', '0612345678', 'teamleider', 'anonymous']) {
        assert.ok(!file.includes(secret), `${secret} is stored in clear`);
      }
      const stored = JSON.parse(file) as Record<string, unknown>;
      assert.equal(stored.ref, saved.ref);
      assert.equal(stored.kind, 'contact');
      assert.equal(stored.userKey, 'user-a');
      assert.equal(stored.createdAt, saved.createdAt);
      assert.deepEqual((await records.get(saved.ref))?.fields, contact().fields);
      await records.update(saved.ref, { mailedAt: '2026-11-24T10:00:00.000Z' });
      const [again] = await records.list();
      assert.equal(again?.mailedAt, '2026-11-24T10:00:00.000Z');
      assert.equal(again?.fields.name, 'Fenna Koopmans');
    }));

  it('refuses tampered ciphertext, sealed fields moved to another person, and a wrong key', () =>
    withTempDir(async (dir) => {
      const raw = new RecordStore({ dir });
      const records = new EncryptedRecordRepository(raw, new Keyring(keyA));
      const victim = await records.create(contact('user-a'));
      const other = await records.create(contact('user-b'));
      const file = join(dir, `${victim.ref}.json`);
      const stored = JSON.parse(await readFile(file, 'utf8')) as { fields: { data: string } };
      const bytes = Buffer.from(stored.fields.data, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      stored.fields.data = bytes.toString('base64');
      await writeFile(file, JSON.stringify(stored));
      await assert.rejects(records.get(victim.ref), RecordDecryptError);

      const moved = (await raw.get(other.ref))?.fields ?? {};
      const third = await raw.create({ kind: 'contact', userKey: 'user-c', fields: moved });
      await assert.rejects(records.get(third.ref), RecordDecryptError);

      const withoutKey = new EncryptedRecordRepository(raw, new Keyring(keyB));
      await assert.rejects(withoutKey.get(other.ref), /RECORDS_KEY/);
    }));

  it('rotates: written under key A, re-encrypted with B (A previous), then readable with B alone', () =>
    withTempDir(async (dir) => {
      const raw = new RecordStore({ dir });
      const underA = new EncryptedRecordRepository(raw, new Keyring(keyA));
      const refs = [];
      for (const user of ['u1', 'u2', 'u3']) refs.push((await underA.create(contact(user))).ref);
      // One record from before any key was set, stored in clear.
      const plain = await raw.create({ ...contact('u4'), kind: 'registration' });

      const rotating = new EncryptedRecordRepository(raw, new Keyring(keyB, [keyA]));
      assert.deepEqual(await rotating.rotate(), { rotated: 4, current: 0 });
      assert.deepEqual(await rotating.rotate(), { rotated: 0, current: 4 });

      const onlyB = new EncryptedRecordRepository(raw, new Keyring(keyB));
      const all = await onlyB.list();
      assert.equal(all.length, 4);
      assert.ok(all.every((r) => r.fields.name === 'Fenna Koopmans'));
      assert.ok((await filesIn(dir)).every((file) => !file.includes('Fenna')));
      const onlyA = new EncryptedRecordRepository(raw, new Keyring(keyA));
      await assert.rejects(onlyA.get(refs[0] ?? ''), RecordDecryptError);
      await assert.rejects(onlyA.get(plain.ref), RecordDecryptError);
    }));

  it('lets retention and "vergeet mij" work on sealed records without any key', () =>
    withTempDir(async (dir) => {
      let now = new Date('2026-01-01T09:00:00Z');
      const raw = new RecordStore({ dir: join(dir, 'records'), now: () => now });
      const records = new EncryptedRecordRepository(raw, new Keyring(keyA));
      await records.create(contact('old'));
      now = new Date('2026-03-01T09:00:00Z');
      const fresh = await records.create(contact('fresh'));
      await records.create(contact('forget-me'));
      const job = new RetentionJob({
        storage: new LowdbStorage({ dir: join(dir, 'state') }),
        records: raw,
        conversationDays: 30,
        recordDays: 30,
        logger: createLogger('silent', new LogCapture()),
        now: () => now,
      });
      assert.deepEqual(await job.purge(), { states: 0, records: 1 });
      assert.deepEqual(await raw.deleteForUser('forget-me'), { registration: 0, contact: 1 });
      assert.deepEqual(
        (await records.list()).map((r) => r.ref),
        [fresh.ref],
      );
    }));
});

describe('RECORDS_KEY, RECORDS_KEY_PREVIOUS and ADMIN_TOKEN in the configuration', () => {
  const azure = { MicrosoftAppId: 'id', MicrosoftAppPassword: 'geheim', NODE_ENV: 'production' };
  const variableOf = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.variable;
      throw error;
    }
    return '';
  };

  it('requires a key in production, with a message that says how to make one', () => {
    assert.throws(() => loadConfig(azure), /RECORDS_KEY.*openssl rand -base64 32/);
    const key = randomBytes(32);
    assert.equal(
      loadConfig({ ...azure, RECORDS_KEY: key.toString('base64') }).recordsKey,
      key.toString('base64'),
    );
    assert.equal(variableOf({ ...azure, RECORDS_KEY: key.toString('hex') }), '');
    assert.equal(loadConfig({}).recordsKey, undefined, 'development may run without one');
  });

  it('names the variable when a key is not 32 bytes in base64 or hex', () => {
    assert.equal(variableOf({ RECORDS_KEY: 'wachtwoord123' }), 'RECORDS_KEY');
    assert.equal(variableOf({ RECORDS_KEY: randomBytes(16).toString('base64') }), 'RECORDS_KEY');
    const good = randomBytes(32).toString('base64');
    assert.equal(
      variableOf({
        RECORDS_KEY: good,
        RECORDS_KEY_PREVIOUS: `${randomBytes(32).toString('hex')},kort`,
      }),
      'RECORDS_KEY_PREVIOUS',
    );
    const previous = [randomBytes(32).toString('hex'), randomBytes(32).toString('base64')];
    assert.deepEqual(
      loadConfig({ RECORDS_KEY: good, RECORDS_KEY_PREVIOUS: ` ${previous.join(' , ')} ` })
        .recordsKeyPrevious,
      previous,
    );
    assert.equal(variableOf({ ADMIN_TOKEN: 'te-kort' }), 'ADMIN_TOKEN');
  });
});
