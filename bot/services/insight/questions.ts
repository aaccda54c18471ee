import { randomBytes } from 'node:crypto';
import { updateDocument, type DocumentStore } from '../storage/document-store.ts';
import type { SealedText } from './sealed-text.ts';

// The questions kept for the editors: scrubbed, sealed, with only the day they were asked,
// why they were kept and the entry they came closest to. No conversation, user or time of day,
// so nothing links one back to a person. Deleted INSIGHT_RETENTION_DAYS after that day.

export const QUESTION_KINDS = ['refused', 'suggested', 'notHelped'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface StoredQuestion {
  id: string;
  day: string;
  kind: QuestionKind;
  /** Entry id (or the course/counsellor route) it came closest to, if any. */
  closest?: string;
  text: SealedText;
  handledAt?: string;
  /** Staff member who marked it handled. */
  handledBy?: string;
}

const PREFIX = 'insight/questions';
const ID = /^[0-9a-f]{20}$/;
const LIST_CONCURRENCY = 16;

export class QuestionStore {
  private readonly store: DocumentStore;

  constructor(store: DocumentStore) {
    this.store = store;
  }

  async add(question: Omit<StoredQuestion, 'id'>): Promise<string> {
    for (;;) {
      const id = randomBytes(10).toString('hex');
      if (await this.store.writeIf(this.key(id), { ...question, id }, null)) return id;
    }
  }

  async get(id: string): Promise<StoredQuestion | null> {
    if (!ID.test(id)) return null;
    return (await this.store.read<StoredQuestion>(this.key(id)))?.value ?? null;
  }

  async list(): Promise<StoredQuestion[]> {
    const keys = await this.store.list(`${PREFIX}/`);
    const found: StoredQuestion[] = [];
    for (let start = 0; start < keys.length; start += LIST_CONCURRENCY) {
      const batch = keys.slice(start, start + LIST_CONCURRENCY);
      for (const doc of await Promise.all(
        batch.map((key) => this.store.read<StoredQuestion>(key)),
      )) {
        if (doc) found.push(doc.value);
      }
    }
    return found.sort((a, b) => b.day.localeCompare(a.day) || a.id.localeCompare(b.id));
  }

  /** False when the question is gone (purged, or deleted on another instance). */
  async markHandled(id: string, by: string, at: Date, handled = true): Promise<boolean> {
    if (!ID.test(id)) return false;
    const changed = await updateDocument<StoredQuestion>(this.store, this.key(id), (current) => {
      if (!current) return undefined;
      const next: StoredQuestion = { ...current };
      if (handled) {
        next.handledAt = at.toISOString();
        next.handledBy = by;
      } else {
        delete next.handledAt;
        delete next.handledBy;
      }
      return next;
    });
    return changed !== undefined;
  }

  async remove(id: string): Promise<void> {
    if (ID.test(id)) await this.store.delete(this.key(id));
  }

  /** Removes the questions asked before `cutoff` (a day); returns how many went. */
  async purgeBefore(cutoff: string): Promise<number> {
    let removed = 0;
    for (const question of await this.list()) {
      if (question.day >= cutoff) continue;
      await this.store.delete(this.key(question.id));
      removed += 1;
    }
    return removed;
  }

  private key(id: string): string {
    return `${PREFIX}/${id}`;
  }
}
