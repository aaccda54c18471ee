import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreItem, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { KeyedLock } from './keyed-lock.ts';
import type { StateStore } from './state-store.ts';

/** What one file holds: one storage key. The key is kept so a purge can report what it
 *  removed without reversing the hash. */
export interface StoredDocument {
  key: string;
  eTag: string;
  savedAt: string;
  item: StoreItem;
}

export interface LowdbStorageOptions {
  dir: string;
  now?: () => Date;
}

export class EtagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'EtagConflictError';
  }
}

/**
 * botbuilder Storage over lowdb with one JSON file per key, so a turn reads and writes only
 * its own conversation and user files however many others are stored. lowdb's writer
 * (steno) writes a temporary file and renames it over the old one, so a crash leaves either
 * the old or the new document, never half of one.
 */
export class LowdbStorage implements StateStore {
  private readonly dir: string;
  private readonly now: () => Date;
  private readonly lock = new KeyedLock();
  private eTagCounter = 0;

  constructor(options: LowdbStorageOptions) {
    this.dir = options.dir;
    this.now = options.now ?? (() => new Date());
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const doc = await this.lock.run(key, () => this.load(key));
        if (doc) items[key] = { ...doc.item, eTag: doc.eTag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, item]) =>
        this.lock.run(key, () => this.writeOne(key, item as StoreItem)),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => this.lock.run(key, () => rm(this.pathOf(key), { force: true }))),
    );
  }

  /** Every stored document, for retention and erasure jobs that must see all keys. */
  async *documents(): AsyncGenerator<StoredDocument> {
    for (const shard of await this.listDir(this.dir)) {
      for (const name of await this.listDir(join(this.dir, shard))) {
        if (!name.endsWith('.json') || name.startsWith('.')) continue;
        const doc = await new JSONFile<StoredDocument | null>(join(this.dir, shard, name)).read();
        if (doc) yield doc;
      }
    }
  }

  /** Resolves once every read and write already started has finished. */
  async flush(): Promise<void> {
    await this.lock.idle();
  }

  private async writeOne(key: string, item: StoreItem): Promise<void> {
    const current = await this.load(key);
    const expected = item.eTag as unknown;
    if (current && expected !== undefined && expected !== '*' && expected !== current.eTag) {
      throw new EtagConflictError(key);
    }
    const eTag = this.nextETag();
    const doc: StoredDocument = {
      key,
      eTag,
      savedAt: this.now().toISOString(),
      item: { ...item, eTag },
    };
    await mkdir(this.shardOf(key), { recursive: true });
    const db = new Low<StoredDocument | null>(new JSONFile(this.pathOf(key)), null);
    db.data = doc;
    await db.write();
  }

  private async load(key: string): Promise<StoredDocument | null> {
    const db = new Low<StoredDocument | null>(new JSONFile(this.pathOf(key)), null);
    await db.read();
    return db.data;
  }

  private nextETag(): string {
    this.eTagCounter += 1;
    return `${Date.now().toString(36)}-${process.pid.toString(36)}-${this.eTagCounter}`;
  }

  private hashOf(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  private shardOf(key: string): string {
    return join(this.dir, this.hashOf(key).slice(0, 2));
  }

  private pathOf(key: string): string {
    return join(this.shardOf(key), `${this.hashOf(key)}.json`);
  }

  private async listDir(dir: string): Promise<string[]> {
    try {
      return await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
