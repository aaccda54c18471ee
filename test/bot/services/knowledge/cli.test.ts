import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { copyFixture, FIXTURE, removeDir, REPO } from './helpers.ts';

const exec = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the knowledge CLIs against the fixture knowledge folder. */
async function cli(script: string, args: string[], knowledgeDir = FIXTURE): Promise<Outcome> {
  const options = { cwd: REPO, env: { ...process.env, KNOWLEDGE_DIR: knowledgeDir } };
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      [`bot/services/knowledge/cli/${script}`, ...args],
      options,
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('knowledge command-line tools', function () {
  this.timeout(20000);
  let dir: string;
  before(async () => {
    dir = await copyFixture();
  });
  after(async () => {
    await removeDir(dir);
  });

  it('ask prints the match as JSON', async () => {
    const { code, stdout } = await cli('ask.ts', [
      'mijn',
      'chef',
      'pest',
      'me',
      'in',
      'de',
      'groepsapp',
    ]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(result), [
      'safety',
      'target',
      'score',
      'title',
      'decision',
      'alternatives',
    ]);
    assert.deepEqual(result.safety, { outcome: 'none', signals: [] });
    assert.equal(result.target, 'digitaal-pesten');
  });

  it('ask shows why the safety check asks first, without the message', async () => {
    const { stdout } = await cli('ask.ts', ['ik', 'kan', 'niet', 'meer']);
    const result = JSON.parse(stdout) as { safety: { outcome: string; reason: string } };
    assert.equal(result.safety.outcome, 'check');
    assert.match(result.safety.reason, /wanhoop/);
  });

  it('eval lists misses and accuracy per target, ends with the accuracy, and has --json', async () => {
    const file = join(dir, 'mixed.yaml');
    await writeFile(
      file,
      '- question: ik wil dood\n  expect: crisis\n- question: wat kost de cursus\n  expect: geheimhouding\n',
    );
    const [text, json] = await Promise.all([
      cli('eval.ts', [file]),
      cli('eval.ts', [join(FIXTURE, 'tests', 'fixture.yaml'), '--json']),
    ]);
    assert.equal(text.code, 0);
    assert.match(
      text.stdout,
      /^MIS {2}verwacht geheimhouding, kreeg course \(\d\.\d\d\) : wat kost de cursus$/m,
    );
    assert.match(text.stdout, /crisis\s+1\/1/);
    assert.equal(text.stdout.trim().split('\n').pop(), 'accuracy: 0.500 (1/2)');
    assert.equal(json.code, 0);
    const summary = JSON.parse(json.stdout) as {
      total: number;
      correct: number;
      byExpect: object;
      results: unknown[];
    };
    assert.equal(summary.total, 6);
    assert.equal(summary.results.length, 6);
    assert.ok('crisis' in summary.byExpect);
  });

  it('eval exits 2 with a clear message for an invalid or unreadable file', async () => {
    const cases = [
      ['list.yaml', 'question: x\nexpect: fallback\n', /moet een lijst zijn/],
      ['expect.yaml', '- question: x\n', /"\[1\]\.expect" ontbreekt/],
      ['target.yaml', '- question: x\n  expect: weer\n', /onbekend doel "weer"/],
    ] as const;
    for (const [name, content] of cases) await writeFile(join(dir, name), content);
    const outcomes = await Promise.all([
      ...cases.map(([name]) => cli('eval.ts', [join(dir, name)])),
      cli('eval.ts', [join(dir, 'bestaat-niet.yaml')]),
    ]);
    const messages = [...cases.map(([, , message]) => message), /Kan .* niet lezen/];
    outcomes.forEach((outcome, i) => {
      assert.equal(outcome.code, 2, outcome.stderr);
      assert.match(outcome.stderr, messages[i] ?? /./);
    });
  });
});
