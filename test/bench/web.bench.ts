// npm run bench:web — time to greeting of the website chat in Chromium: from the start of the
// navigation to /chat until "Hoe kan ik u helpen?" shows, on a 390×844 phone viewport. Each
// round opens the page once with an empty cache (a first visit) and once more in the same
// browser profile (a returning visitor, with the browser's cache), alternating between:
//   ours      — /chat as it is now: versioned files kept a year, brotli, chat.js first so the
//               conversation starts while Web Chat compiles;
//   baseline  — the page as it was before (test/bench/web-baseline/chat.js and the same markup):
//               gzip only, the bundle kept a day, chat.js revalidated, and the token asked for
//               only after Web Chat has run.
// Both are served by the same server in the same run, so a busier machine favours neither.
// Figures only, never a pass/fail. Options: --rounds=<n> (default 8).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { startApp, type RouteInstaller } from '../../bot/hosting/app.ts';
import { loadConfig } from '../../bot/services/config.ts';
import { handle } from '../../bot/hosting/directline/http.ts';
import { installDirectLineRoutes } from '../../bot/hosting/directline/routes.ts';
import { createLogger } from '../../bot/services/logger.ts';
import { escapeHtml } from '../../bot/hosting/web/html.ts';
import { installWebRoutes, WEBCHAT_BUNDLE } from '../../bot/hosting/web/routes.ts';
import {
  contentSecurityPolicy,
  newNonce,
  pageHeaders,
} from '../../bot/hosting/web/security-headers.ts';
import { launchBrowser } from '../e2e/browser.ts';

const { values: options } = parseArgs({ options: { rounds: { type: 'string', default: '8' } } });
const ROUNDS = Number(options.rounds);
const GREETING = 'Hoe kan ik u helpen?';
const VIEWPORT = { width: 390, height: 844 };
const BASELINE_SCRIPT = fileURLToPath(new URL('./web-baseline/chat.js', import.meta.url));
const CSS = fileURLToPath(new URL('../../deploy/web/chat.css', import.meta.url));

/** A file as the server sent it before: gzip (when asked) and an ETag, nothing else. */
function gzipOnly(path: string, contentType: string, cacheControl: string) {
  const body = readFileSync(path);
  const gzipped = gzipSync(body, { level: 9 });
  const etag = `"${body.length}-${gzipped.length}"`;
  return (req: Request, res: Response) => {
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Cache-Control': cacheControl,
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    res.end(gzip ? gzipped : body);
  };
}

/** The baseline page (see the top of this file), under /bench/baseline. */
function baselineRoutes(): RouteInstaller {
  return (server: Server) => {
    const js = 'text/javascript; charset=utf-8';
    const bundle = gzipOnly(WEBCHAT_BUNDLE, js, 'public, max-age=86400');
    const script = gzipOnly(BASELINE_SCRIPT, js, 'no-cache');
    const style = gzipOnly(CSS, 'text/css; charset=utf-8', 'no-cache');
    server.get('/bench/webchat.js', handle(bundle));
    server.get('/bench/chat.js', handle(script));
    server.get('/bench/chat.css', handle(style));
    server.get(
      '/bench/baseline',
      handle((_req: Request, res: Response) => {
        const nonce = newNonce();
        const csp = contentSecurityPolicy({
          connectSources: [],
          frameAncestors: ['*'],
          styleNonce: nonce,
        });
        res.writeHead(200, pageHeaders(csp));
        res.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>baseline</title>
<link rel="stylesheet" href="/bench/chat.css">
<script src="/bench/webchat.js" defer></script>
<script src="/bench/chat.js" defer nonce="${escapeHtml(nonce)}"></script></head><body>
<div class="chat"><main class="chat__main"><p id="chat-status" class="chat__status" role="status"></p>
<div id="webchat" class="chat__webchat"></div></main></div></body></html>`);
      }),
    );
  };
}

interface Sample {
  mode: 'ours' | 'baseline';
  visit: 'first' | 'again';
  /** The greeting can be read (ours shows it as text while Web Chat loads). */
  ms: number;
  /** Web Chat shows the greeting and the person can answer. */
  readyMs: number;
}

function stats(values: number[]): { median: number; p90: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p90: at(0.9) };
}

const dataDir = await mkdtemp(join(tmpdir(), 'bdv-bench-web-'));
const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, RATE_LIMIT_IP: '0' });
const app = await startApp(config, createLogger('silent'), [
  installDirectLineRoutes,
  installWebRoutes,
  baselineRoutes(),
]);
const browser = await launchBrowser();
const samples: Sample[] = [];
try {
  // One visit of each to compress and compile what is lazy, not counted.
  const paths = { ours: '/chat', baseline: '/bench/baseline' } as const;
  for (let round = 0; round <= ROUNDS; round += 1) {
    const order =
      round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
    for (const mode of order) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      for (const visit of ['first', 'again'] as const) {
        if (visit === 'again') {
          await page.evaluate('sessionStorage.clear()');
          await page.goto('about:blank');
        }
        const started = performance.now();
        await page.goto(`${app.url}${paths[mode]}`);
        await page
          .getByText(GREETING, { exact: true })
          .filter({ visible: true })
          .first()
          .waitFor({ timeout: 30_000 });
        const ms = performance.now() - started;
        await page.locator('.webchat__bubble', { hasText: GREETING }).waitFor({ timeout: 30_000 });
        const readyMs = performance.now() - started;
        if (round > 0) samples.push({ mode, visit, ms, readyMs });
      }
      await context.close();
    }
    if (round > 0) process.stdout.write(`round ${round}/${ROUNDS}\r`);
  }
} finally {
  await browser.close();
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
}

console.log('');
for (const visit of ['first', 'again'] as const) {
  for (const what of ['ms', 'readyMs'] as const) {
    const of = (mode: Sample['mode']) =>
      stats(samples.filter((s) => s.mode === mode && s.visit === visit).map((s) => s[what]));
    const ours = of('ours');
    const base = of('baseline');
    const label =
      `${visit === 'first' ? 'first visit' : 'returning  '}, ` +
      `${what === 'ms' ? 'greeting shown' : 'chat ready   '}`;
    console.log(
      `${label}: ours median ${ours.median.toFixed(0)} ms (p90 ${ours.p90.toFixed(0)}), ` +
        `baseline median ${base.median.toFixed(0)} ms (p90 ${base.p90.toFixed(0)}), ` +
        `ratio ${(ours.median / base.median).toFixed(2)}`,
    );
  }
}
const firstVisits = samples.filter((s) => s.mode === 'ours' && s.visit === 'first');
const shown = stats(firstVisits.map((s) => s.ms));
const ready = stats(firstVisits.map((s) => s.readyMs));
console.log(
  `bench:web: time to greeting ${shown.median.toFixed(0)} ms, chat ready ${ready.median.toFixed(0)} ms ` +
    `(first visit, median of ${ROUNDS}); goal < 1500 ms`,
);
