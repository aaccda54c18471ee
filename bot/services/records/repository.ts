import type { RecordKind } from './reference.ts';

/** A course registration or contact request: what the person chose to share, nothing more. */
export interface BureauRecord {
  ref: string;
  kind: RecordKind;
  createdAt: string;
  /** A one-way hash of channel and user id, so "vergeet mij" can find the person's records
   *  without the record naming the account. */
  userKey: string;
  fields: Record<string, string | boolean>;
  mailedAt?: string;
  /** When the alert in the bureau's Teams channel went out. */
  teamsAlertedAt?: string;
  /** When the person's own confirmation of a course registration went out. */
  confirmedAt?: string;
  exportedAt?: string;
  closedAt?: string;
  /** Where the bureau is with it; absent on records from before statuses (see statusOf). */
  status?: RecordStatus;
  /** Who of the bureau picked it up (staff name or sign-in), not the person who asked. */
  pickedUpBy?: string;
  statusAt?: string;
}

export const RECORD_STATUSES = ['nieuw', 'in behandeling', 'afgehandeld'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** A record closed with `npm run records -- close` before statuses existed is afgehandeld. */
export function statusOf(record: Pick<BureauRecord, 'status' | 'closedAt'>): RecordStatus {
  return record.status ?? (record.closedAt ? 'afgehandeld' : 'nieuw');
}

export type NewRecord = Pick<BureauRecord, 'kind' | 'userKey' | 'fields'>;

/** Where records live: lowdb files by default, Azure Blobs when scaled out. `create` resolves
 *  only once the record is durably stored. */
export interface RecordRepository {
  create(record: NewRecord): Promise<BureauRecord>;
  get(ref: string): Promise<BureauRecord | null>;
  update(ref: string, change: Partial<BureauRecord>): Promise<void>;
  list(): Promise<BureauRecord[]>;
  remove(ref: string): Promise<void>;
  deleteForUser(userKey: string): Promise<Record<RecordKind, number>>;
}

/** "Vergeet mij" over any repository: removes every record of one person and counts them. */
export async function deleteRecordsOfUser(
  repository: Pick<RecordRepository, 'list' | 'remove'>,
  userKey: string,
): Promise<Record<RecordKind, number>> {
  const removed: Record<RecordKind, number> = { registration: 0, contact: 0 };
  for (const record of await repository.list()) {
    if (record.userKey !== userKey) continue;
    await repository.remove(record.ref);
    removed[record.kind] += 1;
  }
  return removed;
}
