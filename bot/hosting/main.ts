// Entry point: read the configuration, start the app, and stop cleanly on SIGTERM/SIGINT.
import { startApp, type RouteInstaller } from './app.ts';
import { ConfigError, loadConfig, type BotConfig } from '../services/config.ts';
import { createLogger, describeError, routeConsoleToLog } from '../services/logger.ts';
import { installAdminRoutes } from './admin/routes.ts';
import { installWorkspaceRoutes } from './beheer/routes.ts';
import { installDirectLineRoutes } from './directline/routes.ts';
import { installTeamsTabRoutes } from './teams/tab-routes.ts';
import { createPrivately } from '../services/storage/private-files.ts';
import { installWebRoutes } from './web/routes.ts';

const routes: RouteInstaller[] = [
  installDirectLineRoutes,
  installWebRoutes,
  installTeamsTabRoutes,
  installAdminRoutes,
  installWorkspaceRoutes,
];

function configOrExit(): BotConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nZie .env.example voor alle instellingen.\n`);
      process.exit(1);
    }
    throw error;
  }
}

// Before anything is written: DATA_DIR's files are for this account only (0600, folders 0700).
createPrivately();
const config = configOrExit();
const logger = createLogger(config.logLevel);
routeConsoleToLog(logger);
const app = await startApp(config, logger, routes).catch((error: unknown) => {
  logger.fatal(describeError(error), 'start failed');
  process.stderr.write(`De bot kon niet starten: ${error instanceof Error ? error.message : ''}\n`);
  process.exit(1);
});
logger.info(
  { url: app.url, localMode: config.auth.MicrosoftAppId === '', entries: app.knowledge.entryCount },
  'bot listening',
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  try {
    await app.close();
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  } catch (error) {
    logger.error(describeError(error), 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
