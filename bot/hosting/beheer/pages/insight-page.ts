import type { Counter } from '../../../services/insight/counts.ts';
import type { QuestionKind } from '../../../services/insight/questions.ts';
import { isoWeek } from '../../../services/time/amsterdam.ts';
import { barChart } from '../chart.ts';
import { html, type Html } from '../html.ts';
import type { InsightData, QuestionRow } from '../insight-view.ts';
import { page, type PageFrame } from './layout.ts';

const COLUMNS: ReadonlyArray<readonly [Counter, string]> = [
  ['conversations', 'Gesprekken'],
  ['answered', 'Direct antwoord'],
  ['suggested', 'Bedoelde u…'],
  ['refused', 'Geen antwoord'],
  ['crisis', 'Crisis'],
  ['safetyCheck', 'Veiligheidsvraag'],
  ['contactRequests', 'Contactverzoeken'],
  ['registrations', 'Aanmeldingen'],
];

export const KIND_TEXT: Record<QuestionKind, string> = {
  refused: 'Geen antwoord',
  suggested: 'Bedoelde u…',
  notHelped: 'Beoordeeld met "Nee"',
};

export interface InsightView {
  data: InsightData;
  keepsQuestions: boolean;
  retentionDays: number;
  showHandled: boolean;
  frame: Pick<PageFrame, 'signedIn' | 'notice'>;
}

