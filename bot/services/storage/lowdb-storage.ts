import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreItem, StoreItems } from 'botbuilder';
import { JSONFile } from 'lowdb/node';
import { AtomicFiles } from './atomic-file.ts';
import { KeyedLock } from './keyed-lock.ts';
import { EtagConflictError, type StateStore } from './state-store.ts';

export { EtagConflictError } from './state-store.ts';

/** What one file holds: one storage key. The key is kept so a purge can report what it
 *  removed without reversing the hash. */
export interface StoredDocument {
  key: string;
  eTag: string;
  savedAt: string;
  item: StoreItem;
}

/** A document as the cache holds it: the item as JSON (without its eTag), so a read parses a
 *  fresh copy for the caller and a write can tell whether anything changed. */
interface CachedDocument {
  eTag: string;
  itemJson: string;
}

export interface LowdbStorageOptions {
  dir: string;
  now?: () => Date;
  /** How many documents to keep in memory (most recently used). */
  cacheSize?: number;
}

/**
 * botbuilder Storage over lowdb with one JSON file per key, so a turn reads and writes only
 * its own conversation and user files however many others are stored. Files are read with
 * lowdb's JSONFile. A write does what lowdb's writer (steno) does, without building lowdb
 * objects for it: the JSON goes to a temporary file in the same folder, which is renamed over
 * the old one, so a crash leaves either the old or the new document, never half of one (see
 * atomic-file.ts, which also keeps that temporary file between writes).
 *
 * One process owns a folder (several instances use STORAGE=blobs), so recently used documents
 * are kept in memory: a turn then costs one atomic file write and no reads, and a write whose
 * content did not change costs no file write at all (BotState rarely sends one).
 *
 * botbuilder's BotState saves with `eTag: '*'`. The store remembers the eTag of each item it
 * hands out, and when that same object comes back with "*" it checks that eTag: of two turns
 * on one conversation at once, the later one fails instead of silently dropping the other.
 */
export class LowdbStorage implements StateStore {
  private readonly dir: string;
  private readonly now: () => Date;
  private readonly lock = new KeyedLock();
  private readonly files = new AtomicFiles();
  private readonly cache = new Map<string, CachedDocument | null>();
  private readonly cacheSize: number;
  private readonly shards = new Set<string>();
  private readonly handedOut = new WeakMap<StoreItem, string>();
  private eTagCounter = 0;

  constructor(options: LowdbStorageOptions) {
    this.dir = options.dir;
    this.now = options.now ?? (() => new Date());
    this.cacheSize = options.cacheSize ?? 5000;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const doc = await this.lock.run(key, () => this.load(key));
        if (!doc) return;
        const item = JSON.parse(doc.itemJson) as StoreItem;
        item.eTag = doc.eTag;
        this.handedOut.set(item, doc.eTag);
        items[key] = item;
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
      keys.map((key) =>
        this.lock.run(key, async () => {
          await this.files.remove(this.pathOf(this.hashOf(key)));
          this.remember(key, null);
        }),
      ),
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
    const expected = this.expectedETag(item);
    if (current && expected !== undefined && expected !== current.eTag) {
      throw new EtagConflictError(key);
    }
    // JSON leaves out undefined values, so this is the item without its eTag.
    const itemJson = JSON.stringify({ ...item, eTag: undefined });
    if (current?.itemJson === itemJson) {
      this.handedOut.set(item, current.eTag);
      return;
    }
    const eTag = this.nextETag();
    const hash = this.hashOf(key);
    await this.ensureShard(hash);
    await this.files.write(this.pathOf(hash), documentJson(key, eTag, this.now(), itemJson));
    this.remember(key, { eTag, itemJson });
    // A second save of the same object in this turn is checked against what we just wrote.
    this.handedOut.set(item, eTag);
  }

  /** The eTag the write must match, or undefined for an unconditional write. */
  private expectedETag(item: StoreItem): string | undefined {
    const given = item.eTag as unknown;
    if (typeof given === 'string' && given !== '*') return given;
    return given === '*' ? this.handedOut.get(item) : undefined;
  }

  private async load(key: string): Promise<CachedDocument | null> {
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.remember(key, cached);
      return cached;
    }
    const stored = await new JSONFile<StoredDocument>(this.pathOf(this.hashOf(key))).read();
    const doc = stored
      ? { eTag: stored.eTag, itemJson: JSON.stringify({ ...stored.item, eTag: undefined }) }
      : null;
    this.remember(key, doc);
    return doc;
  }

  /** Least-recently-used: Map keeps insertion order, so re-inserting marks a key as recent. */
  private remember(key: string, doc: CachedDocument | null): void {
    this.cache.delete(key);
    this.cache.set(key, doc);
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  private async ensureShard(hash: string): Promise<void> {
    const shard = hash.slice(0, 2);
    if (this.shards.has(shard)) return;
    await mkdir(join(this.dir, shard), { recursive: true, mode: 0o700 });
    this.shards.add(shard);
  }

  private nextETag(): string {
    this.eTagCounter += 1;
    return `${Date.now().toString(36)}-${process.pid.toString(36)}-${this.eTagCounter}`;
  }

  private hashOf(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), `${hash}.json`);
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

/** The file text of a document; `itemJson` is the item without its eTag, which goes last. */
function documentJson(key: string, eTag: string, savedAt: Date, itemJson: string): string {
  const tag = `"eTag":${JSON.stringify(eTag)}`;
  const item = itemJson === '{}' ? `{${tag}}` : `${itemJson.slice(0, -1)},${tag}}`;
  return (
    `{"key":${JSON.stringify(key)},${tag},` +
    `"savedAt":${JSON.stringify(savedAt.toISOString())},"item":${item}}`
  );
}
