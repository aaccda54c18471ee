// The code's layers, read from its imports: hosting (bot/hosting/) on top, the conversation
// (dialogs/) below it, the services (bot/services/) at the bottom. A file may import its own
// layer and the ones below, never one above, and no files may import each other in a circle.
// Only bot/hosting/bot-framework.ts reaches into botbuilder's internals, so a move to another
// framework has one place to start.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { withTempDir } from '../helpers/tmp.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Top first; scripts/ are commands that may use every layer. */
const LAYERS = [
  { name: 'scripts', path: '^scripts/' },
  { name: 'hosting', path: '^bot/hosting/' },
  { name: 'conversation', path: '^dialogs/' },
  { name: 'services', path: '^bot/services/' },
];

const BOX = '^bot/hosting/bot-framework\\.ts$';
/** botframework-connector, and botbuilder's files other than its public entry point. */
const INTERNALS = 'node_modules/(botframework-connector/|botbuilder/lib/(?!index\\.js$))';

function rules(): IForbiddenRuleType[] {
  const upward = LAYERS.slice(1).map((layer, i) => ({
    name: `${layer.name}-imports-upward`,
    severity: 'error' as const,
    from: { path: layer.path },
    to: { path: LAYERS.slice(0, i + 1).map((above) => above.path) },
  }));
  return [
    ...upward,
    { name: 'circle', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'botbuilder-internals-outside-the-box',
      severity: 'error',
      from: { path: '^(bot|dialogs|scripts)/', pathNot: BOX },
      to: { path: INTERNALS },
    },
  ];
}

/** Each broken rule as "rule: from -> to" (a circle with its files). */
export async function layerViolations(baseDir: string): Promise<string[]> {
  const roots = LAYERS.map((layer) => layer.path.slice(1, -1)).filter((dir) =>
    existsSync(join(baseDir, dir)),
  );
  const { output } = await cruise(
    roots,
    {
      baseDir,
      ruleSet: { forbidden: rules() },
      validate: true,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '\\.d\\.ts$' },
    },
    { extensions: ['.ts', '.js', '.json'] },
  );
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => {
    const cycle = v.cycle ? ` (${v.cycle.map((c) => c.name).join(' -> ')})` : '';
    return `${v.rule.name}: ${v.from} -> ${v.to}${cycle}`;
  });
}

/** Source files under bot/ that sit in no layer folder. */
async function filesOutsideLayers(baseDir: string): Promise<string[]> {
  const bot = join(baseDir, 'bot');
  const files = await readdir(bot, { recursive: true, withFileTypes: true });
  return files
    .filter((f) => f.isFile() && /\.(ts|js)$/.test(f.name))
    .map((f) => relative(baseDir, join(f.parentPath, f.name)))
    .filter((path) => !/^bot\/(hosting|services)\//.test(path));
}

/** A small tree that breaks every rule once. */
const BAD_TREE: Record<string, string> = {
  'bot/services/store.ts':
    "import { reply } from '../../dialogs/reply.ts';\nexport const s = reply;\n",
  'dialogs/reply.ts':
    "import type { Server } from '../bot/hosting/server.ts';\nexport const reply = 1;\nexport type R = Server;\n",
  'bot/hosting/server.ts':
    "import { b } from './b.ts';\nexport type Server = typeof b;\nexport const a = 1;\n",
  'bot/hosting/b.ts': "import { a } from './server.ts';\nexport const b = a;\n",
  'dialogs/claims.ts':
    "import { ClaimsIdentity } from 'botframework-connector';\nexport const c = ClaimsIdentity;\n",
  'dialogs/check.ts':
    "import { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';\nexport const v = validateAndFixActivity;\n",
  'node_modules/botbuilder/lib/activityValidator.js':
    'export function validateAndFixActivity() {}\n',
  'node_modules/botbuilder/package.json': '{"name":"botbuilder","main":"lib/index.js"}\n',
  'node_modules/botframework-connector/index.js': 'export class ClaimsIdentity {}\n',
  'node_modules/botframework-connector/package.json':
    '{"name":"botframework-connector","main":"index.js"}\n',
  'bot/loose.ts': 'export const loose = 1;\n',
};

describe('import graph: one direction, no circle', () => {
  it('has no import from a lower layer up, no circle, botbuilder internals in one file', async () => {
    assert.deepEqual(await layerViolations(ROOT), []);
  });

  it('puts every file under bot/ in a layer folder (hosting or services)', async () => {
    assert.deepEqual(await filesOutsideLayers(ROOT), []);
  });

  it('fails on an upward import, a circle and botbuilder internals elsewhere', async () => {
    await withTempDir(async (dir) => {
      for (const [path, text] of Object.entries(BAD_TREE)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const found = await layerViolations(dir);
      const has = (start: string): boolean => found.some((v) => v.startsWith(start));
      const all = found.join('\n');
      assert.ok(has('services-imports-upward: bot/services/store.ts -> dialogs/reply.ts'), all);
      assert.ok(has('conversation-imports-upward: dialogs/reply.ts -> bot/hosting/server.ts'), all);
      assert.ok(has('circle: bot/hosting/'), all);
      assert.ok(has('botbuilder-internals-outside-the-box: dialogs/claims.ts'), all);
      assert.ok(has('botbuilder-internals-outside-the-box: dialogs/check.ts'), all);
      assert.deepEqual(await filesOutsideLayers(dir), ['bot/loose.ts']);
    });
  });
});
