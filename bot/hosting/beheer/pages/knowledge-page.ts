import type { GoLiveWarning } from '../../../services/knowledge/go-live.ts';
import type { KnowledgeStatus } from '../../../services/knowledge/service.ts';
import { localDateTime } from '../../../services/time/amsterdam.ts';
import { html, type Html } from '../html.ts';
import { page, type PageFrame } from './layout.ts';

export interface KnowledgeView {
  status: KnowledgeStatus;
  warnings: GoLiveWarning[];
  frame: Pick<PageFrame, 'signedIn' | 'notice'>;
}

const GROUPS: ReadonlyArray<readonly [GoLiveWarning['kind'], string, string]> = [
  [
    'te-vullen',
    'Nog in te vullen (TE_VULLEN)',
    'De bot laat deze gegevens weg of noemt ze "op aanvraag".',
  ],
  ['controleren', 'Controleren vóór livegang', 'Notities van de redactie in de bestanden zelf.'],
  [
    'lang',
    'Langer dan een telefoonscherm',
    'Het eerste deel van het antwoord (tot <!-- meer -->) is langer dan ongeveer 80 woorden: op een telefoon moet iemand erdoor scrollen.',
  ],
  [
    'contact',
    'Geen telefoonnummer of e-mailadres',
    'Zonder telefoonnummer of e-mailadres in contacts.yaml kan niemand vanuit de bot een vertrouwenspersoon bellen of mailen, alleen een contactverzoek sturen.',
  ],
];

function watching(status: KnowledgeStatus): string {
  const { mode, pollMs } = status.watch;
  if (mode === 'uit')
    return 'Deze instantie volgt de map niet: een wijziging geldt pas na een herstart.';
  if (mode === 'peilen') {
    const seconds = (pollMs / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
    return `Deze instantie bekijkt elk bestand om de ${seconds} seconde(n) (een map op een netwerkschijf, zoals Azure Files): een opgeslagen wijziging geldt binnen enkele seconden.`;
  }
  return 'Deze instantie ziet een opgeslagen wijziging meteen.';
}

function warningList(items: GoLiveWarning[]): Html {
  return html`<ul class="warnings">
    ${items.map(
      (w) =>
        html`<li>
          <code>${w.file}${w.line === undefined ? '' : `:${w.line}`}</code> ${w.message}
        </li>`,
    )}
  </ul>`;
}

export function knowledgePage(view: KnowledgeView): string {
  const { status } = view;
  const reload = status.lastReload;
  const reloadPart = !reload
    ? html`<p>Sinds de start is de kennisbank niet opnieuw geladen.</p>`
    : reload.ok
      ? html`<p>De laatste wijziging (${localDateTime(reload.at)}) is goed geladen.</p>`
      : html`<div class="alert" role="alert">
          <p>
            <strong>De laatste wijziging (${localDateTime(reload.at)}) is niet geladen:</strong>
            ${reload.errors} fout(en). De bot gebruikt nog de versie hierboven. Los de fouten op
            (controleer met <code>npm run kb:check</code>) en sla het bestand opnieuw op.
          </p>
          <ul class="warnings">
            ${reload.problems.map((p) => html`<li><code>${p.file}:${p.line}</code> ${p.message}</li>`)}
          </ul>
        </div>`;
  return page({
    ...view.frame,
    title: 'Kennisbank',
    current: '/beheer/kennisbank',
    body: html`<section aria-labelledby="versie">
        <h2 id="versie">Geladen versie</h2>
        <dl class="details">
          <dt>Onderwerpen</dt>
          <dd>${status.entries}</dd>
          <dt>Versie (inhoud-hash)</dt>
          <dd><code>${status.hash}</code></dd>
          <dt>Geladen</dt>
          <dd>${localDateTime(status.loadedAt)}</dd>
        </dl>
        ${reloadPart}
        <p>${watching(status)}</p>
        <p class="hint">
          Draait de bot op meer instanties, dan laadt elk zijn eigen kopie; deze pagina toont die
          van de instantie die u nu bedient. Dezelfde versie heeft overal dezelfde hash.
        </p>
      </section>
      <section aria-labelledby="livegang">
        <h2 id="livegang">Voor livegang</h2>
        <p class="hint">
          ${
            status.live
              ? 'De bot draait in productie: met een punt hieronder start hij niet, en een wijziging die er een terugbrengt, laadt hij niet.'
              : html`In productie (<code>NODE_ENV=production</code>) start de bot niet zolang hier
                  iets staat. Controleer het ook met <code>npm run kb:check -- --live</code>.`
          }
        </p>
        ${GROUPS.map(([kind, title, explain]) => {
          const items = view.warnings.filter((w) => w.kind === kind);
          return html`<h3>${title} (${items.length})</h3>
            <p class="hint">${explain}</p>
            ${items.length === 0 ? html`<p>Niets gevonden.</p>` : warningList(items)}`;
        })}
      </section>`,
  });
}
