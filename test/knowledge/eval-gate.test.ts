import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCount, formatDiagnostic, Reporter } from '../../bot/knowledge/check/diagnostics.ts';
import { parseEvalFile } from '../../bot/knowledge/eval/eval-file.ts';
import { allTargets, evaluate } from '../../bot/knowledge/eval/evaluate.ts';
import { KnowledgeService } from '../../bot/knowledge/service.ts';
import { memoryLogger, REAL_KNOWLEDGE, REPO } from './helpers.ts';

const GATE = 0.9;
const DEV_QUESTIONS = join(REPO, '..', 'shared', 'eval', 'dev-questions.yaml');
const testsDir = join(REAL_KNOWLEDGE, 'tests');
const evalFiles = existsSync(testsDir)
  ? readdirSync(testsDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(testsDir, name))
  : [];

describe(`evaluation gate (top-1 accuracy ≥ ${GATE})`, function () {
  let service: KnowledgeService;
  before(async () => {
    service = await KnowledgeService.open({ dir: REAL_KNOWLEDGE, logger: memoryLogger() });
  });

  async function accuracyOf(file: string): Promise<string> {
    const reporter = new Reporter();
    const items = parseEvalFile(
      file,
      await readFile(file, 'utf8'),
      allTargets(service.base.entries.keys()),
      reporter,
    );
    assert.equal(
      errorCount(reporter.diagnostics),
      0,
      reporter.diagnostics.map((d) => formatDiagnostic(d)).join('\n'),
    );
    const summary = evaluate(items, (text) => service.match(text));
    const misses = summary.results
      .filter((r) => r.got !== r.expect)
      .map((r) => `  verwacht ${r.expect}, kreeg ${r.got}: ${r.question}`)
      .join('\n');
    assert.ok(
      summary.accuracy >= GATE,
      `accuracy ${summary.accuracy.toFixed(3)} (${summary.correct}/${summary.total}) < ${GATE}\n${misses}`,
    );
    return summary.accuracy.toFixed(3);
  }

  for (const file of evalFiles) {
    it(`knowledge/tests/${file.split(/[/\\]/).pop() ?? file}`, async () => {
      await accuracyOf(file);
    });
  }

  it('../shared/eval/dev-questions.yaml', async function () {
    if (!existsSync(DEV_QUESTIONS)) {
      console.log(`      (overgeslagen: ${DEV_QUESTIONS} bestaat niet)`);
      this.skip();
    }
    await accuracyOf(DEV_QUESTIONS);
  });
});
