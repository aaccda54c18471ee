import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorCount, formatDiagnostic } from '../../bot/knowledge/check/diagnostics.ts';
import { readEvalFile } from '../../bot/knowledge/eval/eval-file.ts';
import { allTargets, evaluate } from '../../bot/knowledge/eval/evaluate.ts';
import { KnowledgeService } from '../../bot/knowledge/service.ts';
import { memoryLogger, REAL_KNOWLEDGE, REPO } from './helpers.ts';

const GATE = 0.9;
// Issue 3 asks for 0.9 on every evaluation file. Where the engine does not reach it yet, a
// floor guards the measured level against regressions until the content and the engine
// improve. Raise a floor as accuracy rises; never lower it to make a change pass (it was
// lowered once, 0.85 → 0.84 for holdout.yaml, when a knowledge round cost it one question and
// gained holdout-2.yaml five). On 2026-11-29, after tuning on tune-3, tune-4 and tune-5, every
// file but holdout.yaml (0.879) is at or above 0.9.
const FLOORS: Record<string, number> = {
  'holdout.yaml': 0.87,
};
const DEV_QUESTIONS = join(REPO, '..', 'shared', 'eval', 'dev-questions.yaml');
const testsDir = join(REAL_KNOWLEDGE, 'tests');
const evalFiles = existsSync(testsDir)
  ? readdirSync(testsDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(testsDir, name))
  : [];

describe('evaluation gate (top-1 accuracy)', function () {
  let service: KnowledgeService;
  before(async () => {
    service = await KnowledgeService.open({ dir: REAL_KNOWLEDGE, logger: memoryLogger() });
  });

  async function accuracyOf(file: string, gate: number): Promise<string> {
    const { items, diagnostics } = await readEvalFile(
      file,
      allTargets(service.base.entries.keys()),
    );
    assert.equal(
      errorCount(diagnostics),
      0,
      diagnostics.map((d) => formatDiagnostic(d)).join('\n'),
    );
    const summary = evaluate(items, (text) => service.match(text));
    const misses = summary.results
      .filter((r) => r.got !== r.expect)
      .map((r) => `  verwacht ${r.expect}, kreeg ${r.got}: ${r.question}`)
      .join('\n');
    assert.ok(
      summary.accuracy >= gate,
      `accuracy ${summary.accuracy.toFixed(3)} (${summary.correct}/${summary.total}) < ${gate}\n${misses}`,
    );
    return summary.accuracy.toFixed(3);
  }

  /** A missed crisis is the worst answer there is, so no floor: every one, no exceptions. */
  async function crisisMisses(file: string): Promise<string[]> {
    const { items } = await readEvalFile(file, allTargets(service.base.entries.keys()));
    return items
      .filter((item) => (item.expect === 'crisis') !== service.isCrisis(item.question))
      .map((item) => `  ${item.expect === 'crisis' ? 'gemist' : 'vals alarm'}: ${item.question}`);
  }

  for (const file of evalFiles) {
    const name = file.split(/[/\\]/).pop() ?? file;
    const gate = FLOORS[name] ?? GATE;
    it(`knowledge/tests/${name} ≥ ${gate}`, async () => {
      await accuracyOf(file, gate);
    });
    it(`knowledge/tests/${name}: every crisis caught, no false alarms`, async () => {
      const misses = await crisisMisses(file);
      assert.deepEqual(misses, [], misses.join('\n'));
    });
  }

  it(`../shared/eval/dev-questions.yaml ≥ ${GATE}`, async function () {
    if (!existsSync(DEV_QUESTIONS)) {
      console.log(`      (overgeslagen: ${DEV_QUESTIONS} bestaat niet)`);
      this.skip();
    }
    await accuracyOf(DEV_QUESTIONS, GATE);
  });
});
