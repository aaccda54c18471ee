import type { Alternative, Decision } from '../../../services/knowledge/types.ts';
import { html } from '../html.ts';
import { page, type PageFrame } from './layout.ts';

export const DECISION_TEXT: Record<Decision, string> = {
  answer: 'Direct antwoord',
  suggest: 'Bedoelde u… (de bot twijfelt en biedt onderwerpen aan)',
  fallback: 'Geen antwoord (de bot zegt eerlijk dat hij het niet weet)',
  crisis: 'Crisisantwoord (112, 113 en Veilig Thuis, vóór al het andere)',
  'safety-check': 'Eerst de veiligheidsvraag (is iemand nu in gevaar?), daarna het antwoord',
};

export interface TryResult {
  question: string;
  decision: Decision;
  top: Alternative[];
  /** What the person would see first, as the bot sends it (Markdown). */
  reply: string;
  /** What waits behind "Lees meer"; empty when the answer has no second part. */
  more: string;
  /** When the conversation handles the question before the topics (a request to act, someone
   *  upset): what it does; the reply is then that reply. */
  conversation?: string;
  /** Set when the topics alone would have done something else: the decision shown beside. */
  otherwise?: Decision;
}

export interface TryView {
  result: TryResult | undefined;
  thresholds: { answer: number; suggest: number };
  knowledge: { entries: number; hash: string };
  frame: Pick<PageFrame, 'signedIn' | 'notice'>;
}

const score = (n: number): string => n.toFixed(2).replace('.', ',');

export function tryPage(view: TryView): string {
  const { result } = view;
  const csrf = view.frame.signedIn?.csrf ?? '';
  return page({
    ...view.frame,
    title: 'Probeer een vraag',
    current: '/beheer/proberen',
    body: html`<p>
        Typ een vraag zoals iemand die zou stellen en zie wat de bot nu zou doen, met de kennisbank
        die nu is geladen (${view.knowledge.entries} onderwerpen, versie ${view.knowledge.hash}).
        Wat u hier typt, wordt niet bewaard en niet meegeteld.
      </p>
      <form class="form" method="post" action="/beheer/proberen">
        <input type="hidden" name="_csrf" value="${csrf}" />
        <p class="field">
          <label for="vraag">Vraag</label>
          <textarea id="vraag" name="vraag" rows="3" maxlength="2000" required>
${result?.question ?? ''}</textarea>
        </p>
        <p><button type="submit" class="button">Probeer</button></p>
      </form>
      ${
        result
          ? html`<section aria-labelledby="uitkomst">
              <h2 id="uitkomst">Wat de bot zou doen</h2>
              <p class="decision">
                <strong>${result.conversation ?? DECISION_TEXT[result.decision]}</strong>
              </p>
              ${
                result.otherwise
                  ? html`<p class="hint">
                      Zonder dat zou de kennisbank zeggen: ${DECISION_TEXT[result.otherwise]}.
                    </p>`
                  : ''
              }
              <p class="hint">
                Drempels: direct antwoord vanaf score ${score(view.thresholds.answer)}, "Bedoelde
                u…" vanaf ${score(view.thresholds.suggest)}.
              </p>
              ${
                result.top.length === 0
                  ? html`<p>Geen onderwerpen gevonden.</p>`
                  : html`<table class="table table--numbers">
                      <caption>
                        De drie beste onderwerpen
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">Onderwerp</th>
                          <th scope="col" class="wide-only">Id</th>
                          <th scope="col">Score</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${result.top.map(
                          (a) =>
                            html`<tr>
                              <th scope="row">
                                ${a.title}<code class="narrow-only">${a.target}</code>
                              </th>
                              <td class="wide-only"><code>${a.target}</code></td>
                              <td data-label="Score">${score(a.score)}</td>
                            </tr>`,
                        )}
                      </tbody>
                    </table>`
              }
              ${
                result.reply === ''
                  ? ''
                  : html`<h3>Het antwoord</h3>
                      <p class="hint">
                        Zoals de bot het verstuurt (Markdown): **vet** wordt in de chat vetgedrukt.
                      </p>
                      <pre class="reply">${result.reply}</pre>`
              }
              ${
                result.more === ''
                  ? ''
                  : html`<h3>Na “Lees meer”</h3>
                      <pre class="reply">${result.more}</pre>`
              }
            </section>`
          : ''
      }`,
  });
}
