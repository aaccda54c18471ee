import { createHash, randomBytes } from 'node:crypto';
import type { DocumentStore } from '../../services/storage/document-store.ts';

// A session is a random id in an HttpOnly cookie. It is stored under a hash of that id, so
// whoever can read the storage cannot take over a session; every instance reads the same
// store, so a session started on one instance works on all of them.

/** A working day: afterwards the bureau signs in again. */
export const SESSION_HOURS = 10;

export interface Session {
  /** Who is signed in: the name given at sign-in, or the Entra ID account. */
  who: string;
  via: 'token' | 'entra';
  /** The Entra ID account the session belongs to; checked against the platform's headers. */
  principalId?: string;
  /** Repeated in every form: a change without it is refused. */
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

const PREFIX = 'beheer/sessions';

function keyOf(id: string): string {
  return `${PREFIX}/${createHash('sha256').update(id).digest('hex').slice(0, 48)}`;
}

export class SessionStore {
  private readonly store: DocumentStore;
  private readonly now: () => Date;

  constructor(store: DocumentStore, now: () => Date = () => new Date()) {
    this.store = store;
    this.now = now;
  }

  async create(who: string, via: Session['via'], principalId?: string) {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    const session: Session = {
      who,
      via,
      ...(principalId === undefined ? {} : { principalId }),
      csrf: randomBytes(24).toString('base64url'),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    };
    await this.store.writeIf(keyOf(id), session, null);
    return { id, session };
  }

  /** The session, or undefined when it does not exist or has expired (then it is removed). */
  async get(id: string | undefined): Promise<Session | undefined> {
    if (id === undefined || !/^[\w-]{43}$/.test(id)) return undefined;
    const session = (await this.store.read<Session>(keyOf(id)))?.value;
    if (!session) return undefined;
    if (Date.parse(session.expiresAt) <= this.now().getTime()) {
      await this.store.delete(keyOf(id));
      return undefined;
    }
    return session;
  }

  async end(id: string | undefined): Promise<void> {
    if (id !== undefined && /^[\w-]{43}$/.test(id)) await this.store.delete(keyOf(id));
  }

  /** Removes expired sessions; returns how many. */
  async purge(): Promise<number> {
    let removed = 0;
    for (const key of await this.store.list(`${PREFIX}/`)) {
      const session = (await this.store.read<Session>(key))?.value;
      if (session && Date.parse(session.expiresAt) > this.now().getTime()) continue;
      await this.store.delete(key);
      removed += 1;
    }
    return removed;
  }
}
