import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { AppParts, RouteInstaller } from '../app.ts';
import { handle } from '../directline/http.ts';
import { StaticAsset } from '../web/assets.ts';
import { contentSecurityPolicy, pageHeaders } from '../web/security-headers.ts';
import { loadTabBundle } from './tab-bundle.ts';
import { renderTabPage } from './tab-page.ts';

// GET /tab: the personal "Info" tab of the Teams app (manifest: staticTabs), plus its script
// and style. Only Teams and Microsoft 365 hosts may frame it.

const TAB_DIR = fileURLToPath(new URL('../../../deploy/teams/tab/', import.meta.url));

/** The hosts Microsoft lists for tabs (Teams, Microsoft 365, Outlook; *.cloud.microsoft). */
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/** teams-js fetches Microsoft's current list of valid Teams origins from this CDN (it falls
 *  back to a built-in list when it cannot). */
export const TEAMS_JS_CONNECT = ['https://res.cdn.office.net'];

export interface TabOptions {
  /** Where the bundled tab script comes from (tests may pass a stub). */
  bundle?: () => Promise<Buffer>;
}

export function teamsTabRoutes(options: TabOptions = {}): RouteInstaller {
  return (server: Server, app: AppParts) => {
    const csp = contentSecurityPolicy({
      frameAncestors: TEAMS_FRAME_ANCESTORS,
      connectSources: TEAMS_JS_CONNECT,
    });
    server.get(
      '/tab',
      handle((_req: Request, res: Response) => {
        const { course, contacts } = app.knowledge.base; // the current version, after reloads
        const html = renderTabPage({
          course,
          contacts,
          retentionDays: app.config.retentionDays,
          recordRetentionDays: app.config.recordRetentionDays,
          ...(app.insight.questions ? { questionDays: app.config.insightRetentionDays } : {}),
        });
        res.writeHead(200, pageHeaders(csp));
        res.end(html);
      }),
    );
    const script = new StaticAsset({
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'no-cache',
      load: options.bundle ?? loadTabBundle,
    });
    const style = StaticAsset.file(join(TAB_DIR, 'tab.css'), 'text/css; charset=utf-8');
    server.get(
      '/tab/tab.js',
      handle((req, res) => script.send(req, res)),
    );
    server.get(
      '/tab/tab.css',
      handle((req, res) => style.send(req, res)),
    );
    // Bundle now, so the first person to open the tab does not wait; the page works without it.
    script.warm().catch((error: unknown) => {
      app.logger.error({ errorType: error instanceof Error ? error.name : 'unknown' }, 'tab.js');
    });
  };
}

export const installTeamsTabRoutes: RouteInstaller = teamsTabRoutes();
