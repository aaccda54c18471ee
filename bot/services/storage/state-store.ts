import type { Storage } from 'botbuilder';

/** What retention and erasure jobs need to see of a stored key. */
export interface StoredKeyInfo {
  key: string;
  savedAt: string;
}

/** botbuilder Storage plus the two things our jobs need: list what is stored, and wait for
 *  writes in flight on shutdown. Implemented over lowdb (default) and Azure Blobs. */
export interface StateStore extends Storage {
  documents(): AsyncIterable<StoredKeyInfo>;
  flush(): Promise<void>;
}

/** Two turns wrote the same key at once; the later one loses instead of silently overwriting. */
export class EtagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'EtagConflictError';
  }
}
