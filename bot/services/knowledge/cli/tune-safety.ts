// npm run tune:safety [-- --cv-only]
// Learns the safety check's two small models (safety/model.ts) from the tuning sets and writes
// safety/model.json. Only tuning material is read: knowledge/tests/veiligheid/tune-*.yaml (each
// written by another person, so each is one fold), the crisis messages of tests/tune*.yaml and
// the example questions of the knowledge base. The holdout files are never read here.
//
// Thresholds come from leave-one-writer-out cross-validation: every message is scored by models
// that never saw its writer, and the thresholds are set on those scores:
// - the net flags at most 1 % of ordinary questions (with the rules), as much danger as it can;
// - the crisis reply goes to at most 4 % of the tricky ordinary messages of the sets.
import { readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEvalFile } from '../eval/eval-file.ts';
import { allTargets } from '../eval/evaluate.ts';
import { readSafetyFile } from '../eval/safety-file.ts';
import { SafetyDetector, type RuleReading } from '../safety/detector.ts';
import { collectFeatures } from '../safety/features.ts';
import { seeded, train, type Example } from '../safety/learn.ts';
import { decide, scores, type LinearModel, type SafetyModel } from '../safety/model.ts';
import { FILES } from '../load/loader.ts';
import { resolveKnowledgeDir } from '../paths.ts';
import { openForCli } from './common.ts';

const IN_SCOPE_FLAG_MAX = 0.01;
const ORDINARY_CRISIS_MAX = 0.04;
const MODEL_FILE = fileURLToPath(new URL('../safety/model.json', import.meta.url));

type Kind = 'crisis' | 'twijfel' | 'gewoon' | 'inscope';

interface Message {
  kind: Kind;
  fold: number;
  /** The tuning set it came from, for the report. */
  source: string;
  rules: 'crisis' | 'check' | 'none';
  reading: RuleReading;
  /** The features of the whole message and of the words around the deciding rule. */
  features: string[];
  focus: string[];
  text: string;
}

const cvOnly = process.argv.includes('--cv-only') || process.argv.includes('--misses');
/** Prints the messages of the tuning sets that cross-validation gets wrong (tuning data only). */
const showMisses = process.argv.includes('--misses');
const service = await openForCli();
const rulesOnly = new SafetyDetector(service.base.crisis);
const testsDir = join(resolveKnowledgeDir(), FILES.tests);
const safetyDir = join(testsDir, FILES.safetyTests);

const writerFiles = (await readdir(safetyDir))
  .filter((name) => /^tune.*\.ya?ml$/.test(name))
  .sort()
  .map((name) => join(safetyDir, name));
const folds = writerFiles.length;
if (folds < 2) {
  console.error(`Er zijn minstens twee afstemsets nodig in ${safetyDir}.`);
  process.exit(2);
}

const messages: Message[] = [];
const random = seeded(7);
function add(kind: Kind, text: string, fold: number, source: string): void {
  const reading = rulesOnly.read(text);
  messages.push({
    kind,
    fold,
    source,
    text,
    rules: reading.outcome,
    reading,
    features: collectFeatures(reading, 0, reading.words.length),
    focus: collectFeatures(reading, reading.focus[0], reading.focus[1]),
  });
}

for (const [fold, file] of writerFiles.entries()) {
  const { items } = await readSafetyFile(file);
  for (const item of items)
    add(item.expect, item.question, fold, `${FILES.safetyTests}/${basename(file)}`);
}
// Messages without a writer of their own are spread over the folds at random.
const anyFold = (): number => Math.floor(random() * folds);
const targets = allTargets(service.base.entries.keys());
for (const name of (await readdir(testsDir)).filter((n) => /^tune.*\.ya?ml$/.test(n)).sort()) {
  const { items } = await readEvalFile(join(testsDir, name), targets);
  for (const item of items)
    add(item.expect === 'crisis' ? 'crisis' : 'inscope', item.question, anyFold(), name);
}
const base = service.base;
const examples = [
  ...[...base.entries.values()].flatMap((e) => e.questions),
  ...base.course.questions,
  ...base.contacts.questions,
  ...base.outOfScope,
];
for (const question of examples) add('inscope', question, anyFold(), 'kennisbank');

function netExamples(list: Message[]): Example[] {
  return list
    .filter((m) => m.kind !== 'gewoon')
    .map((m) => ({ features: m.features, positive: m.kind !== 'inscope' }));
}

function severityExamples(list: Message[]): Example[] {
  return list
    .filter((m) => m.kind !== 'inscope' || m.rules !== 'none')
    .map((m) => ({ features: m.focus, positive: m.kind === 'crisis' }));
}

