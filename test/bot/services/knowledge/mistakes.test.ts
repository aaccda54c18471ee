import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkKnowledgeDir } from '../../../../bot/services/knowledge/check/check-all.ts';
import {
  errorCount,
  formatDiagnostic,
  type Diagnostic,
} from '../../../../bot/services/knowledge/check/diagnostics.ts';
import { KnowledgeService } from '../../../../bot/services/knowledge/service.ts';
import { copyFixture, edit, lineOf, memoryLogger, removeDir, runCheck } from './helpers.ts';

// The mistakes editors make, each answered with one message at its cause: a tab,
// an unclosed quote, a deleted entry named in many places, ": " in a question, a field name
// in Dutch, an old-format file. Never a library's own error code.

/** A test file that names `id` `count` times, as evaluation files do. */
function manyReferences(id: string, count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `- question: vraag nummer ${i + 1} over dit onderwerp\n  expect: ${id}\n`,
  ).join('');
}

const errors = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'fout');

function report(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => formatDiagnostic(d)).join('\n\n');
}

describe('one message per mistake, the cause first', function () {
  let dir: string;
  beforeEach(async () => {
    dir = await copyFixture();
    // Many places name naaktbeelden, as the real evaluation files name every entry.
    await writeFile(join(dir, 'tests', 'veel.yaml'), manyReferences('naaktbeelden', 40));
  });
  afterEach(() => removeDir(dir));

  it('a tab before a field of an entry: one error on the tab line, references folded into it', async () => {
    await edit(dir, 'entries/naaktbeelden.md', 'followups:', '\tfollowups:');
    const { diagnostics } = await checkKnowledgeDir(dir);
    const found = errors(diagnostics);
    assert.equal(found.length, 1, report(diagnostics));
    const [tab] = found;
    assert.ok(tab);
    assert.match(tab.file, /entries[/\\]naaktbeelden\.md$/);
    assert.equal(tab.line, await lineOf(dir, 'entries/naaktbeelden.md', '\tfollowups:'));
    assert.equal(tab.column, 1);
    assert.match(tab.message, /tab/);
    // The 40 questions of veel.yaml and the entry's own example file.
    assert.deepEqual(tab.notes, [
      'Daardoor kon het onderwerp "naaktbeelden" niet gelezen worden; 41 verwijzingen ernaar (in 2 bestanden) zijn niet gecontroleerd.',
    ]);
  });

  it('a tab before an example question: one error on that line, the entry itself still known', async () => {
    await edit(
      dir,
      'voorbeelden/naaktbeelden.yaml',
      '  Er gaat een deepfake',
      '\tEr gaat een deepfake',
    );
    const { diagnostics } = await checkKnowledgeDir(dir);
    assert.equal(diagnostics.length, 1, report(diagnostics));
    assert.equal(diagnostics[0]?.line, await lineOf(dir, 'voorbeelden/naaktbeelden.yaml', '\tEr'));
    assert.match(diagnostics[0]?.message ?? '', /tab/);
  });

  it('an unclosed quote is reported on the line where it opens', async () => {
    await edit(
      dir,
      'entries/geheimhouding.md',
      'title: Blijft mijn verhaal vertrouwelijk?',
      'title: "Blijft mijn verhaal vertrouwelijk?',
    );
    const { diagnostics } = await checkKnowledgeDir(dir);
    assert.equal(errors(diagnostics).length, 1, report(diagnostics));
    const d = diagnostics[0];
    assert.ok(d);
    assert.equal(d.line, await lineOf(dir, 'entries/geheimhouding.md', 'title:'));
    assert.equal(d.column, 'title: '.length + 1);
    assert.match(d.message, /aanhalingsteken \(".*wordt niet gesloten/);
  });

  it('an unclosed quote in a YAML list, and an unclosed [ ], at their opening line', async () => {
    await writeFile(
      join(dir, 'out-of-scope.yaml'),
      'questions:\n  - Hoe laat is het?\n  - "Waar is de kantine?\n  - Wie regelt de parkeerplaatsen?\n  - Hoe vraag ik verlof aan?\n',
    );
    await edit(
      dir,
      'entries/digitaal-pesten.md',
      'followups: [bewijs-vastleggen,',
      'followups: [bewijs-vastleggen',
    );
    await edit(dir, 'entries/digitaal-pesten.md', /(followups: .*)\]/, '$1');
    const { diagnostics } = await checkKnowledgeDir(dir);
    const quote = diagnostics.find((d) => d.file.endsWith('out-of-scope.yaml'));
    assert.equal(quote?.line, 3, report(diagnostics));
    assert.equal(quote.column, 5);
    const bracket = diagnostics.find((d) => d.file.endsWith('digitaal-pesten.md'));
    assert.equal(bracket?.line, await lineOf(dir, 'entries/digitaal-pesten.md', 'followups:'));
    assert.match(bracket.message, /\[ begint, wordt niet gesloten/);
    assert.equal(errors(diagnostics).length, 2, report(diagnostics));
  });

  it('a deleted entry named in many places: one folded line at the first place', async () => {
    await edit(dir, 'entries/digitaal-pesten.md', 'followups: [', 'followups: [naaktbeelden, ');
    await rm(join(dir, 'entries', 'naaktbeelden.md'));
    await rm(join(dir, 'voorbeelden', 'naaktbeelden.yaml'));
    const { diagnostics } = await checkKnowledgeDir(dir);
    assert.equal(diagnostics.length, 1, report(diagnostics));
    const d = diagnostics[0];
    assert.ok(d);
    assert.equal(d.message, '"naaktbeelden" bestaat niet, maar wordt 41 keer genoemd');
    assert.match(d.file, /entries[/\\]digitaal-pesten\.md$/);
    assert.equal(d.line, await lineOf(dir, 'entries/digitaal-pesten.md', 'followups:'));
    assert.match(d.hint, /entries\/naaktbeelden\.md terug/);
    assert.match(
      d.notes?.[0] ?? '',
      /^Genoemd in: .*entries\/digitaal-pesten\.md:\d+, .*tests\/veel\.yaml \(40×\)\.$/,
    );
  });

  it('a single unknown follow-up keeps its own message and the list of ids', async () => {
    await edit(dir, 'entries/naaktbeelden.md', '[bewijs-vastleggen,', '[bewijs-vastlegen,');
    const { diagnostics } = await checkKnowledgeDir(dir);
    assert.equal(diagnostics.length, 1, report(diagnostics));
    assert.equal(diagnostics[0]?.message, 'het vervolgonderwerp "bewijs-vastlegen" bestaat niet');
  });

  it('": " in a question: fine on a line of its own, the quoting hint in a YAML list', async () => {
    await edit(
      dir,
      'voorbeelden/naaktbeelden.yaml',
      'questions: |\n',
      'questions: |\n  Vraag: mag hij "zomaar" mijn foto\'s doorsturen? # echt\n',
    );
    assert.deepEqual((await checkKnowledgeDir(dir)).diagnostics, []);
    const service = await KnowledgeService.open({ dir, logger: memoryLogger() });
    assert.ok(
      service.base.entries
        .get('naaktbeelden')
        ?.questions.includes('Vraag: mag hij "zomaar" mijn foto\'s doorsturen? # echt'),
    );

    // out-of-scope.yaml is a YAML list: there ": " makes a field name of the question.
    await writeFile(
      join(dir, 'out-of-scope.yaml'),
      'questions:\n  - Vraag: mag dit?\n  - Hoe laat is het?\n  - Hoe laat is het?\n',
    );
    const { diagnostics } = await checkKnowledgeDir(dir);
    const colon = diagnostics.find((d) => d.severity === 'fout');
    assert.equal(colon?.line, 2, report(diagnostics));
    assert.match(colon.hint, /": ".*aanhalingstekens: "Vraag: mag dit\?"/);
    // The item that is not text does not shift the places of the items after it.
    const twice = diagnostics.find((d) => d.message.includes('twee keer'));
    assert.equal(twice?.line, 4, report(diagnostics));
  });

  it('a question without its two spaces is named on its line, not as a field or a YAML error', async () => {
    await edit(
      dir,
      'voorbeelden/naaktbeelden.yaml',
      '  Er gaat een deepfake',
      'Er gaat: een deepfake',
    );
    const { diagnostics } = await checkKnowledgeDir(dir);
    assert.equal(diagnostics.length, 1, report(diagnostics));
    assert.equal(
      diagnostics[0]?.line,
      await lineOf(dir, 'voorbeelden/naaktbeelden.yaml', 'Er gaat:'),
    );
    assert.match(diagnostics[0]?.message ?? '', /springt niet in/);
  });

  it('questions without | or as a list, a Dutch field name, an old-format entry: one error each', async () => {
    const cases: [string, string | RegExp, string, RegExp][] = [
      ['voorbeelden/naaktbeelden.yaml', 'questions: |', 'questions:', /ontbreekt het teken \|/],
      ['voorbeelden/naaktbeelden.yaml', 'questions: |', 'vragen: |', /onbekend veld "vragen"/],
      ['entries/naaktbeelden.md', 'format: 2\n', 'questions: [a, b]\n', /het oude formaat/],
    ];
    for (const [file, from, to, expected] of cases) {
      const before = await readFile(join(dir, file), 'utf8');
      await edit(dir, file, from, to);
      const { diagnostics } = await checkKnowledgeDir(dir);
      assert.equal(errors(diagnostics).length, 1, `${to}\n${report(diagnostics)}`);
      assert.match(errors(diagnostics)[0]?.message ?? '', expected);
      await writeFile(join(dir, file), before);
    }
  });

  it('never shows a code or English text of the YAML library', async () => {
    const broken = [
      `id: geheimhouding\n${'x'.repeat(1100)}: lang\n`,
      'id: geheimhouding\ntitle: [a, b\nfollowups: {x\n',
      'id: geheimhouding\ntitle: @a\n',
      'id: geheimhouding\n  title: verkeerd ingesprongen\nupdated: 2026-11-20\n',
      'id: geheimhouding\ntitle: a\ntitle: b\n',
      'id: geheimhouding\ntitle: "a \\q b"\n',
      'id: geheimhouding\n- lijst\n',
    ];
    for (const head of broken) {
      await writeFile(join(dir, 'entries', 'geheimhouding.md'), `---\n${head}---\nAntwoord.\n`);
      const { diagnostics } = await checkKnowledgeDir(dir);
      assert.ok(errorCount(diagnostics) > 0, head);
      for (const d of diagnostics) {
        assert.doesNotMatch(`${d.message} ${d.hint}`, /\b[A-Z]{2,}_[A-Z_0-9]+\b/, head);
        assert.doesNotMatch(
          `${d.message} ${d.hint}`,
          /\b(at line|column|Missing|Implicit)\b/,
          head,
        );
      }
      const lines = diagnostics.map((d) => `${d.file}:${d.line}`);
      assert.equal(
        new Set(lines).size,
        lines.length,
        `one message per line\n${report(diagnostics)}`,
      );
    }
  });

  it('prints reading problems first, whatever the file names', async () => {
    // An error in contacts.yaml (sorted first) and a YAML error in synonyms.yaml.
    await edit(dir, 'contacts.yaml', 'type: telefoon', 'type: fax');
    await edit(dir, 'synonyms.yaml', 'variants: [baas,', 'variants: "baas,');
    const failed = await runCheck(dir);
    assert.equal(failed.code, 1);
    const heads = failed.stdout.split('\n').filter((line) => /: (fout|waarschuwing): /.test(line));
    assert.match(heads[0] ?? '', /synonyms\.yaml:\d+:\d+: fout: het aanhalingsteken/);
    assert.match(heads[1] ?? '', /contacts\.yaml:\d+:\d+: fout: .*"fax"/);
  });
});
