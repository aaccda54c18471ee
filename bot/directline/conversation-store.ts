import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

// The local Direct Line keeps conversations in memory only, and only while someone uses
// them: a conversation nobody has polled or written to for `idleMs` is dropped with all its
// messages, and when `maxConversations` is reached the least recently used one goes first.
// Nothing here is ever written to disk or to the log.

export type StoredActivity = Partial<Activity> & { id: string };

export interface ConversationStoreOptions {
  maxConversations: number;
  idleMs: number;
  /** Older activities are dropped beyond this; watermarks stay absolute. */
  maxActivities: number;
  now?: () => number;
}

export class Conversation {
  readonly id: string;
  readonly userId: string;
  lastActive: number;
  private readonly maxActivities: number;
  private activities: StoredActivity[] = [];
  private dropped = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(id: string, userId: string, now: number, maxActivities: number) {
    this.id = id;
    this.userId = userId;
    this.lastActive = now;
    this.maxActivities = maxActivities;
  }

  /** The absolute number of activities so far: the watermark a client has after reading all. */
  get watermark(): number {
    return this.dropped + this.activities.length;
  }

  /** Stores the activity with a fresh id (conversation id | sequence number) and timestamp. */
  append(activity: Partial<Activity>, now: number): StoredActivity {
    const id = `${this.id}|${String(this.watermark).padStart(7, '0')}`;
    const stored: StoredActivity = { ...activity, id, timestamp: new Date(now) };
    this.activities.push(stored);
    const excess = this.activities.length - this.maxActivities;
    if (excess > 0) {
      this.activities.splice(0, excess);
      this.dropped += excess;
    }
    return stored;
  }

  /** Activities after `watermark` (everything still kept when it is missing or too old). */
  since(watermark: number | undefined): StoredActivity[] {
    const from = Math.max(0, (watermark ?? 0) - this.dropped);
    return this.activities.slice(from);
  }

  /** Runs turns of one conversation one after another, so replies keep their order. */
  serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export class ConversationStore {
  private readonly options: Required<ConversationStoreOptions>;
  private readonly conversations = new Map<string, Conversation>();

  constructor(options: ConversationStoreOptions) {
    this.options = { ...options, now: options.now ?? Date.now };
  }

  get size(): number {
    return this.conversations.size;
  }

  static newConversationId(): string {
    return `local-${randomBytes(12).toString('base64url')}`;
  }

  static newUserId(): string {
    return `dl_${randomBytes(12).toString('base64url')}`;
  }

  /** The live conversation, marked as used; undefined when unknown or expired. */
  get(id: string): Conversation | undefined {
    this.sweep();
    const conversation = this.conversations.get(id);
    if (conversation === undefined) return undefined;
    this.touch(conversation);
    return conversation;
  }

  create(id: string, userId: string): Conversation {
    this.sweep();
    while (this.conversations.size >= this.options.maxConversations) {
      const oldest = this.conversations.keys().next();
      if (oldest.done === true) break;
      this.conversations.delete(oldest.value);
    }
    const conversation = new Conversation(
      id,
      userId,
      this.options.now(),
      this.options.maxActivities,
    );
    this.conversations.set(id, conversation);
    return conversation;
  }

  now(): number {
    return this.options.now();
  }

  private touch(conversation: Conversation): void {
    conversation.lastActive = this.options.now();
    // Re-inserting keeps the map ordered from least to most recently used.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  private sweep(): void {
    const cutoff = this.options.now() - this.options.idleMs;
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastActive > cutoff) break;
      this.conversations.delete(id);
    }
  }
}
