import type { BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import { downloadText, hasStatus } from '../storage/blob-json.ts';
import { newReference, type RecordKind } from './reference.ts';
import {
  deleteRecordsOfUser,
  type BureauRecord,
  type NewRecord,
  type RecordRepository,
} from './repository.ts';

/** Records live beside the state blobs; state blob names never contain "/" (see
 *  blob-state-store.ts), so this prefix keeps the two apart. */
export const RECORDS_PREFIX = 'records/';
const REFERENCE = /^[A-Z]{3}-[0-9A-Z]{6}$/;
const LIST_CONCURRENCY = 16;

interface Loaded {
  record: BureauRecord;
  eTag: string;
}

/**
 * Course registrations and contact requests in Azure Blob Storage, one JSON blob per record,
 * shared by every bot instance. A new record is uploaded only if no blob of that name exists
 * yet, so two instances that draw the same reference never overwrite each other: the later
 * one draws again. `create` resolves once Azure has acknowledged the write, which it does only
 * after the blob is durably stored, so the person is told "ontvangen" only then.
 */
export class BlobRecordStore implements RecordRepository {
  private readonly container: ContainerClient;
  private readonly now: () => Date;
  private readonly newReference: (kind: RecordKind) => string;

  constructor(deps: {
    container: ContainerClient;
    now?: () => Date;
    newReference?: (kind: RecordKind) => string;
  }) {
    this.container = deps.container;
    this.now = deps.now ?? (() => new Date());
    this.newReference = deps.newReference ?? newReference;
  }

  async create(record: NewRecord): Promise<BureauRecord> {
    for (;;) {
      const ref = this.newReference(record.kind);
      const saved: BureauRecord = { ...record, ref, createdAt: this.now().toISOString() };
      try {
        await this.upload(saved, { ifNoneMatch: '*' });
        return saved;
      } catch (error) {
        if (!hasStatus(error, 409)) throw error;
      }
    }
  }

  async get(ref: string): Promise<BureauRecord | null> {
    return (await this.load(ref))?.record ?? null;
  }

  /** Read, merge, write back on condition that nobody wrote in between; else try again. */
  async update(ref: string, change: Partial<BureauRecord>): Promise<void> {
    for (;;) {
      const loaded = await this.load(ref);
      if (!loaded) return;
      try {
        await this.upload({ ...loaded.record, ...change, ref }, { ifMatch: loaded.eTag });
        return;
      } catch (error) {
        if (!hasStatus(error, 412)) throw error;
      }
    }
  }

  async list(): Promise<BureauRecord[]> {
    const refs: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: RECORDS_PREFIX })) {
      const ref = blob.name.slice(RECORDS_PREFIX.length).replace(/\.json$/, '');
      if (REFERENCE.test(ref)) refs.push(ref);
    }
    const records: BureauRecord[] = [];
    for (let start = 0; start < refs.length; start += LIST_CONCURRENCY) {
      const batch = refs.slice(start, start + LIST_CONCURRENCY);
      for (const loaded of await Promise.all(batch.map((ref) => this.load(ref)))) {
        if (loaded) records.push(loaded.record);
      }
    }
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async remove(ref: string): Promise<void> {
    if (REFERENCE.test(ref)) await this.blob(ref).deleteIfExists();
  }

  /** Removes every record of one person; returns how many of each kind went. */
  deleteForUser(userKey: string): Promise<Record<RecordKind, number>> {
    return deleteRecordsOfUser(this, userKey);
  }

  private async load(ref: string): Promise<Loaded | null> {
    if (!REFERENCE.test(ref)) return null;
    const loaded = await downloadText(this.blob(ref));
    if (!loaded) return null;
    return { record: JSON.parse(loaded.body) as BureauRecord, eTag: loaded.eTag ?? '*' };
  }

  private async upload(
    record: BureauRecord,
    conditions: { ifNoneMatch: '*' } | { ifMatch: string },
  ): Promise<void> {
    const body = JSON.stringify(record);
    await this.blob(record.ref).upload(body, Buffer.byteLength(body), {
      conditions,
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  private blob(ref: string): BlockBlobClient {
    return this.container.getBlockBlobClient(`${RECORDS_PREFIX}${ref}.json`);
  }
}
