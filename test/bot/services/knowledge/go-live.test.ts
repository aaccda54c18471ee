import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { answerParts } from '../../../../bot/services/knowledge/answer-parts.ts';
import { goLiveWarnings, type GoLiveWarning } from '../../../../bot/services/knowledge/go-live.ts';
import {
  KnowledgeNotLiveError,
  KnowledgeService,
} from '../../../../bot/services/knowledge/service.ts';
import {
  copyFixture,
  edit,
  lineOf,
  memoryLogger,
  REAL_KNOWLEDGE,
  removeDir,
  REPO,
} from './helpers.ts';

// The go-live check: TE_VULLEN fields, "Controleren vóór livegang" notes, answers
// whose first message is longer than a phone screen and no way to reach a person. kb:check
// lists them; kb:check --live, a production start and a production reload refuse them.

const run = promisify(execFile);

const LONG_ANSWER = Array.from(
  { length: 12 },
  (_, i) =>
    `Alinea ${i + 1}: een zin die zo lang is dat hij op een telefoon over drie regels loopt.`,
).join('\n\n');

/** A copy of the fixture with nothing left to settle before going live. */
async function readyFixture(): Promise<string> {
  const dir = await copyFixture();
  await edit(dir, 'contacts.yaml', /value: TE_VULLEN/, 'value: "030 123 45 67"');
  await edit(dir, 'contacts.yaml', 'hours: TE_VULLEN', 'hours: "ma t/m vr 9:00-17:00"');
  await edit(dir, 'course.yaml', 'dates: TE_VULLEN', 'dates: [2027-03-04, 2027-03-18]');
  await edit(dir, 'course.yaml', 'location: TE_VULLEN', 'location: Utrecht');
  await edit(dir, 'course.yaml', 'price: TE_VULLEN', 'price: "€ 395"');
  return dir;
}

