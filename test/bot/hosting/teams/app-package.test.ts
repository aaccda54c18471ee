import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import {
  buildAppPackage,
  fillTemplate,
  TEAMS_DIR,
  validateManifest,
} from '../../../../deploy/teams/app-package.ts';
import { decodePng, readPngHeader } from '../../../../deploy/teams/png.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

const run = promisify(execFile);
const APP_ID = '0f4b7a2c-5d8e-4f1a-9b3c-6d7e8f9a0b1c';
const DOMAIN = 'bot.voorbeeld.nl';
const SCRIPT = new URL('../../../../scripts/teams-package.ts', import.meta.url).pathname;

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string };
  bots: Array<{
    botId: string;
    scopes: string[];
    commandLists: Array<{ commands: Array<{ title: string }> }>;
  }>;
  staticTabs: Array<{ entityId: string; name?: string; contentUrl?: string; scopes: string[] }>;
  validDomains: string[];
}

async function template(): Promise<unknown> {
  return JSON.parse(await readFile(`${TEAMS_DIR}manifest.json`, 'utf8')) as unknown;
}

async function runPackager(env: Record<string, string>, out: string) {
  const clean = { PATH: process.env.PATH ?? '', ...env };
  return run(process.execPath, [SCRIPT, '--out', out], { env: clean }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('Teams app package', () => {
  it('has a manifest that is valid against the official v1.22+ schema once filled in', async () => {
    const manifest = fillTemplate(await template(), { appId: APP_ID, domain: DOMAIN }) as Manifest;
    assert.deepEqual(validateManifest(manifest), []);
    assert.match(manifest.$schema, /json-schemas\/teams\/v1\.2\d\/MicrosoftTeams\.schema\.json$/);
    assert.ok(Number(manifest.manifestVersion.split('.')[1]) >= 22);
    const bot = manifest.bots[0];
    assert.equal(bot?.botId, APP_ID);
    assert.deepEqual([...(bot?.scopes ?? [])].sort(), ['groupChat', 'personal', 'team']);
    const commands = bot?.commandLists.flatMap((list) => list.commands.map((c) => c.title));
    assert.deepEqual(commands, ['vraag stellen', 'cursus', 'contact', 'privacy']);
    const info = manifest.staticTabs.find((tab) => tab.name === 'Info');
    assert.equal(info?.contentUrl, `https://${DOMAIN}/tab`);
    assert.deepEqual(info?.scopes, ['personal']);
    assert.deepEqual(manifest.validDomains, [DOMAIN]);
  });

  it('the schema check catches a real mistake', async () => {
    const manifest = fillTemplate(await template(), { appId: APP_ID, domain: DOMAIN }) as Manifest;
    manifest.name.short = 'Een naam die veel te lang is voor Teams';
    const errors = validateManifest(manifest);
    assert.ok(
      errors.some((e) => e.startsWith('/name/short')),
      errors.join('\n'),
    );
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', async () => {
    const color = await readFile(`${TEAMS_DIR}color.png`);
    const outline = await readFile(`${TEAMS_DIR}outline.png`);
    assert.deepEqual([readPngHeader(color).width, readPngHeader(color).height], [192, 192]);
    assert.deepEqual([readPngHeader(outline).width, readPngHeader(outline).height], [32, 32]);

    const { pixels } = decodePng(outline);
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
      if (a === 0) transparent += 1;
      else {
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is not white`);
        white += 1;
      }
    }
    assert.equal(pixels[3], 0, 'the corner is transparent');
    assert.ok(transparent > 512 && white > 100, `${white} white, ${transparent} transparent`);
  });

  it('npm run teams:package writes a zip with the manifest and both icons', async () => {
    const out = await makeTempDir();
    try {
      const result = await runPackager({ MicrosoftAppId: APP_ID, BOT_DOMAIN: DOMAIN }, out);
      assert.equal(result.code, 0, result.stderr);
      const files = unzipSync(await readFile(`${out}/appPackage.zip`));
      assert.deepEqual(Object.keys(files).sort(), ['color.png', 'manifest.json', 'outline.png']);
      const manifest = new TextDecoder().decode(files['manifest.json']);
      assert.ok(!manifest.includes('{{'), 'no placeholder left');
      assert.equal((JSON.parse(manifest) as Manifest).id, APP_ID);
      assert.deepEqual(files['color.png'], new Uint8Array(await readFile(`${TEAMS_DIR}color.png`)));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('explains in Dutch what is missing, and writes nothing', async () => {
    const out = await makeTempDir();
    try {
      const noId = await runPackager({ BOT_DOMAIN: DOMAIN }, out);
      assert.equal(noId.code, 1);
      assert.match(noId.stderr, /MicrosoftAppId ontbreekt/);
      const noDomain = await runPackager({ MicrosoftAppId: APP_ID }, out);
      assert.equal(noDomain.code, 1);
      assert.match(noDomain.stderr, /BOT_DOMAIN ontbreekt/);
      const url = await runPackager(
        { MicrosoftAppId: APP_ID, BOT_DOMAIN: `https://${DOMAIN}/` },
        out,
      );
      assert.match(url.stderr, /zonder https:\/\//);
      await assert.rejects(readFile(`${out}/appPackage.zip`));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('buildAppPackage refuses an icon of the wrong size', async () => {
    const dir = await makeTempDir();
    try {
      const { copyFile } = await import('node:fs/promises');
      await copyFile(`${TEAMS_DIR}manifest.json`, `${dir}/manifest.json`);
      await copyFile(`${TEAMS_DIR}outline.png`, `${dir}/color.png`); // 32×32 where 192 belongs
      await copyFile(`${TEAMS_DIR}outline.png`, `${dir}/outline.png`);
      assert.throws(
        () => buildAppPackage({ appId: APP_ID, domain: DOMAIN }, dir),
        /color\.png is 32×32, moet 192×192 zijn/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
