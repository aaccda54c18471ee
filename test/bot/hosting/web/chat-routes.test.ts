import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadConfig } from '../../../../bot/services/config.ts';
import {
  directLineConnectSources,
  installDirectLineRoutes,
} from '../../../../bot/hosting/directline/routes.ts';
import { installWebRoutes, WEBCHAT_BUNDLE } from '../../../../bot/hosting/web/routes.ts';
import { startHttpApp, type HttpApp } from '../../../helpers/http-app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

// The widget's HTTP side: the page and its security headers, the served bundles.

function directives(csp: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values.join(' '));
  }
  return map;
}

/** A GET with exactly this Accept-Encoding (fetch would decode the body itself). */
function get(
  url: string,
  acceptEncoding: string,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web widget routes', () => {
  let dataDir: string;
  let running: HttpApp;

  before(async () => {
    dataDir = await makeTempDir();
    running = await startHttpApp(dataDir, {}, [installDirectLineRoutes, installWebRoutes]);
  });
  after(async () => {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /chat in Dutch with a strict policy: no inline script, a fresh style nonce', async () => {
    const res = await fetch(`${running.app.url}/chat`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="nl">/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every script is a file');
    assert.doesNotMatch(html, /\sstyle="/, 'no inline style attributes');

    const csp = directives(res.headers.get('content-security-policy') ?? '');
    assert.equal(csp.get('default-src'), "'none'");
    assert.equal(csp.get('script-src'), "'self'");
    assert.equal(csp.get('connect-src'), "'self'");
    assert.equal(csp.get('frame-ancestors'), '*');
    assert.equal(csp.get('object-src'), "'none'");
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.ok(csp.get('style-src')?.includes(`'nonce-${nonce}'`));
    assert.doesNotMatch(csp.get('style-src') ?? '', /unsafe-inline/);

    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(res.headers.get('permissions-policy') ?? '', /microphone=\(\)/);
    assert.equal(res.headers.get('x-frame-options'), null, 'framing is governed by the CSP');

    const again = await (await fetch(`${running.app.url}/chat`)).text();
    assert.notEqual(/nonce="([^"]+)"/.exec(again)?.[1], nonce, 'a new nonce per response');
  });

  it('serves the Web Chat bundle from node_modules, gzipped, with an ETag', async () => {
    const res = await fetch(`${running.app.url}/chat/webchat.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    const etag = res.headers.get('etag') ?? '';
    assert.ok(etag !== '');
    assert.ok((await res.arrayBuffer()).byteLength > 100_000);
    const cached = await fetch(`${running.app.url}/chat/webchat.js`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(cached.status, 304);
  });

  it('links versioned files kept a year, and serves them as brotli or gzip as the browser asks', async () => {
    const html = await (await fetch(`${running.app.url}/chat`)).text();
    const bundle = /data-webchat="(\/chat\/webchat\.[0-9a-f]{16}\.js)"/.exec(html)?.[1];
    const own = /src="(\/chat\/chat\.[0-9a-f]{16}\.js)"/.exec(html)?.[1];
    assert.ok(bundle && own, 'versioned names in the page');
    assert.ok(html.includes(`<link rel="preload" href="${bundle}" as="script">`), 'preloaded');
    assert.match(html, /href="\/chat\/chat\.[0-9a-f]{16}\.css"/);
    const source = await readFile(WEBCHAT_BUNDLE);
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const res = await get(`${running.app.url}${bundle}`, accept);
      assert.equal(res.headers['content-encoding'], encoding ?? undefined, accept);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      const body =
        encoding === 'br'
          ? brotliDecompressSync(res.body)
          : encoding === 'gzip'
            ? gunzipSync(res.body)
            : res.body;
      assert.ok(body.equals(source), `${accept}: the bundle itself`);
      if (encoding === 'br') assert.ok(res.body.length < source.length / 4, 'brotli is small');
    }
  });

  it('serves embed.js so other sites may load it with a script tag', async () => {
    const res = await fetch(`${running.app.url}/chat/embed.js`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.match(await res.text(), /\/chat\?embed=1/);
  });

  it('sends gzip only to clients that ask for it', async () => {
    const { request } = await import('node:http');
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const req = request(`${running.app.url}/chat/chat.css`, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      },
    );
    assert.equal(headers['content-encoding'], undefined);
    assert.match(body.toString('utf8'), /prefers-reduced-motion/);
  });

  it('allows Azure Direct Line (https and wss) in the policy only in production mode', () => {
    const local = loadConfig({});
    assert.deepEqual(directLineConnectSources(local), []);
    const azure = loadConfig({ DIRECTLINE_SECRET: 'x' });
    assert.deepEqual(directLineConnectSources(azure), [
      'https://directline.botframework.com',
      'wss://directline.botframework.com',
    ]);
  });
});