async function cli(dir: string, args: string[]): Promise<{ code: number; stdout: string }> {
  const options = { cwd: REPO, env: { ...process.env, KNOWLEDGE_DIR: dir } };
  return run(process.execPath, ['bot/services/knowledge/cli/check.ts', ...args], options).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

const where = (w: GoLiveWarning): string => `${w.kind} ${w.file}:${w.line ?? '-'}`;

describe('the go-live check', function () {
  this.timeout(20000);
  let dir = '';
  afterEach(async () => {
    if (dir !== '') await removeDir(dir);
    dir = '';
  });

  it('names each kind of point with its file and line', async () => {
    dir = await copyFixture();
    await edit(dir, 'contacts.yaml', 'value: vertrouwenspersoon@voorbeeld.nl', 'value: TE_VULLEN');
    await edit(
      dir,
      'entries/geheimhouding.md',
      'title: Blijft mijn verhaal vertrouwelijk?',
      'title: Blijft mijn verhaal vertrouwelijk?\n# Controleren vóór livegang: de termijn\n# van de wet.',
    );
    await edit(dir, 'entries/digitaal-pesten.md', /Vervelend dat u dit meemaakt\./, LONG_ANSWER);
    const service = await KnowledgeService.open({ dir, logger: memoryLogger() });
    const warnings = await goLiveWarnings(dir, service.base);
    const contactLine = await lineOf(dir, 'contacts.yaml', 'channels:');
    assert.deepEqual(warnings.map(where), [
      `contact contacts.yaml:${contactLine}`,
      `te-vullen contacts.yaml:${(await lineOf(dir, 'contacts.yaml', 'label: Bellen')) + 1}`,
      `te-vullen contacts.yaml:${(await lineOf(dir, 'contacts.yaml', 'label: Mailen')) + 1}`,
      `te-vullen contacts.yaml:${await lineOf(dir, 'contacts.yaml', 'hours:')}`,
      `te-vullen course.yaml:${await lineOf(dir, 'course.yaml', 'dates:')}`,
      `te-vullen course.yaml:${await lineOf(dir, 'course.yaml', 'location:')}`,
      `te-vullen course.yaml:${await lineOf(dir, 'course.yaml', 'price:')}`,
      `lang entries/digitaal-pesten.md:${await lineOf(dir, 'entries/digitaal-pesten.md', 'Alinea 1:')}`,
      'controleren entries/geheimhouding.md:4',
    ]);
    const byKind = (kind: GoLiveWarning['kind']) => warnings.find((w) => w.kind === kind);
    assert.match(
      byKind('contact')?.message ?? '',
      /^Er is nog geen telefoonnummer of e-mailadres .* alleen het contactverzoek aan\./,
    );
    assert.equal(
      byKind('te-vullen')?.message,
      'value van "Bellen" is nog TE_VULLEN: de bot laat het weg tot het is ingevuld.',
    );
    assert.match(
      byKind('lang')?.message ?? '',
      /"Gepest worden via apps en sociale media" is \d+ woorden; op een telefoon past ongeveer 80/,
    );
    assert.equal(byKind('controleren')?.message, 'de termijn van de wet.');

    // With the marker after the core of the advice, the first part fits and the point goes.
    await edit(
      dir,
      'entries/digitaal-pesten.md',
      'Alinea 1:',
      'Kort gezegd: u staat er niet alleen voor.\n\n<!-- meer -->\n\nAlinea 1:',
    );
    const reloaded = await KnowledgeService.open({ dir, logger: memoryLogger() });
    const kinds = (await goLiveWarnings(dir, reloaded.base)).map((w) => w.kind);
    assert.ok(!kinds.includes('lang'), kinds.join(', '));
  });

  it('a filled-in phone number or e-mail address is a way to reach a person; a website is not', async () => {
    dir = await copyFixture();
    const service = await KnowledgeService.open({ dir, logger: memoryLogger() });
    const kinds = (await goLiveWarnings(dir, service.base)).map((w) => w.kind);
    assert.ok(!kinds.includes('contact'), 'the e-mail address is filled in');
    assert.ok(kinds.includes('te-vullen'), 'the phone number still needs filling in');

    await edit(dir, 'contacts.yaml', 'type: email', 'type: website');
    const websiteOnly = await KnowledgeService.open({ dir, logger: memoryLogger() });
    const after = (await goLiveWarnings(dir, websiteOnly.base)).map((w) => w.kind);
    assert.ok(after.includes('contact'), 'a website alone gives nobody a person to call');
  });

  it('measures the first message of an answer: up to the "Lees meer" marker', () => {
    assert.equal(answerParts('De kern.\n<!-- meer -->\nDe rest.').first, 'De kern.');
    assert.equal(answerParts('Alles.\nOok dit.').first, 'Alles.\nOok dit.');
  });

  it('kb:check lists the points and passes; --live fails with one line each', async () => {
    dir = await copyFixture();
    const listed = await cli(dir, []);
    assert.equal(listed.code, 0);
    assert.match(listed.stdout, /Nog te doen vóór livegang:\n/);
    assert.match(listed.stdout, /; 5 punt\(en\) vóór livegang\.\n$/);

    const live = await cli(dir, ['--live']);
    assert.equal(live.code, 1);
    const points = live.stdout.split('\n').filter((line) => /^ {2}\S+:\d+: /.test(line));
    assert.equal(points.length, 5, live.stdout);
    assert.ok(points.some((line) => /contacts\.yaml:\d+: hours is nog TE_VULLEN/.test(line)));
    assert.match(live.stdout, /niet klaar voor livegang: 5 punt\(en\)/);

    await removeDir(dir);
    dir = await readyFixture();
    const ready = await cli(dir, ['--live']);
    assert.equal(ready.code, 0, ready.stdout);
    assert.match(ready.stdout, /Klaar voor livegang\./);
  });

  it('kb:check --live fails on the placeholders the repository ships', async () => {
    const live = await cli(REAL_KNOWLEDGE, ['--live']);
    assert.equal(live.code, 1);
    for (const field of ['value van "Bellen met een vertrouwenspersoon"', 'hours', 'price'])
      assert.match(
        live.stdout,
        new RegExp(`\\n {2}knowledge/(contacts|course)\\.yaml:\\d+: ${field} is nog TE_VULLEN`),
      );
    assert.match(live.stdout, /knowledge\/contacts\.yaml:\d+: Er is nog geen telefoonnummer/);
  });

  it('in production: the first load stops with one line per point', async () => {
    dir = await copyFixture();
    await assert.rejects(
      KnowledgeService.open({ dir, logger: memoryLogger(), live: true }),
      (error: unknown) => {
        assert.ok(error instanceof KnowledgeNotLiveError);
        assert.equal(error.warnings.length, 5);
        assert.match(
          error.message,
          /niet klaar voor livegang \(NODE_ENV=production\): 5 punt\(en\)/,
        );
        assert.match(error.message, /\n {2}course\.yaml:\d+: price is nog TE_VULLEN/);
        return true;
      },
    );
  });

  it('in production: a reload that brings a point back keeps the version that runs', async () => {
    dir = await readyFixture();
    const service = await KnowledgeService.open({ dir, logger: memoryLogger(), live: true });
    const { hash } = service.status();
    await edit(dir, 'course.yaml', 'price: "€ 395"', 'price: TE_VULLEN');
    assert.deepEqual(await service.reload(), { ok: false, errors: 1 });
    assert.equal(service.status().hash, hash);
    assert.equal(service.base.course.price, '€ 395');
    assert.deepEqual(service.status().lastReload?.problems, [
      {
        file: 'course.yaml',
        line: await lineOf(dir, 'course.yaml', 'price:'),
        message: 'price is nog TE_VULLEN: gebruikers zien hier "op aanvraag".',
      },
    ]);
    await edit(dir, 'course.yaml', 'price: TE_VULLEN', 'price: "€ 425"');
    assert.equal((await service.reload()).ok, true);
    assert.equal(service.base.course.price, '€ 425');
  });
});
