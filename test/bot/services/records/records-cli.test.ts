import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EncryptedRecordRepository } from '../../../../bot/services/records/encrypted-repository.ts';
import { Keyring } from '../../../../bot/services/crypto/keyring.ts';
import { RecordStore } from '../../../../bot/services/records/record-store.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

// `npm run records -- …` as the bureau runs it: a child process with the bot's environment.

const script = fileURLToPath(new URL('../../../../scripts/records.ts', import.meta.url));
const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function records(env: Record<string, string>, ...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run records (the bureau in a terminal)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let contactRef: string;
  let registrationRef: string;

  beforeEach(async () => {
    dataDir = await makeTempDir();
    const key = randomBytes(32);
    env = { DATA_DIR: dataDir, RECORDS_KEY: key.toString('base64') };
    const store = new EncryptedRecordRepository(
      new RecordStore({ dir: join(dataDir, 'records') }),
      new Keyring(key),
    );
    contactRef = (
      await store.create({
        kind: 'contact',
        userKey: 'k1',
        fields: {
          anonymous: false,
          name: '=HYPERLINK("https://example.invalid","klik")',
          phone: '0612345678',
          moments: 'dinsdag, na 17 uur',
          description: 'Regel 1\nRegel "2"',
          consent: true,
        },
      })
    ).ref;
    registrationRef = (
      await store.create({
        kind: 'registration',
        userKey: 'k2',
        fields: {
          name: 'Sam de Wit',
          email: 'sam@voorbeeld.nl',
          organisation: 'Zorggroep',
          training: 'Ja, afgerond',
          consent: true,
        },
      })
    ).ref;
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('lists references and status without any personal field', async () => {
    const listed = await records(env, 'list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /Referentie\s+Soort\s+Ontvangen\s+Gemaild/);
    assert.match(listed.stdout, new RegExp(`${contactRef}\\s+contactverzoek`));
    assert.match(listed.stdout, new RegExp(`${registrationRef}\\s+aanmelding`));
    for (const personal of ['Sam', 'sam@voorbeeld.nl', '0612345678', 'Zorggroep', 'HYPERLINK']) {
      assert.ok(!listed.stdout.includes(personal), personal);
    }
  });

  it('exports the decrypted records to a private CSV file and marks them exported', async () => {
    const out = join(dataDir, 'export.csv');
    const exported = await records(env, 'export', '--format', 'csv', '--out', out);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stderr, /2 record\(s\) geëxporteerd/);
    const csv = await readFile(out, 'utf8');
    assert.equal((await stat(out)).mode & 0o777, 0o600);
    assert.match(csv, /^ref,kind,createdAt,mailedAt,exportedAt,closedAt,name,email,phone/);
    assert.match(csv, /sam@voorbeeld\.nl/);
    assert.match(csv, /"'=HYPERLINK\(""https/, 'a formula is kept as text for spreadsheets');
    assert.match(csv, /"Regel 1\nRegel ""2"""/);

    const again = await records(env, 'export', '--format', 'json');
    assert.deepEqual(
      JSON.parse(again.stdout),
      [],
      'already exported records are not exported again',
    );
    const all = await records(env, 'export', '--format', 'json', '--all');
    const parsed = JSON.parse(all.stdout) as Array<{
      ref: string;
      exportedAt?: string;
      fields: Record<string, unknown>;
    }>;
    assert.equal(parsed.find((r) => r.ref === registrationRef)?.fields.email, 'sam@voorbeeld.nl');
    assert.ok(
      parsed.every((r) => r.exportedAt !== undefined),
      'marked as exported',
    );
    const clobber = await records(env, 'export', '--out', out);
    assert.equal(clobber.code, 1);
    assert.match(clobber.stderr, /bestaat al/);
  });

  it('refuses to export without RECORDS_KEY, and marks nothing as exported', async () => {
    const withoutKey = { DATA_DIR: dataDir };
    const out = join(dataDir, 'zonder-sleutel.csv');
    for (const args of [
      ['--format', 'csv'],
      ['--format', 'json', '--all'],
      ['--out', out],
    ]) {
      const refused = await records(withoutKey, 'export', ...args);
      assert.equal(refused.code, 1, args.join(' '));
      assert.equal(refused.stdout, '', 'nothing is exported');
      assert.match(refused.stderr, /Zonder RECORDS_KEY kan ik de records niet ontsleutelen/);
      assert.match(refused.stderr, /Er is niets geëxporteerd en niets gemarkeerd/);
      assert.doesNotMatch(refused.stderr, /onversleuteld opgeslagen/, 'no misleading warning');
    }
    await assert.rejects(stat(out), 'no export file is written');
    const listed = await records(withoutKey, 'list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.doesNotMatch(listed.stderr, /onversleuteld opgeslagen/);
    const exported = await records(env, 'export', '--format', 'json');
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal((JSON.parse(exported.stdout) as unknown[]).length, 2, 'both still to export');
  });

  it('closes one record by reference and says so when the reference is unknown', async () => {
    const [closed, unknown] = await Promise.all([
      records(env, 'close', contactRef.toLowerCase()),
      records(env, 'close', 'CON-ZZZZZZ'),
    ]);
    assert.equal(closed.code, 0, closed.stderr);
    assert.match(closed.stdout, /afgehandeld/);
    const stored = await new RecordStore({ dir: join(dataDir, 'records') }).get(contactRef);
    assert.match(stored?.closedAt ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Geen record met referentie CON-ZZZZZZ/);
  });

  it('rotates to a new key; afterwards the new key alone opens every record', async () => {
    const newKey = randomBytes(32).toString('hex');
    const rotateEnv = { ...env, RECORDS_KEY: newKey, RECORDS_KEY_PREVIOUS: env.RECORDS_KEY ?? '' };
    const withoutPrevious = await records(
      { ...env, RECORDS_KEY: newKey },
      'export',
      '--format',
      'json',
    );
    assert.equal(withoutPrevious.code, 1);
    assert.match(withoutPrevious.stderr, /RECORDS_KEY_PREVIOUS/);
    const rotated = await records(rotateEnv, 'rotate');
    assert.equal(rotated.code, 0, rotated.stderr);
    assert.match(rotated.stdout, /2 record\(s\) opnieuw versleuteld/);
    const exported = await records({ ...env, RECORDS_KEY: newKey }, 'export', '--format', 'json');
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal((JSON.parse(exported.stdout) as unknown[]).length, 2);
  });

  it('explains its use, and names a bad variable', async () => {
    const [help, bad] = await Promise.all([
      records(env, 'onzin'),
      records({ ...env, RECORDS_KEY: 'kort' }, 'list'),
    ]);
    assert.equal(help.code, 1);
    assert.match(help.stderr, /Onbekende opdracht[\s\S]*npm run records -- list/);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Configuratiefout in RECORDS_KEY/);
  });
});
