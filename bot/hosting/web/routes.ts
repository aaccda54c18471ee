import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { AppParts, RouteInstaller } from '../app.ts';
import { directLineConnectSources } from '../directline/routes.ts';
import { handle } from '../directline/http.ts';
import { CACHE_DAY, CACHE_HOUR, CACHE_REVALIDATE, StaticAsset } from './assets.ts';
import { renderChatPage, type ChatPageAssets } from './chat-page.ts';
import { contentSecurityPolicy, newNonce, pageHeaders } from './security-headers.ts';

// GET /chat (the widget page), its scripts and styles, the Web Chat bundle from node_modules
// (never a CDN) and /chat/embed.js, the one-line embed for other sites. The page links its
// files under versioned names (content hash) that browsers keep for a year; the plain names
// stay for pages and caches from before.

export const WEB_DIR = fileURLToPath(new URL('../../../deploy/web/', import.meta.url));
const require = createRequire(import.meta.url);
export const WEBCHAT_BUNDLE = join(
  dirname(require.resolve('botframework-webchat')),
  '..',
  'dist',
  'webchat.js',
);

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

export interface WebOptions {
  /** Who may frame /chat. Default '*': the widget is meant for any site (see deploy/README.md). */
  frameAncestors?: string[];
  /** Azure's Direct Line base URL, for the Content-Security-Policy in production. */
  azureBaseUrl?: string;
}

export function webRoutes(options: WebOptions = {}): RouteInstaller {
  const frameAncestors = options.frameAncestors ?? ['*'];
  return (server: Server, app: AppParts) => {
    const connectSources = directLineConnectSources(app.config, options.azureBaseUrl);
    const webchat = StaticAsset.versioned(WEBCHAT_BUNDLE, JS, '/chat/webchat', '.js');
    const script = StaticAsset.versioned(join(WEB_DIR, 'chat.js'), JS, '/chat/chat', '.js');
    const style = StaticAsset.versioned(join(WEB_DIR, 'chat.css'), CSS, '/chat/chat', '.css');
    const assets: ChatPageAssets = {
      css: style.url,
      chatScript: script.url,
      webchatScript: webchat.url,
    };
    server.get(
      '/chat',
      handle((_req: Request, res: Response) => {
        const nonce = newNonce();
        const csp = contentSecurityPolicy({ connectSources, frameAncestors, styleNonce: nonce });
        res.writeHead(200, pageHeaders(csp));
        res.end(renderChatPage(nonce, assets));
      }),
    );
    for (const { asset, url } of [webchat, script, style]) serve(server, url, asset);
    serve(server, '/chat/webchat.js', webchat.asset, CACHE_DAY);
    serve(server, '/chat/chat.js', script.asset, CACHE_REVALIDATE);
    serve(server, '/chat/chat.css', style.asset, CACHE_REVALIDATE);
    // Other sites load embed.js with a plain <script> tag.
    const crossOrigin = { 'Cross-Origin-Resource-Policy': 'cross-origin' };
    const embed = StaticAsset.file(join(WEB_DIR, 'embed.js'), JS, CACHE_HOUR, crossOrigin);
    serve(server, '/chat/embed.js', embed);
    // Compress while nobody waits for it; a failure shows on the first request.
    for (const asset of [webchat.asset, script.asset, style.asset]) {
      asset.warm().catch((error: unknown) => {
        app.logger.error({ errorType: error instanceof Error ? error.name : 'unknown' }, 'webchat');
      });
    }
  };
}

function serve(server: Server, path: string, asset: StaticAsset, cacheControl?: string): void {
  server.get(
    path,
    handle((req, res) => asset.send(req, res, cacheControl)),
  );
}

export const installWebRoutes: RouteInstaller = webRoutes();
