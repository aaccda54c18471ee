import { createHash } from 'node:crypto';
import { updateDocument, type DocumentStore } from '../../services/storage/document-store.ts';

// After repeated wrong sign-ins from one address, sign-in from that address is refused for a
// while, on every instance (the count lives in the shared store). The address is stored only
// as a hash, and the record goes once the lock has passed.

export interface LockoutPolicy {
  /** Wrong attempts within `windowMinutes` that lock the address. */
  failures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { failures: 5, windowMinutes: 15, lockMinutes: 15 };

interface Attempts {
  /** Times (ms) of recent wrong attempts. */
  failures: number[];
  lockedUntil?: number;
}

const PREFIX = 'beheer/lockout';

export class SignInLockout {
  private readonly store: DocumentStore;
  private readonly policy: LockoutPolicy;
  private readonly now: () => number;

  constructor(store: DocumentStore, policy = DEFAULT_LOCKOUT, now: () => number = Date.now) {
    this.store = store;
    this.policy = policy;
    this.now = now;
  }

  /** Seconds until the address may try again, or 0. */
  async lockedFor(address: string): Promise<number> {
    const attempts = (await this.store.read<Attempts>(this.key(address)))?.value;
    const until = attempts?.lockedUntil ?? 0;
    return until > this.now() ? Math.ceil((until - this.now()) / 1000) : 0;
  }

  /** Counts a wrong attempt; returns the seconds of the lock it caused, or 0. */
  async failed(address: string): Promise<number> {
    const now = this.now();
    const windowStart = now - this.policy.windowMinutes * 60_000;
    const next = await updateDocument<Attempts>(this.store, this.key(address), (current) => {
      const failures = [...(current?.failures ?? []).filter((t) => t > windowStart), now];
      const locked = failures.length >= this.policy.failures;
      return locked
        ? { failures: [], lockedUntil: now + this.policy.lockMinutes * 60_000 }
        : { failures, ...(current?.lockedUntil ? { lockedUntil: current.lockedUntil } : {}) };
    });
    const until = next?.lockedUntil ?? 0;
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  async succeeded(address: string): Promise<void> {
    await this.store.delete(this.key(address));
  }

  /** Removes records whose lock and window have passed. */
  async purge(): Promise<number> {
    const now = this.now();
    const windowStart = now - this.policy.windowMinutes * 60_000;
    let removed = 0;
    for (const key of await this.store.list(`${PREFIX}/`)) {
      const attempts = (await this.store.read<Attempts>(key))?.value;
      const active =
        (attempts?.lockedUntil ?? 0) > now ||
        (attempts?.failures ?? []).some((t) => t > windowStart);
      if (active) continue;
      await this.store.delete(key);
      removed += 1;
    }
    return removed;
  }

  private key(address: string): string {
    return `${PREFIX}/${createHash('sha256').update(`bdv-lockout:${address}`).digest('hex').slice(0, 40)}`;
  }
}
