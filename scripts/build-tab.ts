// npm run build:tab — writes the Teams tab script (teams-js bundled by esbuild) to
// deploy/web/dist/teams-tab.js, for installations without development dependencies.
// The server bundles in memory by itself when esbuild is installed; this is only needed when
// deploying with `npm ci --omit=dev`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleWithEsbuild, PREBUILT_TAB } from '../bot/hosting/teams/tab-bundle.ts';

const bundle = await bundleWithEsbuild();
mkdirSync(dirname(PREBUILT_TAB), { recursive: true });
writeFileSync(PREBUILT_TAB, bundle);
console.log(`Tab-script geschreven: ${PREBUILT_TAB} (${bundle.length} bytes)`);
