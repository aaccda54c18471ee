import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { KeyedLock } from '../storage/keyed-lock.ts';
import { newReference, type RecordKind } from './reference.ts';
import {
  deleteRecordsOfUser,
  type BureauRecord,
  type NewRecord,
  type RecordRepository,
} from './repository.ts';

export type { BureauRecord, NewRecord } from './repository.ts';

/** One file per record, written atomically (lowdb writes a temporary file and renames it), so
 *  a record exists on disk before the bot tells the person it was received. */
export class RecordStore implements RecordRepository {
  private readonly dir: string;
  private readonly now: () => Date;
  /** Two updates of one record (the mail's and the confirmation's time stamps, say) one after
   *  the other: each file write goes through the same temporary name, and two at once would
   *  mix, or the second would undo the first. */
  private readonly updates = new KeyedLock();

  constructor(options: { dir: string; now?: () => Date }) {
    this.dir = options.dir;
    this.now = options.now ?? (() => new Date());
  }

  async create(record: NewRecord): Promise<BureauRecord> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    for (;;) {
      const ref = newReference(record.kind);
      const db = this.file(ref);
      await db.read();
      if (db.data) continue;
      db.data = { ...record, ref, createdAt: this.now().toISOString() };
      await db.write();
      return db.data;
    }
  }

  async get(ref: string): Promise<BureauRecord | null> {
    if (!/^[A-Z]{3}-[0-9A-Z]{6}$/.test(ref)) return null;
    const db = this.file(ref);
    await db.read();
    return db.data;
  }

  update(ref: string, change: Partial<BureauRecord>): Promise<void> {
    return this.updates.run(ref, async () => {
      const db = this.file(ref);
      await db.read();
      if (!db.data) return;
      db.data = { ...db.data, ...change, ref };
      await db.write();
    });
  }

  async list(): Promise<BureauRecord[]> {
    const names = await readdir(this.dir).catch(() => []);
    const records: BureauRecord[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const record = await this.get(name.slice(0, -'.json'.length));
      if (record) records.push(record);
    }
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Removes what a crash left of a write: lowdb's temporary files (`.<ref>.json.tmp`). Such a
   *  record was never confirmed to the person and nothing else would ever see it. Only for the
   *  bot at start, before it writes: another process could be in the middle of a write. */
  async removeUnfinishedWrites(): Promise<number> {
    const names = await readdir(this.dir).catch(() => []);
    const unfinished = names.filter((name) => /^\..+\.json\.tmp$/.test(name));
    await Promise.all(unfinished.map((name) => rm(join(this.dir, name), { force: true })));
    return unfinished.length;
  }

  async remove(ref: string): Promise<void> {
    await rm(join(this.dir, `${ref}.json`), { force: true });
  }

  /** Removes every record of one person; returns how many of each kind went. */
  deleteForUser(userKey: string): Promise<Record<RecordKind, number>> {
    return deleteRecordsOfUser(this, userKey);
  }

  private file(ref: string): Low<BureauRecord | null> {
    return new Low<BureauRecord | null>(new JSONFile(join(this.dir, `${ref}.json`)), null);
  }
}
