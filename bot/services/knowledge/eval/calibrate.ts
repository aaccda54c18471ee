import type { Calibration, Thresholds } from '../tuning.ts';
import { calibrate, type Evidence } from '../match/matcher.ts';

/** One tuning question as the calibration sees it. */
export interface Row extends Evidence {
  /** Was the top candidate the expected target? Always false for fallback questions. */
  right: boolean;
  /** Expected fallback: any suggestion or answer is wrong. */
  outOfScope: boolean;
  /** The out-of-scope examples ranked first: refused whatever the score. */
  refused?: boolean;
}

const features = (row: Evidence): number[] => [1, row.raw, row.margin, row.evidence, row.coverage];

/**
 * Logistic regression of `right` on (raw, margin, evidence, coverage) by Newton's method, with a
 * small ridge so that a perfectly separable tuning set does not send weights to infinity.
 */
export function fitCalibration(all: readonly Row[], ridge = 0.01, iterations = 50): Calibration {
  // A refused question never reaches the score.
  const rows = all.filter((row) => !row.refused);
  const n = 5;
  let w = new Array<number>(n).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = w.map((value) => ridge * value);
    const hess = w.map((_, i) => w.map((__, j) => (i === j ? ridge : 0)));
    for (const row of rows) {
      const x = features(row);
      const p = 1 / (1 + Math.exp(-dot(w, x)));
      const error = p - (row.right ? 1 : 0);
      for (let i = 0; i < n; i++) {
        grad[i] = (grad[i] ?? 0) + error * (x[i] ?? 0);
        const hi = hess[i] ?? [];
        for (let j = 0; j < n; j++) hi[j] = (hi[j] ?? 0) + p * (1 - p) * (x[i] ?? 0) * (x[j] ?? 0);
      }
    }
    const step = solve(hess, grad);
    w = w.map((value, i) => value - (step[i] ?? 0));
  }
  const [bias = 0, raw = 0, margin = 0, evidence = 0, coverage = 0] = w;
  return { bias, raw, margin, evidence, coverage };
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
}

/** Gauss-Jordan elimination with partial pivoting for the small Newton step. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const m = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  const at = (r: number, c: number): number => m[r]?.[c] ?? 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(at(r, col)) > Math.abs(at(pivot, col))) pivot = r;
    [m[col], m[pivot]] = [m[pivot] ?? [], m[col] ?? []];
    const p = at(col, col) || 1;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = at(r, col) / p;
      const row = m[r] ?? [];
      for (let c = col; c <= n; c++) row[c] = at(r, c) - factor * at(col, c);
    }
  }
  return Array.from({ length: n }, (_, i) => at(i, n) / (at(i, i) || 1));
}

export interface ThresholdChoice extends Thresholds {
  /** Questions right (top candidate right and not refused, or fallback refused). */
  correct: number;
  /** Answered directly but wrong: what the answer threshold must keep near zero. */
  confidentWrong: number;
  answeredRight: number;
}

/**
 * How much worse a confident wrong answer is than a right one is good. At 4, a threshold fitted
 * on two tuning files answered 33 of the third files' 1,025 questions confidently wrong (three
 * folds over tune-3/4/5); at 8, 15, at no cost in accuracy: the 44 right answers it no longer
 * gives directly are offered first under "Bedoelde u…" instead.
 */
const WRONG_ANSWER_COST = 8;

/**
 * The goal is that at least 90% of out-of-scope questions are refused, so the suggest
 * threshold must refuse at least that share of the tuning set's out-of-scope questions.
 * A lower value buys accuracy on in-scope questions with more out-of-scope suggestions.
 */
export const MIN_REFUSED_ON_TUNE = 0.9;

/**
 * suggest: among thresholds that refuse at least MIN_REFUSED_ON_TUNE of the out-of-scope
 * questions (or, if none does, the one that refuses most), the one with the most right
 * outcomes (a right top candidate kept, an out-of-scope question refused), the middle of
 * its plateau. answer: the threshold that maximises right answers minus eight times wrong
 * ones among the questions above it.
 */
export function chooseThresholds(
  rows: readonly Row[],
  c: Calibration,
  minRefused = MIN_REFUSED_ON_TUNE,
): ThresholdChoice {
  const scored = rows.map((row) => ({ ...row, score: calibrate(row, c) }));
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const outOfScope = scored.filter((r) => r.outOfScope);
  const below = (r: { score: number; refused?: boolean }, t: number) =>
    r.refused === true || r.score < t;
  const refusedAt = (t: number) =>
    outOfScope.filter((r) => below(r, t)).length / (outOfScope.length || 1);
  const mostRefused = Math.max(...grid.map(refusedAt));
  const allowed = grid.filter((t) => refusedAt(t) >= Math.min(minRefused, mostRefused));
  const correctAt = (t: number) =>
    scored.filter((r) => (r.outOfScope ? below(r, t) : r.right && !below(r, t))).length;
  const counts = allowed.map(correctAt);
  const best = Math.max(...counts);
  const plateau = allowed.filter((_, i) => counts[i] === best);
  const suggest = plateau[Math.floor(plateau.length / 2)] ?? 0.5;
  let choice = { answer: 0.99, utility: -Infinity, wrong: 0, right: 0 };
  for (const answer of grid.filter((t) => t >= suggest)) {
    const above = scored.filter((r) => !below(r, answer));
    const right = above.filter((r) => r.right).length;
    const wrong = above.length - right;
    const utility = right - WRONG_ANSWER_COST * wrong;
    if (utility > choice.utility) choice = { answer, utility, wrong, right };
  }
  return {
    suggest,
    answer: choice.answer,
    correct: best,
    confidentWrong: choice.wrong,
    answeredRight: choice.right,
  };
}

/** Observed share right per score band: how well the calibration holds on the rows. */
export function reliability(rows: readonly Row[], c: Calibration, bands = 5): string[] {
  const counts = Array.from({ length: bands }, () => ({ n: 0, right: 0, sum: 0 }));
  for (const row of rows.filter((r) => !r.refused)) {
    const score = calibrate(row, c);
    const band = counts[Math.min(bands - 1, Math.floor(score * bands))];
    if (!band) continue;
    band.n += 1;
    band.sum += score;
    if (row.right) band.right += 1;
  }
  return counts.map((band, i) => {
    const range = `${(i / bands).toFixed(1)}–${((i + 1) / bands).toFixed(1)}`;
    if (band.n === 0) return `  score ${range}: geen vragen`;
    const mean = (band.sum / band.n).toFixed(2);
    const share = (band.right / band.n).toFixed(2);
    return `  score ${range}: ${band.n} vragen, gemiddelde score ${mean}, goed ${share}`;
  });
}
