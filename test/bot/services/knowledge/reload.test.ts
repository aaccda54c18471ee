import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  KnowledgeLoadError,
  KnowledgeService,
  type ReloadEvent,
} from '../../../../bot/services/knowledge/service.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyFixture, edit, lineOf, memoryLogger, removeDir } from './helpers.ts';

const NEW_ENTRY = `---
id: thuiswerken
title: Thuiswerken en online vergaderen
updated: 2026-11-20
format: 2
---
Een antwoord over thuiswerken.
`;

const NEW_EXAMPLES = `format: 2
questions: |
  Mijn camera moet de hele dag aan tijdens het thuiswerken
  Mijn leidinggevende controleert of ik online ben als ik thuiswerk
  Moet ik bij elke videovergadering mijn camera aanzetten?
  Is het normaal dat mijn baas mijn beeldscherm meekijkt bij thuiswerken?
  Thuiswerken voelt alsof ik continu bekeken word
  Mijn werkgever wil software die mijn toetsaanslagen telt
  Mag mijn werkgever mijn thuiswerkplek filmen?
  Hoe zeg ik dat ik niet altijd op camera wil?
`;

const QUESTION = 'moet mijn camera aan bij het thuiswerken';
const WAIT_MS = 4000;

/** Resolves with the next reload the watcher triggers, or rejects after WAIT_MS. */
function nextReload(service: KnowledgeService): Promise<ReloadEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no reload within ${WAIT_MS} ms`));
    }, WAIT_MS);
    const stop = service.onReload((event) => {
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}

describe('hot reload of the knowledge folder', function () {
  this.timeout(15000);
  let dir: string;
  let service: KnowledgeService;
  let logger: ReturnType<typeof memoryLogger>;

  beforeEach(async () => {
    dir = await copyFixture();
    logger = memoryLogger();
    service = await KnowledgeService.open({ dir, logger, watch: true, debounceMs: 50 });
  });
  afterEach(async () => {
    await service.close();
    await removeDir(dir);
  });

  it('picks up an added entry, and its removal', async () => {
    assert.equal(service.match(QUESTION).target, 'fallback');
    const added = nextReload(service);
    await writeFile(join(dir, 'voorbeelden', 'thuiswerken.yaml'), NEW_EXAMPLES);
    await writeFile(join(dir, 'entries', 'thuiswerken.md'), NEW_ENTRY);
    assert.deepEqual(await added, { ok: true, errors: 0 });
    assert.equal(service.entryCount, 5);
    assert.equal(service.match(QUESTION).target, 'thuiswerken');

    const removed = nextReload(service);
    await rm(join(dir, 'entries', 'thuiswerken.md'));
    await rm(join(dir, 'voorbeelden', 'thuiswerken.yaml'));
    assert.equal((await removed).ok, true);
    assert.equal(service.entryCount, 4);
    assert.equal(service.match(QUESTION).target, 'fallback');
  });

  it('keeps answering from the last good version after an invalid change, then takes a fix', async () => {
    const broken = nextReload(service);
    await edit(dir, 'entries/geheimhouding.md', 'updated: 2026-11-20', 'updated: 2026-13-45');
    const event = await broken;
    assert.equal(event.ok, false);
    assert.equal(service.entryCount, 4);
    assert.equal(service.match('Kan ik anoniem een vraag stellen?').target, 'geheimhouding');

    const logged = logger.lines.find((line) => line.level === 'error');
    assert.ok(logged, 'the invalid change is logged');
    const problems = (logged.obj as { problems: { file: string; line: number; problem: string }[] })
      .problems;
    assert.match(problems[0]?.file ?? '', /entries[/\\]geheimhouding\.md$/);
    assert.equal(problems[0]?.line, await lineOf(dir, 'entries/geheimhouding.md', 'updated:'));
    assert.match(problems[0]?.problem ?? '', /geen geldige datum/);

    const fixed = nextReload(service);
    await edit(dir, 'entries/geheimhouding.md', 'updated: 2026-13-45', 'updated: 2026-11-21');
    assert.equal((await fixed).ok, true);
    assert.equal(service.base.entries.get('geheimhouding')?.updated, '2026-11-21');
  });

  it('ignores changes to the evaluation files and the README', async () => {
    let reloads = 0;
    service.onReload(() => reloads++);
    await writeFile(join(dir, 'tests', 'extra.yaml'), '- question: x\n  expect: fallback\n');
    await writeFile(join(dir, 'README.md'), 'anders\n');
    // Waiting for something not to happen has no event: a short pause, several debounces.
    await sleep(400);
    assert.equal(reloads, 0);
    const real = nextReload(service);
    await edit(
      dir,
      'entries/naaktbeelden.md',
      "title: Naaktfoto's",
      "title: Naaktfoto's (ook online)",
    );
    await real;
    assert.equal(reloads, 1);
  });
});

describe('the first load', () => {
  it('throws a readable error naming the file and line', async () => {
    const dir = await copyFixture();
    try {
      await edit(dir, 'crisis.yaml', '      - zelfmoord*', '      - ze*');
      await assert.rejects(
        KnowledgeService.open({ dir, logger: memoryLogger() }),
        (error: unknown) => {
          assert.ok(error instanceof KnowledgeLoadError);
          assert.match(error.message, /crisis\.yaml:\d+:\d+: fout: ongeldige term/);
          return true;
        },
      );
    } finally {
      await removeDir(dir);
    }
  });
});
