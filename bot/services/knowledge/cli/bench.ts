// npm run bench:kb — match time (median, p99), index build time and the index's memory for the
// real knowledge base and for a synthetic base of 2,000 entries. Goals: p99 < 5 ms at 2,000,
// and at most 30 MB for the real base's index. The memory is what the index keeps after a
// full garbage collection: the JavaScript heap plus the typed arrays' buffers, which live
// outside it.
// Then the safety check on messages of 4,000 characters (goal: p99 < 1 ms), beside the cost of
// only lower-casing and splitting the same text, measured in the same run.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadKnowledge } from '../load/loader.ts';
import { Matcher } from '../match/matcher.ts';
import { resolveKnowledgeDir } from '../paths.ts';
import { SAFETY_MODEL } from '../safety/model.ts';
import { normalizeText } from '../text/normalize.ts';
import { TUNING } from '../tuning.ts';
import type { KnowledgeBase } from '../types.ts';
import { queriesFrom, Random, syntheticBase } from './bench-data.ts';

const SYNTHETIC_ENTRIES = 2000;
const QUERIES = 5000;
const GOAL_P99_MS = 5;
const GOAL_INDEX_MB = 30;
const SAFETY_CHARS = 4000;
const SAFETY_MESSAGES = 2000;
const SAFETY_GOAL_P99_MS = 1;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Row {
  name: string;
  entries: number;
  buildMs: number;
  indexMb: number;
  medianMs: number;
  p99Ms: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Heap plus typed-array buffers after a full garbage collection. */
function kept(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function measure(name: string, base: KnowledgeBase): Row {
  const before = kept();
  const started = performance.now();
  const matcher = new Matcher(base, TUNING, SAFETY_MODEL);
  const buildMs = performance.now() - started;
  const indexMb = (kept() - before) / 1024 / 1024;
  const queries = queriesFrom(base, QUERIES, new Random(42));
  for (const query of queries.slice(0, 500)) matcher.match(query); // warm up the JIT
  const times = queries.map((query) => {
    const t = performance.now();
    matcher.match(query);
    return performance.now() - t;
  });
  times.sort((a, b) => a - b);
  return {
    name,
    entries: base.entries.size,
    buildMs,
    indexMb,
    medianMs: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
  };
}

const loaded = await loadKnowledge(resolveKnowledgeDir());
if (!loaded.base) {
  console.error('De kennisbank heeft fouten; draai eerst npm run kb:check.');
  process.exit(1);
}
const rows = [
  measure('echte kennisbank', loaded.base),
  measure('synthetisch', syntheticBase(loaded.base, SYNTHETIC_ENTRIES, new Random(7))),
];

const header = ['basis', 'onderwerpen', 'bouw (ms)', 'index (MB)', 'mediaan (ms)', 'p99 (ms)'];
const table = rows.map((r) => [
  r.name,
  String(r.entries),
  r.buildMs.toFixed(0),
  r.indexMb.toFixed(1),
  r.medianMs.toFixed(3),
  r.p99Ms.toFixed(3),
]);
const widths = header.map((h, i) =>
  Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)),
);
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
const real = rows[0];
if (real) {
  console.log(
    `\nIndex van de echte kennisbank: ` +
      `${real.indexMb.toFixed(1)} MB (doel ≤ ${GOAL_INDEX_MB} MB: ${real.indexMb <= GOAL_INDEX_MB ? 'gehaald' : 'NIET gehaald'}).`,
  );
}
const synthetic = rows[1];
if (synthetic) {
  const ok = synthetic.p99Ms < GOAL_P99_MS;
  console.log(
    `Samenvatting: p99 bij ${synthetic.entries} onderwerpen is ${synthetic.p99Ms.toFixed(2)} ms over ${QUERIES} vragen ` +
      `(doel < ${GOAL_P99_MS} ms: ${ok ? 'gehaald' : 'NIET gehaald'}).`,
  );
}

/**
 * Messages of 4,000 characters made of the knowledge base's own example questions, every
 * tenth with a crisis sentence somewhere in it, so the check walks real Dutch.
 */
function longMessages(base: KnowledgeBase): string[] {
  const random = new Random(11);
  const pool = queriesFrom(base, 4000, random);
  const messages: string[] = [];
  for (let m = 0; m < SAFETY_MESSAGES; m++) {
    let text = '';
    while (text.length < SAFETY_CHARS) text += `${pool[random.int(pool.length)] ?? ''}. `;
    if (m % 10 === 0) {
      const at = random.int(SAFETY_CHARS - 100);
      text = `${text.slice(0, at)} en nu staat hij voor mijn deur met een mes. ${text.slice(at)}`;
    }
    messages.push(text.slice(0, SAFETY_CHARS));
  }
  return messages;
}

function timed(messages: readonly string[], work: (text: string) => unknown): number[] {
  for (const text of messages.slice(0, 200)) work(text); // warm up the JIT
  const times = messages.map((text) => {
    const t = performance.now();
    work(text);
    return performance.now() - t;
  });
  return times.sort((a, b) => a - b);
}

const safetyMatcher = new Matcher(loaded.base, TUNING, SAFETY_MODEL);
const messages = longMessages(loaded.base);
const baseline = timed(messages, (text) => normalizeText(text).split(' '));
const safety = timed(messages, (text) => safetyMatcher.safety(text));
const p99 = percentile(safety, 0.99);
console.log(
  `\nVeiligheidscheck, ${SAFETY_MESSAGES} berichten van ${SAFETY_CHARS} tekens: mediaan ` +
    `${percentile(safety, 0.5).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms ` +
    `(doel < ${SAFETY_GOAL_P99_MS} ms: ${p99 < SAFETY_GOAL_P99_MS ? 'gehaald' : 'NIET gehaald'}); ` +
    `${(percentile(safety, 0.5) / percentile(baseline, 0.5)).toFixed(1)} keer de tijd van alleen ` +
    `kleine letters maken en splitsen (mediaan ${percentile(baseline, 0.5).toFixed(3)} ms).`,
);
