import type { BlockBlobClient } from '@azure/storage-blob';
import { text } from 'node:stream/consumers';

/** Whether an Azure SDK error carries one of these HTTP statuses (409, 412, 404, …). */
export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && statuses.includes(status);
}

/** A blob's text and eTag, or null when it does not exist (or came back without a body). */
export async function downloadText(
  blob: BlockBlobClient,
): Promise<{ body: string; eTag: string | undefined } | null> {
  try {
    const response = await blob.download();
    const stream = response.readableStreamBody;
    if (!stream) return null;
    return { body: await text(stream), eTag: response.etag };
  } catch (error) {
    if (hasStatus(error, 404)) return null;
    throw error;
  }
}
