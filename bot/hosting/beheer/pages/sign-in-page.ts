import { html } from '../html.ts';
import { page } from './layout.ts';

export interface SignInView {
  /** The value of the sign-in cookie, repeated in the form. */
  formToken: string;
  /** What went wrong with the previous attempt, if anything. */
  error?: string;
  name?: string;
}

export function signInPage(view: SignInView): string {
  const error = view.error;
  return page({
    title: 'Aanmelden',
    body: html`<p>
        De werkplek is alleen voor medewerkers van het bureau. Meld u aan met uw naam en de
        toegangscode van het bureau.
      </p>
      ${error ? html`<div class="alert" role="alert" id="fout"><p>${error}</p></div>` : ''}
      <form class="form" method="post" action="/beheer/aanmelden" novalidate>
        <input type="hidden" name="_csrf" value="${view.formToken}" />
        <p class="field">
          <label for="naam">Uw naam</label>
          <span class="hint" id="naam-hint">Zo ziet het bureau wie een verzoek oppakt.</span>
          <input
            id="naam"
            name="naam"
            type="text"
            autocomplete="name"
            required
            maxlength="60"
            value="${view.name ?? ''}"
            aria-describedby="naam-hint${error ? ' fout' : ''}"
          />
        </p>
        <p class="field">
          <label for="code">Toegangscode</label>
          <input
            id="code"
            name="code"
            type="password"
            autocomplete="current-password"
            required${error ? html` aria-describedby="fout"` : ''}
          />
        </p>
        <p><button type="submit" class="button">Aanmelden</button></p>
      </form>`,
  });
}

/** Pages that say why something cannot be done, with a way on. */
export function messagePage(
  title: string,
  message: string,
  link?: { href: string; label: string },
) {
  return page({
    title,
    body: html`<p>${message}</p>
      ${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : ''}`,
  });
}
