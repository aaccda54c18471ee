import type { RecordKind } from './reference.ts';
import type { Keyring, RecordKey } from '../crypto/keyring.ts';
import type { BureauRecord, NewRecord, RecordRepository } from './repository.ts';
import {
  isSealedValue,
  openJson,
  SEALED,
  SealOpenError,
  sealJson,
  type SealedFields,
} from '../crypto/seal.ts';

// Records at rest: everything the person shared (`fields`) is sealed with AES-256-GCM; the
// reference, kind, creation time, user key and status dates stay readable, so retention,
// "vergeet mij" and `records list` work without the key. Kind and user key are bound to the
// ciphertext as associated data: sealed fields moved to another person's record fail to open.
// (The reference is not: it is drawn only when the record is written, in one atomic write.)

export class RecordDecryptError extends Error {
  readonly ref: string;
  constructor(ref: string, reason: string) {
    super(
      `Record ${ref} kan niet worden ontsleuteld (${reason}). Staat de sleutel waarmee het ` +
        'is versleuteld in RECORDS_KEY of RECORDS_KEY_PREVIOUS?',
    );
    this.name = 'RecordDecryptError';
    this.ref = ref;
  }
}

export function isSealed(fields: BureauRecord['fields']): boolean {
  return isSealedValue(fields);
}

type Bound = Pick<BureauRecord, 'kind' | 'userKey'>;

function associatedData(record: Bound): Buffer {
  return Buffer.from(JSON.stringify([SEALED, record.kind, record.userKey]));
}

export function sealFields(
  record: Bound,
  fields: BureauRecord['fields'],
  key: RecordKey,
): SealedFields {
  return sealJson(fields, key, associatedData(record));
}

export function openFields(record: BureauRecord, keyring: Keyring): BureauRecord['fields'] {
  const sealed = record.fields;
  if (!isSealedValue(sealed)) return sealed; // stored before a key was configured
  try {
    return openJson(sealed, keyring, associatedData(record)) as BureauRecord['fields'];
  } catch (error) {
    if (error instanceof SealOpenError) throw new RecordDecryptError(record.ref, error.reason);
    throw error;
  }
}

/** A RecordRepository that seals `fields` on the way in and opens them on the way out. */
export class EncryptedRecordRepository implements RecordRepository {
  readonly inner: RecordRepository;
  private readonly keyring: Keyring;

  constructor(inner: RecordRepository, keyring: Keyring) {
    this.inner = inner;
    this.keyring = keyring;
  }

  async create(record: NewRecord): Promise<BureauRecord> {
    const sealed = sealFields(record, record.fields, this.keyring.current);
    const saved = await this.inner.create({ ...record, fields: sealed });
    return { ...saved, fields: record.fields };
  }

  async get(ref: string): Promise<BureauRecord | null> {
    const record = await this.inner.get(ref);
    return record ? { ...record, fields: openFields(record, this.keyring) } : null;
  }

  async update(ref: string, change: Partial<BureauRecord>): Promise<void> {
    if (change.fields === undefined) {
      await this.inner.update(ref, change);
      return;
    }
    const record = await this.inner.get(ref);
    if (!record) return;
    const sealed = sealFields(record, change.fields, this.keyring.current);
    await this.inner.update(ref, { ...change, fields: sealed });
  }

  /** Every record, opened; throws RecordDecryptError when one cannot be opened. */
  async list(): Promise<BureauRecord[]> {
    const records = await this.inner.list();
    return records.map((record) => ({ ...record, fields: openFields(record, this.keyring) }));
  }

  remove(ref: string): Promise<void> {
    return this.inner.remove(ref);
  }

  deleteForUser(userKey: string): Promise<Record<RecordKind, number>> {
    return this.inner.deleteForUser(userKey);
  }

  /** Re-seals every record that is not yet under the current key (or not sealed at all). */
  async rotate(): Promise<{ rotated: number; current: number }> {
    let rotated = 0;
    let current = 0;
    for (const record of await this.inner.list()) {
      if (isSealed(record.fields) && record.fields.kid === this.keyring.current.id) {
        current += 1;
        continue;
      }
      const fields = openFields(record, this.keyring);
      await this.inner.update(record.ref, {
        fields: sealFields(record, fields, this.keyring.current),
      });
      rotated += 1;
    }
    return { rotated, current };
  }
}

/** The records as stored: `fields` sealed when encrypted. For work that needs no personal
 *  field (listing, retention), so it goes on even when a key is missing. */
export function metadataStore(store: RecordRepository): RecordRepository {
  return store instanceof EncryptedRecordRepository ? store.inner : store;
}
