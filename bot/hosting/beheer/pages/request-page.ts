import {
  RECORD_STATUSES,
  statusOf,
  type BureauRecord,
} from '../../../services/records/repository.ts';
import { localDateTime } from '../../../services/time/amsterdam.ts';
import { html } from '../html.ts';
import { urgencyOf } from '../urgency.ts';
import { page, type PageFrame } from './layout.ts';
import { KIND_LABELS } from './requests-page.ts';

const FIELD_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['anonymous', 'Anoniem'],
  ['name', 'Naam'],
  ['phone', 'Telefoon'],
  ['email', 'E-mail'],
  ['organisation', 'Organisatie'],
  ['training', 'Basisopleiding'],
  ['moments', 'Bereikbaar'],
  ['description', 'Korte omschrijving'],
  ['consent', 'Toestemming'],
];

function show(value: string | boolean | undefined): string {
  if (value === undefined) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return value;
}

const time = (iso: string | undefined): string => (iso ? localDateTime(iso) : 'nog niet');

export interface RequestView {
  /** Opened with the key; undefined fields when it could not be opened. */
  record: BureauRecord;
  readable: boolean;
  now: Date;
  frame: Pick<PageFrame, 'signedIn' | 'notice'>;
}

export function requestPage(view: RequestView): string {
  const { record } = view;
  const csrf = view.frame.signedIn?.csrf ?? '';
  const urgency = view.readable ? urgencyOf(record, view.now) : undefined;
  const known = new Set(FIELD_LABELS.map(([key]) => key));
  const other = Object.keys(record.fields).filter((key) => !known.has(key) && !key.startsWith('$'));
  const details = view.readable
    ? html`<dl class="details">
        ${FIELD_LABELS.filter(([key]) => key in record.fields).map(
          ([key, label]) =>
            html`<dt>${label}</dt>
              <dd>${show(record.fields[key])}</dd>`,
        )}${other.map(
          (key) =>
            html`<dt>${key}</dt>
              <dd>${show(record.fields[key])}</dd>`,
        )}
      </dl>`
    : html`<div class="alert" role="alert">
        <p>
          Dit verzoek kan niet worden geopend: de sleutel waarmee het is versleuteld, staat niet in
          RECORDS_KEY of RECORDS_KEY_PREVIOUS.
        </p>
      </div>`;
  return page({
    ...view.frame,
    title: `${KIND_LABELS[record.kind]} ${record.ref}`,
    current: '/beheer/verzoeken',
    body: html`<p><a href="/beheer/verzoeken">Terug naar alle verzoeken</a></p>
      ${urgency ? html`<p class="badge badge--urgent">${urgency.label}: ${urgency.reason}</p>` : ''}
      <section aria-labelledby="gegevens">
        <h2 id="gegevens">Wat de persoon deelde</h2>
        ${details}
      </section>
      <section aria-labelledby="verloop">
        <h2 id="verloop">Verloop</h2>
        <dl class="details">
          <dt>Ontvangen</dt>
          <dd>${localDateTime(record.createdAt)}</dd>
          <dt>Status</dt>
          <dd>
            ${statusOf(record)}${record.statusAt ? html` (sinds ${localDateTime(record.statusAt)})` : ''}
          </dd>
          <dt>Opgepakt door</dt>
          <dd>${record.pickedUpBy ?? 'nog niemand'}</dd>
          <dt>Gemeld per e-mail</dt>
          <dd>${time(record.mailedAt)}</dd>
          <dt>Gemeld in Teams</dt>
          <dd>${time(record.teamsAlertedAt)}</dd>
          <dt>Geëxporteerd</dt>
          <dd>${time(record.exportedAt)}</dd>
        </dl>
      </section>
      <section aria-labelledby="status-kop">
        <h2 id="status-kop">Status wijzigen</h2>
        <form
          class="form form--inline"
          method="post"
          action="/beheer/verzoeken/${record.ref}/status"
        >
          <input type="hidden" name="_csrf" value="${csrf}" />
          <p class="field">
            <label for="nieuwe-status">Nieuwe status</label>
            <select id="nieuwe-status" name="status">
              ${RECORD_STATUSES.map(
                (s) =>
                  html`<option value="${s}" ${s === statusOf(record) ? html` selected` : ''}>
                    ${s}
                  </option>`,
              )}
            </select>
          </p>
          <p><button type="submit" class="button">Status opslaan</button></p>
          <p class="hint">
            Wie "in behandeling" kiest, staat daarna als degene die het verzoek oppakte.
          </p>
        </form>
      </section>
      <section aria-labelledby="wissen-kop">
        <h2 id="wissen-kop">Verwijderen op verzoek van de persoon</h2>
        <form class="form" method="post" action="/beheer/verzoeken/${record.ref}/verwijderen">
          <input type="hidden" name="_csrf" value="${csrf}" />
          <p class="check">
            <input type="checkbox" id="bevestig" name="bevestig" value="ja" required />
            <label for="bevestig"
              >De persoon heeft gevraagd dit verzoek te wissen. Ik begrijp dat dit niet ongedaan kan
              worden.</label
            >
          </p>
          <p>
            <button type="submit" class="button button--danger">
              Verzoek definitief verwijderen
            </button>
          </p>
          <p class="hint">
            E-mails aan het bureau en exportbestanden wist dit niet: verwijder die zelf.
          </p>
        </form>
      </section>`,
  });
}