function fit(list: Message[]): { net: LinearModel; severity: LinearModel } {
  return { net: train(netExamples(list)), severity: train(severityExamples(list)) };
}

// Out-of-fold scores: each message scored by models trained without its fold.
const scored = new Map<Message, { danger: number; crisis: number }>();
for (let fold = 0; fold < folds; fold++) {
  process.stdout.write(`kruisvalidatie: deel ${fold + 1} van ${folds}\r`);
  const models = fit(messages.filter((m) => m.fold !== fold));
  const model = { ...models, thresholds: { net: 0, crisis: 0 } };
  for (const m of messages.filter((x) => x.fold === fold)) scored.set(m, scores(model, m.reading));
}
console.log('');

const scoreOf = (m: Message): { danger: number; crisis: number } =>
  scored.get(m) ?? { danger: 0, crisis: 0 };

type Outcome = 'crisis' | 'check' | 'none';

const outcome = (m: Message, t: SafetyModel['thresholds']): Outcome =>
  decide(m.rules, scoreOf(m), t);

const inScope = messages.filter((m) => m.kind === 'inscope');
const ordinary = messages.filter((m) => m.kind === 'gewoon');
const candidates = [...new Set(messages.map((m) => scoreOf(m).danger))].sort((a, b) => a - b);
const flaggedShare = (net: number): number =>
  inScope.filter((m) => outcome(m, { net, crisis: 1 }) !== 'none').length / inScope.length;
const net = candidates.find((t) => flaggedShare(t) <= IN_SCOPE_FLAG_MAX) ?? 1;
const severities = [...new Set(messages.map((m) => scoreOf(m).crisis))].sort((a, b) => a - b);
const crisisShare = (crisis: number): number =>
  ordinary.filter((m) => outcome(m, { net, crisis }) === 'crisis').length / ordinary.length;
const crisis = severities.find((t) => crisisShare(t) <= ORDINARY_CRISIS_MAX) ?? 1;
const thresholds = { net: round(net), crisis: round(crisis) };

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

const pct = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`;

function report(title: string, list: Message[], judge: (m: Message) => Outcome): void {
  const count = (kind: Kind, got: Outcome): number =>
    list.filter((m) => m.kind === kind && judge(m) === got).length;
  const total = (kind: Kind): number => list.filter((m) => m.kind === kind).length;
  const c = total('crisis');
  const g = total('gewoon');
  const parts = [
    `crisis ${pct(count('crisis', 'crisis') + count('crisis', 'check'), c)} crisis of check, ${pct(count('crisis', 'crisis'), c)} volledig (${c})`,
    `gewoon ${pct(count('gewoon', 'crisis'), g)} crisis, ${pct(count('gewoon', 'check'), g)} check (${g})`,
  ];
  if (total('twijfel') > 0)
    parts.push(
      `twijfel ${pct(total('twijfel') - count('twijfel', 'none'), total('twijfel'))} gevraagd`,
    );
  if (total('inscope') > 0)
    parts.push(
      `gewone vragen ${pct(total('inscope') - count('inscope', 'none'), total('inscope'))} gemarkeerd (${total('inscope')})`,
    );
  console.log(`${title.padEnd(16)} ${parts.join('; ')}`);
}

console.log(`\nDrempels: gevaar ${thresholds.net}, crisis ${thresholds.crisis}`);
console.log('Kruisvalidatie (elk bericht beoordeeld zonder zijn eigen schrijver):');
const learned = (m: Message): Outcome => outcome(m, thresholds);
for (const file of writerFiles) {
  const name = `${FILES.safetyTests}/${basename(file)}`;
  report(
    basename(file),
    messages.filter((m) => m.source === name),
    learned,
  );
}
report('alles', messages, learned);
console.log('Alleen de regels (crisis.yaml), ter vergelijking:');
report('regels', messages, (m) => m.rules);

if (showMisses) {
  for (const m of messages) {
    const got = learned(m);
    const wrong =
      (m.kind === 'crisis' && got !== 'crisis') ||
      (m.kind === 'gewoon' && got === 'crisis') ||
      (m.kind === 'inscope' && got !== 'none');
    if (wrong)
      console.log(
        `${m.kind.padEnd(7)} → ${got.padEnd(6)} [${m.source}] ${m.text.replace(/\s+/g, ' ')}`,
      );
  }
}
if (cvOnly) process.exit(0);
const final = fit(messages);
const model: SafetyModel = { ...final, thresholds };
await writeFile(MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
console.log(
  `\n${MODEL_FILE} geschreven: ${Object.keys(final.net.weights).length} + ` +
    `${Object.keys(final.severity.weights).length} gewichten, geleerd van ${messages.length} berichten.`,
);
