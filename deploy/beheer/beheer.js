/* global document, navigator */
// The workspace works without JavaScript. This only adds a "Kopieer" button next to each
// ready-to-paste example question, and says so in a live region when it has copied.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const status = document.getElementById('kopieer-status');
  for (const button of document.querySelectorAll('button[data-copy]')) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) return;
      try {
        await navigator.clipboard.writeText(source.value);
        if (status) status.textContent = 'De voorbeeldvraag is gekopieerd.';
      } catch {
        source.select();
        if (status)
          status.textContent =
            'Kopiëren lukte niet: de tekst is geselecteerd, kopieer hem met Ctrl+C.';
      }
    });
  }
});
