import { join } from 'node:path';
import type { BotConfig } from '../config.ts';
import { LowdbFeedbackStore, type FeedbackStore } from '../records/feedback-store.ts';
import { RecordStore } from '../records/record-store.ts';
import type { DocumentStore } from './document-store.ts';
import { FileDocumentStore } from './file-document-store.ts';
import type { RecordRepository } from '../records/repository.ts';
import { LowdbStorage } from './lowdb-storage.ts';
import { makePrivate } from './private-files.ts';
import type { StateStore } from './state-store.ts';

export interface Stores {
  state: StateStore;
  records: RecordRepository;
  /** The anonymous "Heeft dit geholpen?" counters, shared by every instance with blobs. */
  feedback: FeedbackStore;
  /** Workspace sessions and sign-in lockouts, insight counts and questions. */
  documents: DocumentStore;
  /** For the bot at start, before it writes: removes record writes a crash cut off, and makes
   *  private what an older version left readable for others. Blobs need neither. */
  prepare(): Promise<StoresPrepared>;
}

export interface StoresPrepared {
  unfinishedWrites: number;
  madePrivate: number;
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
  const paths = {
    state: join(config.dataDir, 'state'),
    records: join(config.dataDir, 'records'),
    feedback: join(config.dataDir, 'feedback.json'),
  };
  const records = new RecordStore({ dir: paths.records });
  return {
    state: new LowdbStorage({ dir: paths.state }),
    records,
    feedback: new LowdbFeedbackStore(paths.feedback),
    prepare: async () => ({
      unfinishedWrites: await records.removeUnfinishedWrites(),
      madePrivate: await makePrivate(Object.values(paths)),
    }),
    documents: new FileDocumentStore(config.dataDir),
  };
}
