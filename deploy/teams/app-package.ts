import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';
import { decodePng, readPngHeader } from './png.ts';

// Builds the Teams app package (appPackage.zip: manifest.json, color.png, outline.png at the
// root) from the template in this folder: fills in the app id and the bot's domain, and
// refuses to write a package Teams would reject, with the reason in Dutch.

export const TEAMS_DIR = fileURLToPath(new URL('./', import.meta.url));
export const PLACEHOLDER = { appId: '{{MICROSOFT_APP_ID}}', domain: '{{BOT_DOMAIN}}' } as const;
export const ICONS = {
  color: { file: 'color.png', size: 192 },
  outline: { file: 'outline.png', size: 32 },
};

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const HOST =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export class PackageError extends Error {
  override readonly name = 'PackageError';
}

export interface PackageSettings {
  appId: string;
  domain: string;
}

/** Reads MicrosoftAppId and BOT_DOMAIN (the names the bot itself uses) and checks them. */
export function settingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): PackageSettings {
  const appId = env.MicrosoftAppId?.trim() ?? '';
  const domain = env.BOT_DOMAIN?.trim() ?? '';
  if (appId === '') {
    throw new PackageError(
      'MicrosoftAppId ontbreekt. Zet de app-id van de Azure Bot (een GUID), bijvoorbeeld:\n' +
        '  MicrosoftAppId=00000000-0000-0000-0000-000000000000 BOT_DOMAIN=bot.voorbeeld.nl npm run teams:package',
    );
  }
  if (!GUID.test(appId)) {
    throw new PackageError(
      `MicrosoftAppId "${appId}" is geen GUID (zoals 00000000-0000-0000-0000-000000000000). ` +
        'Kopieer de "Microsoft App ID" uit de Azure Bot (Configuratie).',
    );
  }
  if (domain === '') {
    throw new PackageError(
      'BOT_DOMAIN ontbreekt. Zet de publieke hostnaam van de bot, zonder https:// en zonder pad, ' +
        'bijvoorbeeld BOT_DOMAIN=bot.voorbeeld.nl',
    );
  }
  if (!HOST.test(domain)) {
    throw new PackageError(
      `BOT_DOMAIN "${domain}" is geen hostnaam. Gebruik alleen de naam, zoals bot.voorbeeld.nl: ` +
        'zonder https://, poort of pad.',
    );
  }
  return { appId: appId.toLowerCase(), domain: domain.toLowerCase() };
}

/** Replaces the placeholders in every string of the template. */
export function fillTemplate(template: unknown, settings: PackageSettings): unknown {
  if (typeof template === 'string') {
    return template
      .split(PLACEHOLDER.appId)
      .join(settings.appId)
      .split(PLACEHOLDER.domain)
      .join(settings.domain);
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, settings));
  if (typeof template === 'object' && template !== null) {
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, fillTemplate(value, settings)]),
    );
  }
  return template;
}

/** The official schema for the manifest's version, as shipped in @microsoft/app-manifest. */
export function schemaPath(manifestVersion: string): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(
    root,
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
}

/** Schema errors as readable lines; empty when the manifest is valid. */
export function validateManifest(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion ontbreekt'];
  const schema = JSON.parse(readFileSync(schemaPath(version), 'utf8')) as object;
  // The Teams schemas are JSON Schema draft-04, hence Ajv's draft-04 build (as Microsoft's
  // own validator in @microsoft/app-manifest does).
  const ajv = new Ajv04.default({ allErrors: true, strictTypes: false });
  addFormats.default(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

/** Size of both icons; the outline icon may only hold white and transparency. */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  for (const [name, png] of [
    ['color', color],
    ['outline', outline],
  ] as const) {
    const { width, height } = readPngHeader(png);
    const size = ICONS[name].size;
    if (width !== size || height !== size) {
      problems.push(`${ICONS[name].file} is ${width}×${height}, moet ${size}×${size} zijn`);
    }
  }
  const { pixels } = decodePng(outline);
  let transparent = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3] ?? 0;
    const white = pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255;
    if (alpha === 0) transparent += 1;
    else if (!white) {
      problems.push(
        'outline.png mag alleen wit (#FFFFFF) op een transparante achtergrond bevatten',
      );
      break;
    }
  }
  if (transparent === 0) problems.push('outline.png heeft geen transparante achtergrond');
  return problems;
}

export interface AppPackage {
  zip: Uint8Array;
  manifest: unknown;
}

/** Fills, validates and zips; throws PackageError listing every problem found. */
export function buildAppPackage(settings: PackageSettings, dir = TEAMS_DIR): AppPackage {
  const template = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as unknown;
  const manifest = fillTemplate(template, settings);
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const color = readFileSync(join(dir, ICONS.color.file));
  const outline = readFileSync(join(dir, ICONS.outline.file));
  const problems = [...validateManifest(manifest), ...checkIcons(color, outline)];
  if (text.includes('{{')) problems.push('er staat nog een {{…}}-plaatshouder in manifest.json');
  if (problems.length > 0) {
    throw new PackageError(`Het Teams-pakket klopt niet:\n- ${problems.join('\n- ')}`);
  }
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(text),
    [ICONS.color.file]: color,
    [ICONS.outline.file]: outline,
  });
  return { zip, manifest };
}