function dayLabel(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}-${month}-${year}`;
}

function countsTable(
  caption: string,
  first: string,
  rows: Array<{ label: string; totals: Record<Counter, number> }>,
): Html {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}">
    <table class="table table--numbers">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${first}</th>
          ${COLUMNS.map(([, label]) => html`<th scope="col">${label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.label}</th>
              ${COLUMNS.map(([key, label]) => html`<td data-label="${label}">${row.totals[key]}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function questionItem(q: QuestionRow, csrf: string, showHandled: boolean): Html {
  const exampleId = `voorbeeld-${q.id}`;
  return html`<li class="question">
    <p class="question__meta">
      <span class="badge">${KIND_TEXT[q.kind]}</span> ${dayLabel(q.day)}${
        q.closestTitle
          ? html` · kwam het dichtst bij <strong>${q.closestTitle}</strong>`
          : html` · geen onderwerp in de buurt`
      }
    </p>
    ${q.text === undefined ? html`<p class="question__text">(niet te openen: de sleutel ontbreekt)</p>` : html`<p class="question__text">${q.text}</p>`}
    ${
      q.example === undefined
        ? ''
        : html`<p class="question__example">
            <label for="${exampleId}"
              >Als voorbeeldvraag, onder <code>questions:</code> in <code>${q.file}</code></label
            >
            <input
              class="copy-source"
              id="${exampleId}"
              type="text"
              readonly
              value="${q.example}"
            />
            <button type="button" class="button button--quiet copy" data-copy="${exampleId}" hidden>
              Kopieer
            </button>
          </p>`
    }
    <form method="post" action="/beheer/inzicht/vragen/${q.id}">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <input type="hidden" name="afgehandeld" value="${showHandled ? 'nee' : 'ja'}" />
      <button type="submit" class="button button--quiet">
        ${showHandled ? 'Terugzetten naar open' : 'Markeer als afgehandeld'}</button
      >${q.handledBy ? html` <span class="hint">Afgehandeld door ${q.handledBy}</span>` : ''}
    </form>
  </li>`;
}

export function insightPage(view: InsightView): string {
  const { data } = view;
  const csrf = view.frame.signedIn?.csrf ?? '';
  const chart = barChart(
    {
      title: `Vragen per week, de laatste ${data.weeks.length} weken: direct antwoord, "Bedoelde u…" en geen antwoord`,
      categories: data.weeks.map((w) => `wk ${w.week}`),
      series: [
        {
          label: 'Direct antwoord',
          colour: '#1d4f91',
          values: data.weeks.map((w) => w.totals.answered),
        },
        {
          label: 'Bedoelde u…',
          colour: '#a85d00',
          values: data.weeks.map((w) => w.totals.suggested),
        },
        {
          label: 'Geen antwoord',
          colour: '#5c5c5c',
          values: data.weeks.map((w) => w.totals.refused),
        },
      ],
    },
    'grafiek-weken',
  );
  const questions = !view.keepsQuestions
    ? html`<p>
        Vragen worden nu niet bewaard: daarvoor zijn RECORDS_KEY (om ze te versleutelen) en de
        werkplek nodig. Alleen de tellingen hierboven worden bijgehouden.
      </p>`
    : data.questions.length === 0
      ? html`<p>
          ${view.showHandled ? 'Er zijn geen afgehandelde vragen.' : 'Er zijn geen open vragen.'}
        </p>`
      : html`<ul class="questions">
          ${data.questions.map((q) => questionItem(q, csrf, view.showHandled))}
        </ul>`;
  return page({
    ...view.frame,
    title: 'Inzicht',
    current: '/beheer/inzicht',
    body: html`<p>
        Alleen tellingen en geschoonde vragen: niets hiervan is terug te voeren op een persoon of
        gesprek. Dagen en weken in Nederlandse tijd.
      </p>
      <section aria-labelledby="weken">
        <h2 id="weken">Per week</h2>
        ${chart}
        ${countsTable(
          `Aantallen per week, de laatste ${data.weeks.length} weken`,
          'Week',
          data.weeks.map((w) => ({
            label: `week ${w.week} (vanaf ${dayLabel(w.start)})`,
            totals: w.totals,
          })),
        )}
      </section>
      <section aria-labelledby="dagen">
        <h2 id="dagen">Per dag</h2>
        ${countsTable(
          `Aantallen per dag, de laatste ${data.days.length} dagen`,
          'Dag',
          data.days.map((d) => ({
            label: `${dayLabel(d.day)} (wk ${isoWeek(d.day)})`,
            totals: d.totals,
          })),
        )}
      </section>
      <section aria-labelledby="onderwerpen">
        <h2 id="onderwerpen">Per onderwerp, de laatste ${data.weeks.length} weken</h2>
        ${
          data.entries.length === 0
            ? html`<p>Nog geen antwoorden gegeven.</p>`
            : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Per onderwerp">
                <table class="table table--numbers">
                  <caption class="visually-hidden">
                    Keer beantwoord en "Heeft dit geholpen?" per onderwerp
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Onderwerp</th>
                      <th scope="col">Beantwoord</th>
                      <th scope="col">Geholpen: ja</th>
                      <th scope="col">Geholpen: nee</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${data.entries.map(
                      (e) =>
                        html`<tr>
                          <th scope="row">${e.title}</th>
                          <td data-label="Beantwoord">${e.answered}</td>
                          <td data-label="Geholpen: ja">${e.helped}</td>
                          <td data-label="Geholpen: nee">${e.notHelped}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
      </section>
      <section aria-labelledby="vragen">
        <h2 id="vragen">Vragen om de kennisbank mee te verbeteren</h2>
        <p>
          Vragen waarop de bot geen antwoord had, twijfelde ("Bedoelde u…"), of waarvan het antwoord
          "Nee" kreeg op "Heeft dit geholpen?". Namen, e-mailadressen, telefoonnummers, links, lange
          nummers en postcodes zijn eruit gehaald voordat de vraag werd bewaard. Ze worden na
          ${view.retentionDays} dagen gewist. Crisisberichten worden nooit bewaard.
        </p>
        <p>
          <a href="/beheer/inzicht${view.showHandled ? '' : '?vragen=afgehandeld'}#vragen"
            >${view.showHandled ? `Toon open vragen (${data.openQuestions})` : 'Toon afgehandelde vragen'}</a
          >
        </p>
        <p class="visually-hidden" role="status" id="kopieer-status"></p>
        ${questions}
      </section>`,
  });
}
