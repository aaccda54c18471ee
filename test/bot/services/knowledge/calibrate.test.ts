import assert from 'node:assert/strict';
import {
  chooseThresholds,
  fitCalibration,
  type Row,
} from '../../../../bot/services/knowledge/eval/calibrate.ts';
import { calibrate } from '../../../../bot/services/knowledge/match/matcher.ts';

// With this calibration a row's score is σ(raw): rows can be placed at any score.
const IDENTITY = { bias: 0, raw: 1, margin: 0, evidence: 0, coverage: 0 };
const logit = (p: number) => Math.log(p / (1 - p));
const rows = (count: number, score: number, right: boolean, outOfScope = false): Row[] =>
  Array.from({ length: count }, () => ({
    raw: logit(score),
    margin: 0,
    evidence: 0,
    coverage: 0,
    right,
    outOfScope,
  }));

describe('choosing the answer and suggest thresholds', () => {
  const table = [
    ...rows(20, 0.95, true),
    // A band where one answer in eight would be wrong: too many to answer directly.
    ...rows(7, 0.78, true),
    ...rows(1, 0.78, false),
    ...rows(10, 0.1, false, true),
  ];

  it('answers directly only where wrong answers are rare, and offers the rest as choices', () => {
    const t = chooseThresholds(table, IDENTITY);
    assert.ok(t.answer > 0.78 && t.answer <= 0.95, `answer threshold ${t.answer}`);
    assert.ok(t.suggest <= 0.78 && t.suggest > 0.1, `suggest threshold ${t.suggest}`);
    assert.equal(t.confidentWrong, 0);
    assert.equal(t.correct, 37, '27 right top candidates kept and 10 out-of-scope refused');
  });

  it('keeps refusing the required share of out-of-scope questions', () => {
    const risky = [...table, ...rows(10, 0.6, false, true)];
    const t = chooseThresholds(risky, IDENTITY, 0.9);
    assert.ok(t.suggest > 0.6, `suggest threshold ${t.suggest} refuses the out-of-scope at 0.6`);
  });
});

describe('fitting the calibration', () => {
  it('gives higher scores where the top candidate was more often right', () => {
    const table = [
      ...rows(30, 0.9, true),
      ...rows(3, 0.9, false),
      ...rows(10, 0.3, true),
      ...rows(20, 0.3, false),
    ];
    const fitted = fitCalibration(table);
    const high = calibrate({ raw: logit(0.9), margin: 0, evidence: 0, coverage: 0 }, fitted);
    const low = calibrate({ raw: logit(0.3), margin: 0, evidence: 0, coverage: 0 }, fitted);
    assert.ok(Math.abs(high - 30 / 33) < 0.05, `score at the high band ${high}`);
    assert.ok(Math.abs(low - 10 / 30) < 0.05, `score at the low band ${low}`);
  });
});
