import { join } from 'node:path';
import type { BotConfig } from '../config.ts';
import { LowdbFeedbackStore } from '../records/feedback-store.ts';
import { RecordStore } from '../records/record-store.ts';
import { FileDocumentStore } from '../storage/file-document-store.ts';
import { LowdbStorage } from '../storage/lowdb-storage.ts';
import { makePrivate } from '../storage/private-files.ts';
import type { Stores } from './stores.ts';

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
