import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { Reporter } from '../../../../bot/services/knowledge/check/diagnostics.ts';
import { parseExamplesFile } from '../../../../bot/services/knowledge/load/examples-file.ts';
import { migrateKnowledge } from '../../../../bot/services/knowledge/load/migrate.ts';
import { KnowledgeService } from '../../../../bot/services/knowledge/service.ts';
import { copyFixture, FIXTURE, memoryLogger, removeDir, REPO } from './helpers.ts';

const run = promisify(execFile);

/** Every file of a knowledge folder (without tests/), path → text. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const item of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!item.isFile()) continue;
    const path = join(item.parentPath, item.name).slice(dir.length + 1);
    if (!path.startsWith('tests')) files.set(path, await readFile(join(dir, path), 'utf8'));
  }
  return files;
}

/** YAML list lines as format 1 had them (quoted where YAML needs it). */
function yamlField(key: string, items: string[]): string[] {
  return stringify({ [key]: items }, { lineWidth: 0 })
    .trimEnd()
    .split('\n');
}

/** Turns the fixture back into format 1: the examples go back into their owner's head. */
async function toFormatOne(dir: string): Promise<void> {
  const owners: Record<string, string> = { course: 'course.yaml', counsellor: 'contacts.yaml' };
  for (const name of await readdir(join(dir, 'voorbeelden'))) {
    const target = name.replace(/\.yaml$/, '');
    const path = join(dir, 'voorbeelden', name);
    const examples = parseExamplesFile(path, await readFile(path, 'utf8'), new Reporter());
    assert.ok(examples);
    const moved = [
      ...yamlField(
        'questions',
        examples.questions.map((q) => q.text),
      ),
      ...yamlField('keywords', examples.keywords),
    ];
    const owner = join(dir, owners[target] ?? `entries/${target}.md`);
    const lines = (await readFile(owner, 'utf8')).split('\n').filter((l) => l !== 'format: 2');
    const at = lines.findIndex((l) => /^(followups|updated):/.test(l));
    lines.splice(at, 0, ...moved);
    await writeFile(owner, lines.join('\n'));
    await rm(path);
  }
  await rm(join(dir, 'voorbeelden'), { recursive: true });
}

describe('npm run kb:migrate (format 1 → 2)', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(async () => {
    dir = await copyFixture();
  });
  afterEach(() => removeDir(dir));

  it('gives back exactly the files of format 2 and the same knowledge', async () => {
    const original = await KnowledgeService.open({ dir: FIXTURE, logger: memoryLogger() });
    await toFormatOne(dir);
    await assert.rejects(KnowledgeService.open({ dir, logger: memoryLogger() }), /oude formaat/);

    const report = await migrateKnowledge(dir);
    assert.deepEqual(report.problems, []);
    assert.equal(report.migrated.length, 6);
    assert.deepEqual(await filesOf(dir), await filesOf(FIXTURE));
    const migrated = await KnowledgeService.open({ dir, logger: memoryLogger() });
    assert.equal(migrated.status().hash, original.status().hash);

    const again = await migrateKnowledge(dir);
    assert.deepEqual(again.migrated, []);
    assert.equal(again.unchanged.length, 6);
  });

  it('keeps comments, quotes nothing and moves notes inside the list with the questions', async () => {
    await rm(join(dir, 'voorbeelden', 'geheimhouding.yaml'));
    await writeFile(
      join(dir, 'entries', 'geheimhouding.md'),
      [
        '---',
        'id: geheimhouding',
        'title: Blijft mijn verhaal vertrouwelijk?',
        '# Controleren vóór livegang: de uitzonderingen.',
        'questions:',
        '  - "Vraag: blijft dit geheim?"',
        '  # anoniem',
        "  - 'Kan ik anoniem een vraag stellen?'",
        '  - Moet ik mijn naam noemen?',
        '  - Komt mijn verhaal bij HR terecht?',
        '  - Heeft een vertrouwenspersoon geheimhoudingsplicht?',
        '  - Vertelt de vertrouwenspersoon het door aan mijn baas?',
        '  - Wanneer mag de vertrouwenspersoon de geheimhouding doorbreken?',
        '  - Schrijft de vertrouwenspersoon mijn gegevens op?',
        'keywords: [geheim, anoniem]',
        'followups: [counsellor]',
        'updated: 2026-11-20',
        '---',
        'Wat u vertelt blijft vertrouwelijk.',
        '',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['bot/services/knowledge/cli/migrate.ts'], {
      cwd: REPO,
      env: { ...process.env, KNOWLEDGE_DIR: dir },
    });
    assert.match(
      stdout,
      /entries\/geheimhouding\.md: 8 voorbeeldvragen en 2 trefwoorden naar voorbeelden\/geheimhouding\.yaml/,
    );
    assert.match(stdout, /De kennisbank is in orde/);
    assert.equal(
      await readFile(join(dir, 'entries', 'geheimhouding.md'), 'utf8'),
      [
        '---',
        'id: geheimhouding',
        'title: Blijft mijn verhaal vertrouwelijk?',
        '# Controleren vóór livegang: de uitzonderingen.',
        'followups: [counsellor]',
        'updated: 2026-11-20',
        'format: 2',
        '---',
        'Wat u vertelt blijft vertrouwelijk.',
        '',
      ].join('\n'),
    );
    const examples = await readFile(join(dir, 'voorbeelden', 'geheimhouding.yaml'), 'utf8');
    assert.match(
      examples,
      /# anoniem\nformat: 2\nquestions: \|\n {2}Vraag: blijft dit geheim\?\n {2}Kan ik anoniem/,
    );
    assert.match(examples, /keywords: \|\n {2}geheim, anoniem\n$/);
  });
});
