import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InsightCounts } from '../../../../bot/services/insight/counts.ts';
import { dutchWords } from '../../../../bot/services/insight/dutch-words.ts';
import { QuestionStore } from '../../../../bot/services/insight/questions.ts';
import { InsightRecorder } from '../../../../bot/services/insight/recorder.ts';
import { TextSealer } from '../../../../bot/services/insight/sealed-text.ts';
import { createLogger } from '../../../../bot/services/logger.ts';
import { FileDocumentStore } from '../../../../bot/services/storage/file-document-store.ts';
import { LogCapture } from '../../../helpers/bot-harness.ts';
import { withTempDir } from '../../../helpers/tmp.ts';

// The recorder turns the router's events into day counts and, for unanswered questions, a
// scrubbed and sealed text: nothing readable on disk, nothing about who, no crisis text.

const QUESTION = 'Mijn baas Gerrit belt mij op 0612345678 en mailt naar gerrit.test@voorbeeld.nl';

function parts(dir: string, keep: boolean, now = () => new Date('2026-12-06T10:00:00Z')) {
  const documents = new FileDocumentStore(dir);
  const logs = new LogCapture();
  const counts = new InsightCounts(documents, () => undefined);
  const store = new QuestionStore(documents);
  const sealer = new TextSealer(randomBytes(32).toString('base64'));
  const recorder = new InsightRecorder({
    counts,
    keeping: keep
      ? { store, sealer, words: dutchWords(), vocabulary: () => new Set(['baas']) }
      : undefined,
    logger: createLogger('info', logs),
    now,
  });
  return { recorder, counts, store, sealer, logs };
}

async function allFiles(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    names.filter((n) => n.isFile()).map((n) => readFile(join(n.parentPath, n.name), 'utf8')),
  );
  return texts.join('\n');
}

describe('insight recorder: counts and kept questions', function () {
  this.timeout(20_000);
  before(() => dutchWords()); // loaded once per process

  it('keeps an unanswered question scrubbed and sealed, with its day and closest entry only', () =>
    withTempDir(async (dir) => {
      const { recorder, store, sealer, logs } = parts(dir, true);
      recorder.refused('bereikbaarheid', { text: QUESTION, names: [] });
      recorder.suggested('digitaal-pesten', { text: 'pesten door Yvonne', names: [] });
      recorder.crisis();
      await recorder.idle();
      const kept = await store.list();
      assert.equal(kept.length, 2, 'refused and suggested; never the crisis');
      const refused = kept.find((q) => q.kind === 'refused');
      assert.deepEqual(Object.keys(refused ?? {}).sort(), ['closest', 'day', 'id', 'kind', 'text']);
      assert.equal(refused?.day, '2026-12-06');
      assert.equal(refused?.closest, 'bereikbaarheid');
      assert.equal(
        sealer.open(refused.text),
        'Mijn baas [naam] belt mij op [telefoon] en mailt naar [e-mail]',
      );
      const disk = await allFiles(dir);
      for (const secret of ['0612345678', 'voorbeeld.nl', 'Gerrit', 'belt mij', 'Yvonne']) {
        assert.ok(!disk.includes(secret), `${secret} is not on disk in clear`);
      }
      assert.ok(logs.lines.every((l) => !l.includes('Gerrit') && !l.includes('0612345678')));
    }));

  it('counts per day and per entry, and keeps the question of an answer rated "Nee"', () =>
    withTempDir(async (dir) => {
      const { recorder, counts, store, sealer } = parts(dir, true);
      await recorder.ready();
      recorder.conversationStarted();
      const note = recorder.answered('bereikbaarheid', {
        text: 'Mag mijn baas mij appen?',
        names: [],
      });
      assert.ok(note, 'a sealed note for the conversation state');
      assert.ok(!note.includes('appen'));
      recorder.feedback('bereikbaarheid', false, note);
      const other = recorder.answered('bereikbaarheid', { text: 'Bellen na werktijd?', names: [] });
      recorder.feedback('bereikbaarheid', true, other);
      recorder.contactRequest();
      recorder.registration();
      recorder.safetyCheck();
      await recorder.idle();
      const [day] = await counts.range('2026-12-06', '2026-12-06');
      assert.deepEqual(day?.totals, {
        conversations: 1,
        answered: 2,
        suggested: 0,
        refused: 0,
        crisis: 0,
        safetyCheck: 1,
        contactRequests: 1,
        registrations: 1,
        helped: 1,
        notHelped: 1,
      });
      assert.deepEqual(day?.entries.bereikbaarheid, { answered: 2, helped: 1, notHelped: 1 });
      const kept = await store.list();
      assert.equal(kept.length, 1, 'only the "Nee"');
      assert.equal(kept[0]?.kind, 'notHelped');
      assert.equal(sealer.open(kept[0].text), 'Mag mijn baas mij appen?');
    }));

  it('keeps no text at all when questions are not kept (no key or no workspace)', () =>
    withTempDir(async (dir) => {
      const { recorder } = parts(dir, false);
      assert.equal(recorder.answered('x', { text: QUESTION, names: [] }), undefined);
      recorder.refused(undefined, { text: QUESTION, names: [] });
      await recorder.idle();
      const disk = await allFiles(dir);
      assert.ok(!disk.includes('Gerrit') && !disk.includes('[naam]'));
      assert.match(disk, /"refused":1/);
    }));

  it('purges questions after the retention days and marks one handled', () =>
    withTempDir(async (dir) => {
      const { store, sealer } = parts(dir, true);
      const old = await store.add({ day: '2026-11-01', kind: 'refused', text: sealer.seal('oud') });
      const recent = await store.add({
        day: '2026-12-05',
        kind: 'refused',
        text: sealer.seal('nieuw'),
      });
      assert.equal(await store.markHandled(recent, 'Ineke', new Date()), true);
      assert.equal((await store.get(recent))?.handledBy, 'Ineke');
      assert.equal(await store.purgeBefore('2026-11-06'), 1);
      assert.equal(await store.get(old), null);
      assert.ok(await store.get(recent));
    }));
});
