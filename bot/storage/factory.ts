import { join } from 'node:path';
import type { BotConfig } from '../config.ts';
import { LowdbFeedbackStore, type FeedbackStore } from '../records/feedback-store.ts';
import { RecordStore } from '../records/record-store.ts';
import type { DocumentStore } from './document-store.ts';
import { FileDocumentStore } from './file-document-store.ts';
import type { RecordRepository } from '../records/repository.ts';
import { LowdbStorage } from './lowdb-storage.ts';
import type { StateStore } from './state-store.ts';

export interface Stores {
  state: StateStore;
  records: RecordRepository;
  /** The anonymous "Heeft dit geholpen?" counters, shared by every instance with blobs. */
  feedback: FeedbackStore;
  /** Workspace sessions and sign-in lockouts, insight counts and questions. */
  documents: DocumentStore;
}

/** lowdb files under DATA_DIR (the default, one process per folder), or one Azure Blob
 *  container shared by every instance behind a load balancer (STORAGE=blobs). */
export async function createStores(
  config: Pick<BotConfig, 'dataDir' | 'storage'>,
): Promise<Stores> {
  if (config.storage.kind === 'blobs') {
    // Loaded only when used: the Azure packages take most of a second to import.
    const { createBlobStores } = await import('./blob-stores.ts');
    return createBlobStores(config.storage);
  }
  return {
    state: new LowdbStorage({ dir: join(config.dataDir, 'state') }),
    records: new RecordStore({ dir: join(config.dataDir, 'records') }),
    feedback: new LowdbFeedbackStore(join(config.dataDir, 'feedback.json')),
    documents: new FileDocumentStore(config.dataDir),
  };
}
