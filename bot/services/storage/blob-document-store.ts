import type { ContainerClient } from '@azure/storage-blob';
import { downloadText, hasStatus } from './blob-json.ts';
import { checkKey, type DocumentStore, type StoredDocument } from './document-store.ts';

/** Documents as blobs `key` + ".json" in the shared container. Their names contain "/", so
 *  the state store (whose blob names never do) does not see them. Conditional writes use the
 *  blob's eTag: If-Match to change, If-None-Match * to create. */
export class BlobDocumentStore implements DocumentStore {
  private readonly container: ContainerClient;

  constructor(container: ContainerClient) {
    this.container = container;
  }

  async read<T>(key: string): Promise<StoredDocument<T> | null> {
    const loaded = await downloadText(this.blob(key));
    if (!loaded || loaded.eTag === undefined) return null;
    return { value: JSON.parse(loaded.body) as T, version: loaded.eTag };
  }

  async writeIf<T>(key: string, value: T, version: string | null): Promise<boolean> {
    const body = JSON.stringify(value);
    try {
      await this.blob(key).upload(body, Buffer.byteLength(body), {
        conditions: version === null ? { ifNoneMatch: '*' } : { ifMatch: version },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return true;
    } catch (error) {
      // 412: changed since it was read; 409: created by someone else since it was missing.
      if (hasStatus(error, 412, 409)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.blob(key).deleteIfExists();
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      if (blob.name.endsWith('.json')) keys.push(blob.name.slice(0, -5));
    }
    return keys;
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(`${checkKey(key)}.json`);
  }
}
