import type { ContainerClient } from '@azure/storage-blob';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { BlobsStorage } from 'botbuilder-azure-blobs';
import { EtagConflictError } from './state-store.ts';
import type { StateStore, StoredKeyInfo } from './state-store.ts';

// BlobsStorage reports a failed eTag condition (HTTP 412) only through this message.
const CONFLICT = /^Storage: error writing "(.*)" due to eTag conflict\.$/s;

export interface BlobStateStoreDeps {
  /** botbuilder's own provider: every read, write and delete goes through it. */
  storage: BlobsStorage;
  /** The same container, for listing what is stored (BlobsStorage cannot list). */
  container: ContainerClient;
}

/**
 * The key BlobsStorage stored under a blob name, or undefined for blobs it did not write.
 * BlobsStorage names a blob `encodeURIComponent(key)` (after dropping empty path segments, at
 * most 1024 characters), so its names never contain a literal "/": names that do (records/…)
 * belong to someone else. A name cut off inside an escape cannot be decoded and is skipped;
 * botbuilder's keys (channel/conversations/id, channel/users/id) stay far below that length.
 */
export function keyOfBlobName(name: string): string | undefined {
  if (name.includes('/')) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

/**
 * Conversation and user state in Azure Blob Storage, shared by every bot instance.
 *
 * botbuilder's BotState sets `eTag: '*'` on everything it saves, so through plain BlobsStorage
 * two turns of one conversation running at once (two instances, or one instance and a quick
 * second message) would both succeed and the later write would silently drop the earlier one.
 * This store remembers the eTag of each item it hands out and, when that same object comes
 * back to be written with "*", writes it on condition of that eTag instead: the second turn
 * then fails with an EtagConflictError (as LowdbStorage throws) and the turn error handler
 * answers the person, rather than the state losing an answer unseen. An explicit eTag is
 * passed on as is.
 */
export class BlobStateStore implements StateStore {
  private readonly storage: BlobsStorage;
  private readonly container: ContainerClient;
  private readonly eTagsHandedOut = new WeakMap<StoreItem, string>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(deps: BlobStateStoreDeps) {
    this.storage = deps.storage;
    this.container = deps.container;
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.track(this.readItems(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.track(this.writeItems(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.track(this.storage.delete(keys));
  }

  /** Every state blob with the time it was last written, for retention and erasure. */
  async *documents(): AsyncGenerator<StoredKeyInfo> {
    for await (const blob of this.container.listBlobsFlat()) {
      const key = keyOfBlobName(blob.name);
      if (key !== undefined) yield { key, savedAt: blob.properties.lastModified.toISOString() };
    }
  }

  /** Resolves once every read, write and delete already started has settled. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async readItems(keys: string[]): Promise<StoreItems> {
    const items = await this.storage.read(keys);
    for (const item of Object.values(items) as StoreItem[]) {
      if (typeof item.eTag === 'string') this.eTagsHandedOut.set(item, item.eTag);
    }
    return items;
  }

  private async writeItems(changes: StoreItems): Promise<void> {
    const items = Object.entries(changes) as Array<[string, StoreItem]>;
    const conditional: StoreItems = {};
    for (const [key, item] of items) conditional[key] = this.withETagHandedOut(item);
    try {
      await this.storage.write(conditional);
    } catch (error) {
      // The same error class as LowdbStorage's, so the turn error handler can tell a lost
      // race from a broken store whichever store is configured.
      const key = error instanceof Error ? CONFLICT.exec(error.message)?.[1] : undefined;
      if (key === undefined) throw error;
      throw new EtagConflictError(key);
    }
    // The eTag changed with this write and BlobsStorage does not return the new one: a second
    // save of the same object in the same turn is written unconditionally, as botbuilder asks.
    for (const [, item] of items) this.eTagsHandedOut.delete(item);
  }

  private withETagHandedOut(item: StoreItem): StoreItem {
    const handedOut = this.eTagsHandedOut.get(item);
    const eTag = item.eTag as unknown;
    if (handedOut === undefined || (eTag !== '*' && eTag !== undefined)) return item;
    return { ...item, eTag: handedOut };
  }

  private track<T>(operation: Promise<T>): Promise<T> {
    this.pending.add(operation);
    const settle = (): void => {
      this.pending.delete(operation);
    };
    operation.then(settle, settle);
    return operation;
  }
}
