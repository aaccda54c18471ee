import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  errorCount,
  formatDiagnostic,
} from '../../../../bot/services/knowledge/check/diagnostics.ts';
import { isBlindSet } from '../../../../bot/services/knowledge/eval/blind-set.ts';
import { readEvalFile } from '../../../../bot/services/knowledge/eval/eval-file.ts';
import { allTargets, evaluate } from '../../../../bot/services/knowledge/eval/evaluate.ts';
import { KnowledgeService } from '../../../../bot/services/knowledge/service.ts';
import { memoryLogger, REAL_KNOWLEDGE } from './helpers.ts';

const GATE = 0.9;
// 0.9 on every evaluation file; where the engine does not reach it yet, a floor guards the
// measured level until the content and the engine improve. Raise a floor as accuracy rises;
// never lower it to make a change pass.
const FLOORS: Record<string, number> = {
  'holdout.yaml': 0.86,
  // Near-domain questions the bureau does not cover: 0.80 measured on 2026-12-06,
  // against a goal of 0.9 (see the README); the conversation's own figures are in
  // test/dialogs/conversation-gate.test.ts.
  'blind-buiten.yaml': 0.8,
  // The same kind of questions by team members who never saw the code: 0.846 on 2026-12-06.
  'blind-gesprek-buiten.yaml': 0.84,
};
/** Ordinary questions of the evaluation files that may get the check question or the crisis
 *  reply, all files together: the bound set for in-scope questions. Per file
 *  the share may be a little higher (holdout-3.yaml measured 2.3 % on 2026-12-06). */
const MAX_FLAGGED = 0.02;
const MAX_FLAGGED_PER_FILE = 0.025;
/** Measured above the per-file bound; a floor until the check learns better. Never raise one
 *  to make a change pass. blind-gesprek-buiten.yaml: 6 of 149 near-domain questions (sick
 *  leave, phishing, children at school) got the check question, none the crisis reply, on
 *  2026-12-06; its misses stay unread. */
const FLAGGED_FLOORS: Record<string, number> = { 'blind-gesprek-buiten.yaml': 0.041 };
/** The public sample: the project's own copy, so a fresh clone measures it too. */
const DEV_QUESTIONS = 'dev-questions.yaml';
const testsDir = join(REAL_KNOWLEDGE, 'tests');
const evalFiles = existsSync(testsDir)
  ? readdirSync(testsDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(testsDir, name))
  : [];

describe('evaluation gate (top-1 accuracy and safety)', function () {
  let service: KnowledgeService;
  before(async () => {
    service = await KnowledgeService.open({ dir: REAL_KNOWLEDGE, logger: memoryLogger() });
  });

  async function itemsOf(file: string) {
    const { items, diagnostics } = await readEvalFile(
      file,
      allTargets(service.base.entries.keys()),
    );
    assert.equal(
      errorCount(diagnostics),
      0,
      diagnostics.map((d) => formatDiagnostic(d)).join('\n'),
    );
    return items;
  }

  async function accuracyOf(file: string, gate: number): Promise<void> {
    const summary = evaluate(await itemsOf(file), (text) => service.match(text));
    // A blind set stays blind: whoever runs the tests sees its counts, never its questions.
    const blind = isBlindSet(file);
    const misses = blind
      ? '  (blinde set: alleen tellingen)'
      : summary.results
          .filter((r) => !r.correct)
          .map((r) => `  verwacht ${r.expect}, kreeg ${r.got}: ${r.question}`)
          .join('\n');
    assert.ok(
      summary.accuracy >= gate,
      `accuracy ${summary.accuracy.toFixed(3)} (${summary.correct}/${summary.total}) < ${gate}\n${misses}`,
    );
  }

  for (const file of evalFiles) {
    const name = file.split(/[/\\]/).pop() ?? file;
    const gate = FLOORS[name] ?? GATE;
    it(`knowledge/tests/${name} ≥ ${gate}`, async () => {
      await accuracyOf(file, gate);
    });
    // A crisis that gets neither the crisis reply nor the check question is the worst answer
    // there is, so no floor: every one, no exceptions.
    it(`knowledge/tests/${name}: every crisis gets the crisis reply or the check question`, async () => {
      const missed = (await itemsOf(file))
        .filter((i) => i.expect === 'crisis' && service.safety(i.question).outcome === 'none')
        .map((i) => `  gemist: ${i.question}`);
      assert.deepEqual(missed, [], missed.join('\n'));
    });
    const maxFlagged = FLAGGED_FLOORS[name] ?? MAX_FLAGGED_PER_FILE;
    it(`knowledge/tests/${name}: at most ${(maxFlagged * 100).toFixed(1)} % of ordinary questions flagged`, async () => {
      const { flagged, ordinary } = await flaggedIn(file);
      assert.ok(
        flagged <= ordinary * maxFlagged,
        `${flagged} of ${ordinary} ordinary questions got the check or crisis reply`,
      );
    });
  }

  it(`all evaluation files: at most ${MAX_FLAGGED * 100} % of ordinary questions flagged`, async () => {
    let flagged = 0;
    let ordinary = 0;
    for (const file of evalFiles) {
      const counts = await flaggedIn(file);
      flagged += counts.flagged;
      ordinary += counts.ordinary;
    }
    assert.ok(flagged <= ordinary * MAX_FLAGGED, `${flagged} of ${ordinary} flagged`);
  });

  /** Counts only, no questions: the holdout files must stay unread by whoever tunes. */
  async function flaggedIn(file: string): Promise<{ flagged: number; ordinary: number }> {
    const ordinary = (await itemsOf(file)).filter((i) => i.expect !== 'crisis');
    const flagged = ordinary.filter((i) => service.safety(i.question).outcome !== 'none');
    return { flagged: flagged.length, ordinary: ordinary.length };
  }

  it(`the public sample is measured from the repository (knowledge/tests/${DEV_QUESTIONS})`, () => {
    assert.ok(evalFiles.some((file) => file.endsWith(`${DEV_QUESTIONS}`)));
  });
});
