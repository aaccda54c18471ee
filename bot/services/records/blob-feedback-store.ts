import type { BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import { setTimeout as sleep } from 'node:timers/promises';
import { downloadText, hasStatus } from '../storage/blob-json.ts';
import type { FeedbackCounts, FeedbackData, FeedbackStore } from './feedback-store.ts';

/** Beside the records and the state blobs; state blob names never contain "/" (see
 *  blob-state-store.ts), and records use their own prefix. */
export const FEEDBACK_PREFIX = 'feedback/';
const SUFFIX = '.json';
const LIST_CONCURRENCY = 16;

export interface ConflictPolicy {
  /** Tries of one read-add-write before the count fails. */
  attempts: number;
  /** Wait before try `attempt` (2, 3, ...) after someone else wrote first. */
  pause(attempt: number): Promise<void>;
}

/** A short random wait, a little longer each time, so two instances stop colliding. */
export const DEFAULT_CONFLICT_POLICY: ConflictPolicy = {
  attempts: 10,
  pause: (attempt) => sleep(Math.floor(5 + Math.random() * 20 * Math.min(attempt, 8))),
};

interface Batch extends FeedbackCounts {
  done: PromiseWithResolvers<void>;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function parseCounts(body: string): FeedbackCounts {
  const parsed = JSON.parse(body) as Partial<Record<keyof FeedbackCounts, unknown>> | null;
  return { helped: count(parsed?.helped), notHelped: count(parsed?.notHelped) };
}

/**
 * The "Heeft dit geholpen?" counters in Azure Blob Storage, shared by every bot instance: one
 * blob `feedback/<entry id>.json` holding only `{"helped":n,"notHelped":m}`. A count is added by
 * reading the blob, adding, and writing it back only if nobody wrote in between (If-Match the
 * eTag read, or If-None-Match * for a new blob); otherwise it reads again, after a short random
 * wait, so no count from any instance is lost. Within one instance, counts that arrive while
 * a write for the same entry is under way go together in the next write.
 */
export class BlobFeedbackStore implements FeedbackStore {
  private readonly container: ContainerClient;
  private readonly policy: ConflictPolicy;
  /** Counts per entry not yet sent. */
  private readonly waiting = new Map<string, Batch>();
  /** The writer per entry while one runs. */
  private readonly writers = new Map<string, Promise<void>>();

  constructor(deps: { container: ContainerClient; policy?: ConflictPolicy }) {
    this.container = deps.container;
    this.policy = deps.policy ?? DEFAULT_CONFLICT_POLICY;
  }

  record(entryId: string, helped: boolean): Promise<void> {
    let batch = this.waiting.get(entryId);
    if (!batch) {
      batch = { helped: 0, notHelped: 0, done: Promise.withResolvers<void>() };
      this.waiting.set(entryId, batch);
    }
    if (helped) batch.helped += 1;
    else batch.notHelped += 1;
    if (!this.writers.has(entryId)) this.writers.set(entryId, this.drain(entryId));
    return batch.done.promise;
  }

  async counts(): Promise<FeedbackData> {
    const ids: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: FEEDBACK_PREFIX })) {
      const id = this.entryId(blob.name);
      if (id !== undefined) ids.push(id);
    }
    const result: FeedbackData = {};
    for (let start = 0; start < ids.length; start += LIST_CONCURRENCY) {
      const batch = ids.slice(start, start + LIST_CONCURRENCY);
      const loaded = await Promise.all(batch.map((id) => this.load(id)));
      batch.forEach((id, i) => {
        const counts = loaded[i]?.counts;
        if (counts) result[id] = counts;
      });
    }
    return result;
  }

  async idle(): Promise<void> {
    while (this.writers.size > 0) await Promise.all([...this.writers.values()]);
  }

  /** Writes the waiting counts of one entry until none are left; never rejects. */
  private async drain(entryId: string): Promise<void> {
    try {
      for (;;) {
        const batch = this.waiting.get(entryId);
        if (!batch) return;
        this.waiting.delete(entryId);
        try {
          await this.add(entryId, batch);
          batch.done.resolve();
        } catch (error) {
          batch.done.reject(error);
        }
      }
    } finally {
      this.writers.delete(entryId);
    }
  }

  private async add(entryId: string, extra: FeedbackCounts): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (attempt > 1) await this.policy.pause(attempt);
      const loaded = await this.load(entryId);
      const counts = {
        helped: (loaded?.counts.helped ?? 0) + extra.helped,
        notHelped: (loaded?.counts.notHelped ?? 0) + extra.notHelped,
      };
      const body = JSON.stringify(counts);
      try {
        await this.blob(entryId).upload(body, Buffer.byteLength(body), {
          conditions: loaded ? { ifMatch: loaded.eTag } : { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
        return;
      } catch (error) {
        // 412: changed since it was read; 409: created by someone else since it was missing.
        if (!hasStatus(error, 412, 409) || attempt >= this.policy.attempts) throw error;
      }
    }
  }

  private async load(entryId: string): Promise<{ counts: FeedbackCounts; eTag: string } | null> {
    const loaded = await downloadText(this.blob(entryId));
    if (!loaded || loaded.eTag === undefined) return null;
    return { counts: parseCounts(loaded.body), eTag: loaded.eTag };
  }

  /** Entry ids come from the knowledge files; encoded, none can reach outside the prefix. */
  private blob(entryId: string): BlockBlobClient {
    return this.container.getBlockBlobClient(
      `${FEEDBACK_PREFIX}${encodeURIComponent(entryId)}${SUFFIX}`,
    );
  }

  private entryId(blobName: string): string | undefined {
    if (!blobName.startsWith(FEEDBACK_PREFIX) || !blobName.endsWith(SUFFIX)) return undefined;
    try {
      return decodeURIComponent(blobName.slice(FEEDBACK_PREFIX.length, -SUFFIX.length));
    } catch {
      return undefined;
    }
  }
}
