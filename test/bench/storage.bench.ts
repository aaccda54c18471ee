// npm run bench:storage — per-turn read+write time of the lowdb Storage with 1,000 and with
// 100,000 stored conversations, and their ratio (goal: at most 1.3). Figures only; no
// pass/fail, because a stopwatch on a shared machine is not a test.
// The in-memory cache is switched off (cacheSize 0) so every turn reads and writes its file:
// with the cache, 1,000 conversations would all sit in memory and the comparison would measure
// the cache, not whether the file layout scales.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbStorage } from '../../bot/services/storage/lowdb-storage.ts';

const TURNS = 2000;
const key = (n: number): string => `webchat/conversations/bench-${n}`;

async function populate(storage: LowdbStorage, count: number): Promise<void> {
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const changes: Record<string, object> = {};
    for (let n = start; n < Math.min(count, start + batch); n += 1) {
      changes[key(n)] = { dialogState: { step: n % 5 }, flags: { greeted: true } };
    }
    await storage.write(changes);
    if (start % 10_000 === 0) process.stderr.write(`  ${start}/${count} opgeslagen\r`);
  }
  process.stderr.write('\n');
}

/** One turn: read the conversation, change it, write it back with its eTag. */
async function measureTurns(storage: LowdbStorage, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let t = 0; t < TURNS; t += 1) {
    const k = key(Math.floor(Math.random() * count));
    const started = process.hrtime.bigint();
    const item = (await storage.read([k]))[k] ?? {};
    await storage.write({ [k]: { ...item, turn: t } });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

interface Store {
  count: number;
  dir: string;
  storage: LowdbStorage;
  medians: number[];
  p99s: number[];
}

async function openStore(count: number): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), 'bdv-bench-'));
  const storage = new LowdbStorage({ dir, cacheSize: 0 });
  console.error(`vullen met ${count} gesprekken…`);
  await populate(storage, count);
  return { count, dir, storage, medians: [], p99s: [] };
}

const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

// Both stores are filled first and then measured in alternating rounds, so warm-up and
// machine noise fall on both sides alike.
const stores = [await openStore(1_000), await openStore(100_000)];
try {
  for (let round = 0; round < 4; round += 1) {
    for (const store of stores) {
      const times = await measureTurns(store.storage, store.count);
      if (round === 0) continue;
      store.medians.push(percentile(times, 0.5));
      store.p99s.push(percentile(times, 0.99));
    }
  }
  console.log('conversations  median_ms  p99_ms');
  for (const store of stores) {
    console.log(
      `${String(store.count).padEnd(15)}${median(store.medians).toFixed(3).padEnd(11)}` +
        median(store.p99s).toFixed(3),
    );
  }
  const [small, large] = stores.map((store) => median(store.medians));
  console.log(
    `bench:storage: ratio ${((large ?? NaN) / (small ?? NaN)).toFixed(2)} (median per-turn ` +
      'read+write, 100000 vs 1000 conversations; goal <= 1.3)',
  );
} finally {
  await Promise.all(stores.map((store) => rm(store.dir, { recursive: true, force: true })));
}
