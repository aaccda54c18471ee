/* global document, window */
// The Info tab's only script: asks Teams (through the official teams-js library) for its
// theme and locale. Everything on the page is already there without it, so opened outside
// Teams, where initialize() fails or never answers, the page simply stays as it is.
// Bundled with esbuild (bot/hosting/teams/tab-bundle.ts); served as /tab/tab.js.
import { app } from '@microsoft/teams-js';

const THEMES = new Set(['default', 'dark', 'contrast']);
const TEAMS_TIMEOUT_MS = 3000;

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        window.clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        window.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function applyTheme(theme) {
  if (THEMES.has(theme)) document.documentElement.dataset.theme = theme;
}

/** The content is Dutch; readers with another Teams language get a one-line English note. */
function applyLocale(locale) {
  const dutch = typeof locale !== 'string' || locale.toLowerCase().startsWith('nl');
  document.getElementById('alleen-nederlands').hidden = dutch;
}

async function main() {
  try {
    await withTimeout(app.initialize(), TEAMS_TIMEOUT_MS);
    const context = await withTimeout(app.getContext(), TEAMS_TIMEOUT_MS);
    applyTheme(context.app.theme);
    applyLocale(context.app.locale);
    app.registerOnThemeChangeHandler(applyTheme);
    document.documentElement.dataset.host = 'teams';
  } catch {
    document.documentElement.dataset.host = 'browser';
  }
}

void main();
