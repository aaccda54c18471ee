import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'restify';
import type { AppParts, RouteInstaller } from '../app.ts';
import { handle } from '../directline/http.ts';
import { StaticAsset } from '../web/assets.ts';
import { WorkspaceGuard } from './guard.ts';
import { installInsight } from './insight-routes.ts';
import { DEFAULT_LOCKOUT, SignInLockout, type LockoutPolicy } from './lockout.ts';
import { installRequests } from './requests-routes.ts';
import { SessionStore } from './sessions.ts';
import { installSignIn } from './sign-in-routes.ts';
import { installTools } from './tools-routes.ts';

// The bureau's workspace under /beheer: sign-in, requests, insight, "Probeer een vraag" and
// the knowledge status, as pages rendered by the bot itself. It exists only when a sign-in is
// configured (ADMIN_TOKEN, or Entra ID with a staff list); otherwise /beheer is a 404.

const ASSET_DIR = fileURLToPath(new URL('../../../deploy/beheer/', import.meta.url));

export interface WorkspaceOptions {
  lockout?: LockoutPolicy;
  /** Requests a minute per address. */
  perMinute?: number;
  now?: () => Date;
}

export function workspaceRoutes(options: WorkspaceOptions = {}): RouteInstaller {
  return (server: Server, app: AppParts) => {
    const config = app.config.workspace;
    if (config === undefined) return;
    const now = options.now ?? (() => new Date());
    const sessions = new SessionStore(app.documents, now);
    const lockout = new SignInLockout(app.documents, options.lockout ?? DEFAULT_LOCKOUT, () =>
      now().getTime(),
    );
    const guard = new WorkspaceGuard({
      config,
      sessions,
      logger: app.logger,
      clientAddress: app.clientAddress,
      perMinute: options.perMinute,
    });
    installSignIn(server, { config, guard, sessions, lockout });
    installRequests(server, { guard, records: app.records, alerts: app.alerts, now });
    installInsight(server, { guard, insight: app.insight, knowledge: app.knowledge, now });
    installTools(server, { guard, knowledge: app.knowledge });
    const css = StaticAsset.file(join(ASSET_DIR, 'beheer.css'), 'text/css; charset=utf-8');
    const js = StaticAsset.file(join(ASSET_DIR, 'beheer.js'), 'text/javascript; charset=utf-8');
    server.get(
      '/beheer/beheer.css',
      handle((req, res) => css.send(req, res)),
    );
    server.get(
      '/beheer/beheer.js',
      handle((req, res) => js.send(req, res)),
    );
    app.logger.info({ signIn: config.signIn }, 'werkplek /beheer aan');
  };
}

export const installWorkspaceRoutes: RouteInstaller = workspaceRoutes();
