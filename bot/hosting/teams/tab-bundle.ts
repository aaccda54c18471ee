import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// The tab's script imports @microsoft/teams-js from node_modules; esbuild bundles it into one
// file in memory when the server starts (about a tenth of a second). esbuild is a development
// dependency: an installation without it (npm ci --omit=dev) serves the file that
// `npm run build:tab` (scripts/build-tab.ts) wrote beforehand instead.

export const TAB_ENTRY = fileURLToPath(
  new URL('../../../deploy/teams/tab/tab.js', import.meta.url),
);
export const PREBUILT_TAB = fileURLToPath(
  new URL('../../../deploy/web/dist/teams-tab.js', import.meta.url),
);

export async function bundleWithEsbuild(): Promise<Buffer> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [TAB_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild gaf geen uitvoer');
  return Buffer.from(output.contents);
}

function isMissingModule(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_MODULE_NOT_FOUND';
}

/** The bundle from esbuild, or the prebuilt file where esbuild is not installed. */
export async function loadTabBundle(): Promise<Buffer> {
  try {
    return await bundleWithEsbuild();
  } catch (error) {
    if (!isMissingModule(error)) throw error;
    return readFile(PREBUILT_TAB);
  }
}
