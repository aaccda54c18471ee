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
  exportedAt?: string;
  closedAt?: string;
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
