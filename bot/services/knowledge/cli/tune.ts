// node bot/services/knowledge/cli/tune.ts [--min-refused=0.9] [--mix-only] [--files=a.yaml,b.yaml]
// Tunes on knowledge/tests/tune*.yaml ONLY (--files= picks some of them) and prints the TUNING
// block for bot/services/knowledge/tuning.ts. Not an npm script: tuning is a deliberate act. The holdout
// files are never read here.
//
// 1. For every setting of the text weights (compound, fuzzy, bigram, unknown) the index is
//    built once and each question's per-target components are computed.
// 2. For every mix of the five components: rank, fit the logistic calibration, choose the
//    thresholds (eval/calibrate.ts: the suggest threshold must refuse at least
//    --min-refused, default 0.9, of the out-of-scope questions), count the right outcomes.
// Highest (right outcomes − confident wrong answers / 2) wins; ties go to the earlier grid
// point (the grids run from plain to fancy).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCount, formatDiagnostic } from '../check/diagnostics.ts';
import {
  chooseThresholds,
  fitCalibration,
  MIN_REFUSED_ON_TUNE,
  reliability,
  type Row,
} from '../eval/calibrate.ts';
import { readEvalFile, type EvalItem } from '../eval/eval-file.ts';
import { allTargets } from '../eval/evaluate.ts';
import { rankComponents, type Components } from '../match/index.ts';
import { Matcher } from '../match/matcher.ts';
import { OUT_OF_SCOPE } from '../match/targets.ts';
import { resolveKnowledgeDir } from '../paths.ts';
import { TUNING, type ModelWeights, type Tuning } from '../tuning.ts';
import { openForCli } from './common.ts';

/** tune.yaml, tune-2.yaml, …: the holdout files never match. */
const TUNE_FILE = /^tune(-[\w-]+)?\.ya?ml$/;

const refusedArg = process.argv.find((arg) => arg.startsWith('--min-refused='));
const minRefused = refusedArg ? Number(refusedArg.split('=')[1]) : MIN_REFUSED_ON_TUNE;

type TextWeights = Pick<ModelWeights, 'compound' | 'fuzzy' | 'bigram' | 'unknown'>;
type MixWeights = Pick<ModelWeights, 'best' | 'top' | 'coverage' | 'body' | 'chars'>;

/** --mix-only: keep the text weights of tuning.ts and search only the mix (seconds, not minutes). */
const mixOnly = process.argv.includes('--mix-only');
const FULL_TEXT_GRID = grid<TextWeights>({
  compound: [0.6, 0.8, 1],
  fuzzy: [0.5, 0.7, 0.9],
  bigram: [0, 0.3, 0.6],
  unknown: [0.4, 0.6, 0.8, 1],
});
const MIX_GRID = grid<MixWeights>({
  best: [0, 0.2, 0.4],
  top: [0.2, 0.4, 0.6],
  coverage: [0, 0.2, 0.4],
  body: [0, 0.1, 0.2, 0.3, 0.5],
  chars: [0, 0.2, 0.4],
});
const { compound, fuzzy, bigram, unknown } = TUNING.weights;
const TEXT_GRID = mixOnly ? [{ compound, fuzzy, bigram, unknown }] : FULL_TEXT_GRID;

function grid<T extends object>(axes: { [K in keyof T]: number[] }): T[] {
  let points: Record<string, number>[] = [{}];
  for (const [key, values] of Object.entries<number[]>(axes)) {
    points = points.flatMap((point) => values.map((value) => ({ ...point, [key]: value })));
  }
  return points as T[];
}

interface Question {
  expect: string;
  components: Map<number, Components>;
}

const service = await openForCli();
const testsDir = join(resolveKnowledgeDir(), 'tests');
// --files=tune-3.yaml,…: only these (after content was written against the others' misses,
// those no longer look like unseen questions to the calibration).
const filesArg = process.argv.find((arg) => arg.startsWith('--files='))?.slice('--files='.length);
const files = (await readdir(testsDir))
  .filter((name) => TUNE_FILE.test(name))
  .filter((name) => !filesArg || filesArg.split(',').includes(name))
  .sort();
