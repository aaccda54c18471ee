import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { allTargets } from '../eval/evaluate.ts';
import { parseEvalFile } from '../eval/eval-file.ts';
import { parseSafetyFile } from '../eval/safety-file.ts';
import { goLiveWarnings, type GoLiveWarning } from '../go-live.ts';
import { FILES, loadKnowledge, readRaw } from '../load/loader.ts';
import { normalizeText } from '../text/normalize.ts';
import { Reporter, type Diagnostic } from './diagnostics.ts';
import { foldDiagnostics } from './fold.ts';

export interface CheckSummary {
  entries: number;
  questions: number;
  synonymGroups: number;
  crisisRules: number;
  testFiles: number;
  testQuestions: number;
}

export interface CheckOutcome {
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  /** What must be settled before going live; only known when the folder loads. */
  goLive: GoLiveWarning[];
}

/** Everything the loader checks, plus the evaluation files in tests/. */
export async function checkKnowledgeDir(dir: string): Promise<CheckOutcome> {
  const loaded = await loadKnowledge(dir);
  const reporter = new Reporter();
  const ids = loaded.sources.filter((s) => s.isEntry).map((s) => s.target);
  const targets = allTargets(ids);
  const examples = new Map<string, string>();
  for (const source of loaded.sources) {
    for (const { text } of source.questions) examples.set(normalizeText(text), source.target);
  }
  let testFiles = 0;
  let testQuestions = 0;
  for (const file of await listTestFiles(join(dir, FILES.tests))) {
    const raw = await readRaw(file, reporter);
    if (raw === undefined) continue;
    testFiles += 1;
    testQuestions += parseEvalFile(file, raw, targets, reporter, examples).length;
  }
  for (const file of await listTestFiles(join(dir, FILES.tests, FILES.safetyTests))) {
    const raw = await readRaw(file, reporter);
    if (raw === undefined) continue;
    testFiles += 1;
    testQuestions += parseSafetyFile(file, raw, reporter).length;
  }
  const base = loaded.base;
  const summary: CheckSummary = {
    entries: ids.length,
    questions: loaded.sources.reduce((sum, s) => sum + s.questions.length, 0),
    synonymGroups: base?.synonyms.groups.length ?? 0,
    crisisRules: base?.crisis.rules.length ?? 0,
    testFiles,
    testQuestions,
  };
  const { diagnostics, unreadable } = loaded.unfolded;
  return {
    diagnostics: foldDiagnostics([...diagnostics, ...reporter.diagnostics], unreadable),
    summary,
    goLive: base ? await goLiveWarnings(dir, base) : [],
  };
}

async function listTestFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(dir, name))
      .sort();
  } catch {
    return [];
  }
}
