import { localDateTime, localDay } from '../time/amsterdam.ts';
import { csvCell } from './bureau-access.ts';
import { statusOf, type BureauRecord } from './repository.ts';

// The export the bureau opens in Dutch Excel: semicolons (the Dutch list separator), Dutch
// column names, local times, and a byte-order mark so Excel reads the file as UTF-8 (without
// it "Geëxporteerd" and names with accents come out garbled).

const BOM = '\uFEFF';

const FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['name', 'Naam'],
  ['email', 'E-mail'],
  ['phone', 'Telefoon'],
  ['organisation', 'Organisatie'],
  ['training', 'Basisopleiding'],
  ['anonymous', 'Anoniem'],
  ['moments', 'Bereikbaar'],
  ['description', 'Korte omschrijving'],
  ['consent', 'Toestemming'],
];

const KIND_NAMES: Record<BureauRecord['kind'], string> = {
  contact: 'contactverzoek',
  registration: 'aanmelding',
};

const time = (iso: string | undefined): string => (iso ? localDateTime(iso) : '');

export function toExcelCsv(records: BureauRecord[]): string {
  const header = [
    'Referentie',
    'Soort',
    'Ontvangen',
    'Status',
    'Opgepakt door',
    ...FIELDS.map(([, label]) => label),
    'Gemaild',
    'Geëxporteerd',
    'Afgehandeld',
  ];
  const rows = records.map((record) => [
    record.ref,
    KIND_NAMES[record.kind],
    time(record.createdAt),
    statusOf(record),
    record.pickedUpBy,
    ...FIELDS.map(([key]) => record.fields[key]),
    time(record.mailedAt),
    time(record.exportedAt),
    time(record.closedAt),
  ]);
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** "verzoeken-2026-12-06.csv": the Amsterdam date, so the files sort by day. */
export function exportFileName(now: Date): string {
  return `verzoeken-${localDay(now)}.csv`;
}
