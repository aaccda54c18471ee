import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

// The local Direct Line keeps conversations in memory only, and only while someone uses
// them: a conversation nobody has polled or written to for `idleMs` is dropped with all its
// messages. A conversation in use is never dropped to make room for another: one client
// address may hold at most `maxPerAddress`, and when all `maxConversations` places are taken,
// only a conversation unused for `evictableAfterMs` may go (the least recently used first).
// Web Chat polls every second while it is open, and at least once a minute in a background
// tab, so a conversation unused for five minutes has no open window any more.
// Nothing here is ever written to disk or to the log.

export type StoredActivity = Partial<Activity> & { id: string };

export interface ConversationStoreOptions {
  maxConversations: number;
  /** Conversations one client address may hold at once. */
  maxPerAddress: number;
  idleMs: number;
  /** Unused this long, a conversation may make room for a new one. */
  evictableAfterMs: number;
  /** Older activities are dropped beyond this; watermarks stay absolute. */
  maxActivities: number;
  now?: () => number;
}

/** Why a new conversation cannot start now. */
export type NoRoom = 'address' | 'full';

export class Conversation {
  readonly id: string;
  readonly userId: string;
  /** The client address that started it, for the limit per address (memory only). */
  readonly address: string;
  lastActive: number;
  /** After "vergeet mij": only that turn's replies are kept, and the conversation cannot be
   *  picked up again (a reload starts a new one). */
  forgotten = false;
  private readonly maxActivities: number;
  private activities: StoredActivity[] = [];
  private dropped = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(id: string, userId: string, address: string, now: number, maxActivities: number) {
    this.id = id;
    this.userId = userId;
    this.address = address;
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

  /** Drops every activity but the last `keep` (the reply to "vergeet mij", which the page
   *  still has to fetch); watermarks stay absolute. */
  forget(keep: number): void {
    const drop = Math.max(0, this.activities.length - keep);
    this.activities.splice(0, drop);
    this.dropped += drop;
    this.forgotten = true;
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
  /** Ordered from least to most recently used. */
  private readonly conversations = new Map<string, Conversation>();
  private readonly perAddress = new Map<string, number>();

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

  /** A new conversation, or why there is no room for it; only unused ones make room. */
  create(id: string, userId: string, address: string): Conversation | NoRoom {
    this.sweep();
    const { maxConversations, maxPerAddress, maxActivities } = this.options;
    if ((this.perAddress.get(address) ?? 0) >= maxPerAddress) {
      const unused = this.leastRecentlyUsedUnused(address);
      if (unused === undefined) return 'address';
      this.drop(unused);
    }
    if (this.conversations.size >= maxConversations) {
      const unused = this.leastRecentlyUsedUnused();
      if (unused === undefined) return 'full';
      this.drop(unused);
    }
    const conversation = new Conversation(id, userId, address, this.now(), maxActivities);
    this.conversations.set(id, conversation);
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
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
    for (const conversation of this.conversations.values()) {
      if (conversation.lastActive > cutoff) break;
      this.drop(conversation);
    }
  }

  /** The least recently used conversation (of `address`, if given) that nobody has used for
   *  `evictableAfterMs`; the map's order means the search stops at the first one in use. */
  private leastRecentlyUsedUnused(address?: string): Conversation | undefined {
    const cutoff = this.options.now() - this.options.evictableAfterMs;
    for (const conversation of this.conversations.values()) {
      if (conversation.lastActive > cutoff) return undefined;
      if (address === undefined || conversation.address === address) return conversation;
    }
    return undefined;
  }

  private drop(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    const left = (this.perAddress.get(conversation.address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(conversation.address, left);
    else this.perAddress.delete(conversation.address);
  }
}
