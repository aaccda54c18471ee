import { html, type Html } from '../html.ts';

// The frame of every workspace page: a skip link, the name of the workspace, the navigation
// (with the current page marked for screen readers), who is signed in with a sign-out button,
// and one <main> with one <h1>. No inline script or style: beheer.css and beheer.js only.

export const WORKSPACE_NAME = 'Werkplek Bureau De Vertrouwenspersoon';

export const NAV = [
  { path: '/beheer/verzoeken', label: 'Verzoeken' },
  { path: '/beheer/inzicht', label: 'Inzicht' },
  { path: '/beheer/proberen', label: 'Probeer een vraag' },
  { path: '/beheer/kennisbank', label: 'Kennisbank' },
] as const;

export interface PageFrame {
  title: string;
  /** The nav item this page belongs to. */
  current?: string;
  /** Signed in: who, and the form token for the sign-out button. */
  signedIn?: { who: string; csrf: string };
  /** A short message after an action ("Status gewijzigd."), announced to screen readers. */
  notice?: string;
  body: Html;
}

function navigation(current: string | undefined): Html {
  return html`<nav class="nav" aria-label="Werkplek">
    <ul>
      ${NAV.map(
        (item) =>
          html`<li>
            <a href="${item.path}" ${item.path === current ? html` aria-current="page"` : ''}
              >${item.label}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

export function page(frame: PageFrame): string {
  const { signedIn } = frame;
  return html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>${frame.title} · ${WORKSPACE_NAME}</title>
        <link rel="stylesheet" href="/beheer/beheer.css" />
        <script src="/beheer/beheer.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#inhoud">Naar de inhoud</a>
        <header class="top">
          <p class="top__name">${WORKSPACE_NAME}</p>
          ${
            signedIn
              ? html`<form class="top__user" method="post" action="/beheer/afmelden">
                    <input type="hidden" name="_csrf" value="${signedIn.csrf}" />
                    <span>Aangemeld als <strong>${signedIn.who}</strong></span>
                    <button type="submit" class="button button--quiet">Afmelden</button>
                  </form>
                  ${navigation(frame.current)}`
              : ''
          }
        </header>
        <main id="inhoud" class="main" tabindex="-1">
          <h1>${frame.title}</h1>
          ${frame.notice ? html`<p class="notice" role="status">${frame.notice}</p>` : ''}
          ${frame.body}
        </main>
      </body>
    </html> `.text;
}
