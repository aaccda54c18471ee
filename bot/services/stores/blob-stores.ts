import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { StorageConfig } from '../config.ts';
import { BlobFeedbackStore } from '../records/blob-feedback-store.ts';
import { BlobRecordStore } from '../records/blob-record-store.ts';
import { BlobDocumentStore } from '../storage/blob-document-store.ts';
import { BlobStateStore } from '../storage/blob-state-store.ts';
import type { Stores } from './stores.ts';

/** Creates the container at start, so a wrong connection string stops the bot with that
 *  error instead of failing every turn later. */
export async function createBlobStores(
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
    feedback: new BlobFeedbackStore({ container }),
    // A blob upload is whole or absent, and the container is private to the account.
    prepare: () => Promise.resolve({ unfinishedWrites: 0, madePrivate: 0 }),
    documents: new BlobDocumentStore(container),
  };
}
