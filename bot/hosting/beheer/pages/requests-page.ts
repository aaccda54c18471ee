import {
  statusOf,
  RECORD_STATUSES,
  type BureauRecord,
} from '../../../services/records/repository.ts';
import { localDateTime } from '../../../services/time/amsterdam.ts';
import { html, type Html } from '../html.ts';
import { urgencyOf } from '../urgency.ts';
import { page, type PageFrame } from './layout.ts';

export const KIND_LABELS: Record<BureauRecord['kind'], string> = {
  contact: 'Contactverzoek',
  registration: 'Aanmelding cursus',
};

/** A record as the list shows it; `fields` undefined when it could not be opened. */
export interface ListedRecord {
  record: BureauRecord;
  readable: boolean;
}

export interface RequestsView {
  rows: ListedRecord[];
  filter: string;
  now: Date;
  frame: Pick<PageFrame, 'signedIn' | 'notice'>;
  /** The bureau is told of new requests (e-mail or Teams); else say so. */
  alerts: string[];
}

const FILTERS = [
  { value: 'open', label: 'Nog niet afgehandeld' },
  ...RECORD_STATUSES.map((s) => ({ value: s, label: s })),
  { value: 'alle', label: 'Alle' },
];

function moment(row: ListedRecord): string {
  if (!row.readable) return 'niet te openen (sleutel?)';
  const moments = row.record.fields.moments;
  return typeof moments === 'string' ? moments : '–';
}

function rowOf(row: ListedRecord, now: Date): Html {
  const { record } = row;
  const urgency = row.readable ? urgencyOf(record, now) : undefined;
  return html`<tr${urgency ? html` class="urgent"` : ''}>
<td data-label="Referentie"><a href="/beheer/verzoeken/${record.ref}">${record.ref}</a>${
    urgency
      ? html` <span class="badge badge--urgent" title="${urgency.reason}">${urgency.label}</span>`
      : ''
  }</td>
<td data-label="Soort">${KIND_LABELS[record.kind]}</td>
<td data-label="Ontvangen">${localDateTime(record.createdAt)}</td>
<td data-label="Bereikbaar">${record.kind === 'contact' ? moment(row) : '–'}</td>
<td data-label="Status"><span class="status status--${statusOf(record).replace(' ', '-')}">${statusOf(record)}</span></td>
<td data-label="Opgepakt door">${record.pickedUpBy ?? '–'}</td>
</tr>`;
}

export function requestsPage(view: RequestsView): string {
  const { rows, now } = view;
  const noAlerts =
    view.alerts.length === 0
      ? html`<div class="alert" role="note">
          <p>
            <strong>Let op:</strong> nieuwe verzoeken worden nergens gemeld (geen e-mail, geen
            Teams). Kijk hier zelf regelmatig. Instellen: zie deploy/README.md, "Meldingen".
          </p>
        </div>`
      : html`<p class="hint">Nieuwe verzoeken worden gemeld via ${view.alerts.join(' en ')}.</p>`;
  const table =
    rows.length === 0
      ? html`<p>Er zijn geen verzoeken in deze selectie.</p>`
      : html`<table class="table table--cards">
          <caption class="visually-hidden">
            Verzoeken, dringende bovenaan
          </caption>
          <thead>
            <tr>
              <th scope="col">Referentie</th>
              <th scope="col">Soort</th>
              <th scope="col">Ontvangen</th>
              <th scope="col">Bereikbaar</th>
              <th scope="col">Status</th>
              <th scope="col">Opgepakt door</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => rowOf(row, now))}
          </tbody>
        </table>`;
  return page({
    ...view.frame,
    title: 'Verzoeken',
    current: '/beheer/verzoeken',
    body: html`${noAlerts}
      <form class="filter" method="get" action="/beheer/verzoeken">
        <label for="status">Toon</label>
        <select id="status" name="status">
          ${FILTERS.map(
            (f) =>
              html`<option value="${f.value}" ${f.value === view.filter ? html` selected` : ''}>
                ${f.label}
              </option>`,
          )}
        </select>
        <button type="submit" class="button button--quiet">Toon</button>
      </form>
      <p>${rows.length} verzoek(en). Tijden in Nederlandse tijd.</p>
      ${table}
      <form class="export" method="post" action="/beheer/verzoeken/export">
        <input type="hidden" name="_csrf" value="${view.frame.signedIn?.csrf ?? ''}" />
        <input type="hidden" name="status" value="${view.filter}" />
        <button type="submit" class="button">Exporteer voor Excel</button>
        <span class="hint"
          >Een CSV-bestand met puntkomma's, voor Nederlandse Excel. Het bevat persoonsgegevens:
          bewaar het zorgvuldig en verwijder het als u klaar bent.</span
        >
      </form>`,
  });
}

export function sortForList(rows: ListedRecord[], now: Date): ListedRecord[] {
  const weight = (row: ListedRecord): number =>
    row.readable && urgencyOf(row.record, now) ? 0 : 1;
  return [...rows].sort(
    (a, b) => weight(a) - weight(b) || b.record.createdAt.localeCompare(a.record.createdAt),
  );
}

export function matchesFilter(record: BureauRecord, filter: string): boolean {
  if (filter === 'alle') return true;
  if (filter === 'open') return statusOf(record) !== 'afgehandeld';
  return statusOf(record) === filter;
}
