import type { StoreItem, StoreItems } from 'botbuilder';
import type { Logger } from '../logger.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { isSealedValue, openJson, SealOpenError, sealJson } from '../crypto/seal.ts';
import type { StateStore, StoredKeyInfo } from './state-store.ts';

// A form in progress lives in the conversation state, in the dialog stack: every answer given
// so far, the summary shown for confirmation, the description of a contact request. With
// RECORDS_KEY set, those properties are sealed (AES-256-GCM, as records are) on their way to
// the store and opened on their way back, bound to their storage key and property name. The
// rest of a document (flags such as "greeted", the time it was saved) stays readable, so
// retention works without the key.

const STATE_SEAL = 'bdv-state-v1';

export interface SealedStateStoreDeps {
  inner: StateStore;
  keyring: Keyring;
  /** The state properties to seal (the dialog stack). */
  properties: readonly string[];
  logger: Logger;
}

export class SealedStateStore implements StateStore {
  private readonly deps: SealedStateStoreDeps;
  /** The eTag each item had when it was read, by the object handed out (see write). */
  private readonly eTags = new WeakMap<StoreItem, string>();

  constructor(deps: SealedStateStoreDeps) {
    this.deps = deps;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.deps.inner.read(keys);
    for (const [key, item] of Object.entries(items) as Array<[string, StoreItem]>) {
      // Opened in place: the inner store knows the object it handed out by its identity.
      for (const property of this.deps.properties) this.open(key, item, property);
      if (typeof item.eTag === 'string') this.eTags.set(item, item.eTag);
    }
    return items;
  }

  /** Sealed copies go to the inner store, so it no longer sees the object it handed out:
   *  botbuilder's "*" is turned into the eTag that object was read with, and the inner store
   *  still refuses the later of two turns that read the same version. */
  async write(changes: StoreItems): Promise<void> {
    const sealed: StoreItems = {};
    const items = Object.entries(changes) as Array<[string, StoreItem]>;
    for (const [key, item] of items) {
      const copy: StoreItem = { ...item };
      if (item.eTag === '*' && this.eTags.has(item)) copy.eTag = this.eTags.get(item);
      for (const property of this.deps.properties) {
        if (copy[property] !== undefined) copy[property] = this.seal(key, property, copy[property]);
      }
      sealed[key] = copy;
    }
    await this.deps.inner.write(sealed);
    // The store does not say which eTag it wrote: a second save of the same object in this
    // turn is written unconditionally, as botbuilder asks (BlobStateStore does the same).
    for (const [, item] of items) this.eTags.delete(item);
  }

  delete(keys: string[]): Promise<void> {
    return this.deps.inner.delete(keys);
  }

  documents(): AsyncIterable<StoredKeyInfo> {
    return this.deps.inner.documents();
  }

  flush(): Promise<void> {
    return this.deps.inner.flush();
  }

  private seal(key: string, property: string, value: unknown): unknown {
    return sealJson(value, this.deps.keyring.current, associatedData(key, property));
  }

  /** A property sealed under a key that is gone, or changed, is left out: the person starts
   *  that form again instead of every turn failing. */
  private open(key: string, item: StoreItem, property: string): void {
    const value: unknown = item[property];
    if (!isSealedValue(value)) return;
    try {
      item[property] = openJson(value, this.deps.keyring, associatedData(key, property));
    } catch (error) {
      if (!(error instanceof SealOpenError)) throw error;
      delete item[property];
      this.deps.logger.warn({ property, reason: error.reason }, 'sealed state could not be opened');
    }
  }
}

function associatedData(key: string, property: string): Buffer {
  return Buffer.from(JSON.stringify([STATE_SEAL, key, property]));
}
