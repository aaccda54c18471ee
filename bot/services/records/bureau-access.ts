import { isSealed, metadataStore } from './encrypted-repository.ts';
import {
  statusOf,
  type BureauRecord,
  type RecordRepository,
  type RecordStatus,
} from './repository.ts';

// What the bureau does with records from a terminal (scripts/records.ts), over HTTP with
// ADMIN_TOKEN (bot/hosting/admin/routes.ts) and in the workspace (bot/hosting/beheer/): list without personal
// fields, export with them, change the status of one, delete one, and re-encrypt everything
// under a new key.

/** A record without anything the person shared: safe for a table or a log. */
export interface RecordSummary {
  ref: string;
  kind: BureauRecord['kind'];
  createdAt: string;
  mailedAt: string | null;
  exportedAt: string | null;
  closedAt: string | null;
  status: RecordStatus;
  pickedUpBy: string | null;
  encrypted: boolean;
}

export function summarize(record: BureauRecord): RecordSummary {
  return {
    ref: record.ref,
    kind: record.kind,
    createdAt: record.createdAt,
    mailedAt: record.mailedAt ?? null,
    exportedAt: record.exportedAt ?? null,
    closedAt: record.closedAt ?? null,
    status: statusOf(record),
    pickedUpBy: record.pickedUpBy ?? null,
    encrypted: isSealed(record.fields),
  };
}

export type ExportFormat = 'csv' | 'json';

export class BureauAccess {
  private readonly store: RecordRepository;
  private readonly now: () => Date;

  /** `store` opens records (the RECORDS_KEY wrapper when a key is set). */
  constructor(store: RecordRepository, now: () => Date = () => new Date()) {
    this.store = store;
    this.now = now;
  }

  /** Reads only what is stored in clear, so it works even with a wrong key. */
  async list(): Promise<RecordSummary[]> {
    return (await metadataStore(this.store).list()).map(summarize);
  }

  async get(ref: string): Promise<BureauRecord | null> {
    return this.store.get(ref);
  }

  /** Opens the records to export (all, or those not exported before) and renders them; call
   *  `markExported` once the file is safely written. */
  async export(options: { format: ExportFormat; all: boolean }) {
    const records = (await this.store.list()).filter((r) => options.all || !r.exportedAt);
    const text =
      options.format === 'csv' ? toCsv(records) : `${JSON.stringify(records, null, 2)}\n`;
    return { records, text };
  }

  async markExported(records: BureauRecord[]): Promise<void> {
    const exportedAt = this.now().toISOString();
    for (const record of records) await this.store.update(record.ref, { exportedAt });
  }

  /** False when there is no record with this reference. */
  close(ref: string): Promise<boolean> {
    return this.setStatus(ref, 'afgehandeld', undefined);
  }

  /** Whoever sets "in behandeling" has picked it up; "afgehandeld" keeps that person (or
   *  names the closer when nobody had); back to "nieuw" clears it. False without the record. */
  async setStatus(ref: string, status: RecordStatus, by: string | undefined): Promise<boolean> {
    const record = await metadataStore(this.store).get(ref);
    if (!record) return false;
    const at = this.now().toISOString();
    const pickedUpBy =
      status === 'nieuw'
        ? undefined
        : status === 'in behandeling'
          ? (by ?? record.pickedUpBy)
          : (record.pickedUpBy ?? by);
    await this.store.update(ref, {
      status,
      statusAt: at,
      pickedUpBy,
      closedAt: status === 'afgehandeld' ? (record.closedAt ?? at) : undefined,
    });
    return true;
  }

  /** Deletes one record at the person's request. False when there is no such record. */
  async remove(ref: string): Promise<boolean> {
    const record = await metadataStore(this.store).get(ref);
    if (!record) return false;
    await this.store.remove(ref);
    return true;
  }
}

const FIELD_ORDER = [
  'name',
  'email',
  'phone',
  'organisation',
  'training',
  'anonymous',
  'moments',
  'description',
  'consent',
];
const STATUS_COLUMNS = ['ref', 'kind', 'createdAt', 'mailedAt', 'exportedAt', 'closedAt'] as const;

function fieldColumns(records: BureauRecord[]): string[] {
  const present = new Set(records.flatMap((r) => Object.keys(r.fields)));
  const known = FIELD_ORDER.filter((key) => present.has(key));
  const other = [...present].filter((key) => !FIELD_ORDER.includes(key)).sort();
  return [...known, ...other];
}

/** A spreadsheet would run a cell starting with = + - @ (or a tab or return) as a formula:
 *  a quote in front keeps what a person typed as text. */
export function csvCell(value: string | boolean | undefined | null): string {
  let text =
    value === undefined || value === null
      ? ''
      : typeof value === 'boolean'
        ? value
          ? 'ja'
          : 'nee'
        : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records: BureauRecord[]): string {
  const fields = fieldColumns(records);
  const header = [...STATUS_COLUMNS, ...fields].map(csvCell).join(',');
  const rows = records.map((record) =>
    [...STATUS_COLUMNS.map((column) => record[column]), ...fields.map((f) => record.fields[f])]
      .map(csvCell)
      .join(','),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

const TABLE_HEADERS = [
  'Referentie',
  'Soort',
  'Ontvangen',
  'Gemaild',
  'Geëxporteerd',
  'Gesloten',
  'Versleuteld',
  'Status',
  'Opgepakt door',
];

export function formatTable(rows: RecordSummary[]): string {
  const day = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '-');
  const cells = rows.map((r) => [
    r.ref,
    r.kind === 'contact' ? 'contactverzoek' : 'aanmelding',
    day(r.createdAt),
    day(r.mailedAt),
    day(r.exportedAt),
    day(r.closedAt),
    r.encrypted ? 'ja' : 'nee',
    r.status,
    r.pickedUpBy ?? '-',
  ]);
  const widths = TABLE_HEADERS.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)),
  );
  const line = (values: string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(TABLE_HEADERS), ...cells.map(line)].join('\n');
}
