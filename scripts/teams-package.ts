// npm run teams:package — writes deploy/teams/build/appPackage.zip for Microsoft Teams.
// Needs MicrosoftAppId (the Azure Bot's app id) and BOT_DOMAIN (its public host name).
// Options: --out <folder> to write somewhere else.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildAppPackage,
  PackageError,
  settingsFromEnv,
  TEAMS_DIR,
} from '../deploy/teams/app-package.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(values.out ?? join(TEAMS_DIR, 'build'));

try {
  const settings = settingsFromEnv(process.env);
  const { zip } = buildAppPackage(settings);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'appPackage.zip');
  writeFileSync(file, zip);
  const nearby = relative(process.cwd(), file);
  const shown = nearby.startsWith('..') ? file : nearby;
  console.log(`Teams-pakket geschreven: ${shown} (${zip.length} bytes)`);
  console.log(`App-id ${settings.appId}, domein ${settings.domain}.`);
  console.log(
    'Uploaden: Teams > Apps > Apps beheren > Een app uploaden (of via het Teams-beheercentrum).',
  );
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
