import type { FeedbackStore } from '../records/feedback-store.ts';
import type { RecordRepository } from '../records/repository.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import type { StateStore } from '../storage/state-store.ts';

/** Every store the bot writes to, from one backend (lowdb files or one blob container). */
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