if (files.length === 0) {
  console.error(`Geen afstembestanden gevonden in ${testsDir}`);
  process.exit(2);
}
const items: EvalItem[] = [];
for (const name of files) {
  const read = await readEvalFile(join(testsDir, name), allTargets(service.base.entries.keys()));
  if (errorCount(read.diagnostics) > 0) {
    for (const d of read.diagnostics) console.error(formatDiagnostic(d));
    process.exit(2);
  }
  items.push(...read.items);
}

/** Crisis questions are the safety check's job, not the ranker's; they are left out here. */
function questionsFor(
  text: TextWeights,
  list: readonly EvalItem[],
): { targets: string[]; questions: Question[] } {
  const matcher = new Matcher(service.base, { ...TUNING, weights: { ...TUNING.weights, ...text } });
  const targets = matcher.index.targets.map((t) => t.target);
  const questions = list
    .filter(
      (item) => item.expect !== 'crisis' && matcher.safety(item.question).outcome !== 'crisis',
    )
    .map((item) => ({ expect: item.expect, components: matcher.index.components(item.question) }));
  return { targets, questions };
}

function rows(targets: string[], questions: Question[], weights: ModelWeights): Row[] {
  return questions.map((q) => {
    const ranked = rankComponents(q.components, weights, 4);
    const refused = ranked[0] !== undefined && targets[ranked[0].index] === OUT_OF_SCOPE;
    // As in the matcher: the score is read from the best real target.
    const [first, second] = ranked.filter((c) => targets[c.index] !== OUT_OF_SCOPE);
    const outOfScope = q.expect === 'fallback';
    const right =
      !outOfScope && !refused && first !== undefined && targets[first.index] === q.expect;
    const raw = first?.raw ?? 0;
    return {
      raw,
      margin: raw - (second?.raw ?? 0),
      evidence: first?.evidence ?? 0,
      coverage: first?.coverage ?? 0,
      right,
      outOfScope,
      refused,
    };
  });
}

/** A confident wrong answer costs half a right outcome on top of being wrong. */
const objective = (correct: number, confidentWrong: number): number => correct - confidentWrong / 2;

let best:
  { tuning: Tuning; correct: number; wrong: number; total: number; table: Row[] } | undefined;
console.log(
  `${files.join(' + ')}: ${items.length} vragen; ${TEXT_GRID.length} × ${MIX_GRID.length} instellingen`,
);
for (const text of TEXT_GRID) {
  const { targets, questions } = questionsFor(text, items);
  for (const mix of MIX_GRID) {
    const weights: ModelWeights = { ...text, ...mix };
    const table = rows(targets, questions, weights);
    const calibration = fitCalibration(table);
    const t = chooseThresholds(table, calibration, minRefused);
    const better =
      !best || objective(t.correct, t.confidentWrong) > objective(best.correct, best.wrong);
    if (better) {
      best = {
        tuning: { weights, calibration, thresholds: { answer: t.answer, suggest: t.suggest } },
        correct: t.correct,
        wrong: t.confidentWrong,
        total: table.length,
        table,
      };
      console.log(
        `  ${t.correct}/${table.length} goed, ${t.confidentWrong} zeker fout: ${JSON.stringify(weights)}`,
      );
    }
  }
}

if (best) {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const { weights, calibration: c, thresholds } = best.tuning;
  const list = (o: object) =>
    Object.entries(o)
      .map(([k, v]) => `${k}: ${round(Number(v))}`)
      .join(', ');
  console.log(
    `\nBeste: ${best.correct}/${best.total} goed (zonder crisisvragen), ${best.wrong} zeker fout.`,
  );
  console.log('Kalibratie op de afstemvragen (aandeel goede bovenste kandidaten per scoreband):');
  for (const line of reliability(best.table, c)) console.log(line);
  console.log('Zet in bot/services/knowledge/tuning.ts:\n');
  console.log(`export const TUNING: Tuning = {
  weights: { ${list(weights)} },
  calibration: { ${list(c)} },
  thresholds: { ${list(thresholds)} },
};`);
}
