import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { BotConfig, StorageConfig } from '../config.ts';
import { BlobRecordStore } from '../records/blob-record-store.ts';
import { RecordStore } from '../records/record-store.ts';
import type { RecordRepository } from '../records/repository.ts';
import { BlobStateStore } from './blob-state-store.ts';
import { LowdbStorage } from './lowdb-storage.ts';
import type { StateStore } from './state-store.ts';

export interface Stores {
  state: StateStore;
  records: RecordRepository;
}

/** lowdb files under DATA_DIR (the default, one process per folder), or one Azure Blob
 *  container shared by every instance behind a load balancer (STORAGE=blobs). */
export async function createStores(config: BotConfig): Promise<Stores> {
  if (config.storage.kind === 'blobs') return createBlobStores(config.storage);
  return {
    state: new LowdbStorage({ dir: join(config.dataDir, 'state') }),
    records: new RecordStore({ dir: join(config.dataDir, 'records') }),
  };
}

/** Creates the container at start, so a wrong connection string stops the bot with that
 *  error instead of failing every turn later. */
async function createBlobStores(
  storage: Extract<StorageConfig, { kind: 'blobs' }>,
): Promise<Stores> {
  const container = new ContainerClient(storage.connectionString, storage.container);
  await container.createIfNotExists();
  return {
    state: new BlobStateStore({
      storage: new BlobsStorage(storage.connectionString, storage.container),
      container,
    }),
    records: new BlobRecordStore({ container }),
  };
}
