import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { AppParts, RouteInstaller } from '../app.ts';
import { directLineConnectSources } from '../directline/routes.ts';
import { handle } from '../directline/http.ts';
import { CACHE_DAY, CACHE_HOUR, StaticAsset } from './assets.ts';
import { renderChatPage } from './chat-page.ts';
import { contentSecurityPolicy, newNonce, pageHeaders } from './security-headers.ts';

// GET /chat (the widget page), its scripts and styles, the Web Chat bundle from node_modules
// (never a CDN) and /chat/embed.js, the one-line embed for other sites.

export const WEB_DIR = fileURLToPath(new URL('../../deploy/web/', import.meta.url));
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
    server.get(
      '/chat',
      handle((_req: Request, res: Response) => {
        const nonce = newNonce();
        const csp = contentSecurityPolicy({ connectSources, frameAncestors, styleNonce: nonce });
        res.writeHead(200, pageHeaders(csp));
        res.end(renderChatPage(nonce));
      }),
    );
    const webchat = StaticAsset.file(WEBCHAT_BUNDLE, JS, CACHE_DAY);
    serve(server, '/chat/webchat.js', webchat);
    serve(server, '/chat/chat.js', StaticAsset.file(join(WEB_DIR, 'chat.js'), JS));
    serve(server, '/chat/chat.css', StaticAsset.file(join(WEB_DIR, 'chat.css'), CSS));
    // Other sites load embed.js with a plain <script> tag.
    const crossOrigin = { 'Cross-Origin-Resource-Policy': 'cross-origin' };
    const embed = StaticAsset.file(join(WEB_DIR, 'embed.js'), JS, CACHE_HOUR, crossOrigin);
    serve(server, '/chat/embed.js', embed);
    // Compress the big bundle while nobody waits for it; a failure shows on first request.
    webchat.warm().catch((error: unknown) => {
      app.logger.error({ errorType: error instanceof Error ? error.name : 'unknown' }, 'webchat');
    });
  };
}

function serve(server: Server, path: string, asset: StaticAsset): void {
  server.get(
    path,
    handle((req, res) => asset.send(req, res)),
  );
}

export const installWebRoutes: RouteInstaller = webRoutes();
