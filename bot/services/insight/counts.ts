import { addDays } from '../time/amsterdam.ts';
import { updateDocument, type DocumentStore } from '../storage/document-store.ts';

// Counts per day (Amsterdam time), with no text and nothing about who: one small document per
// day, "insight/days/2026-12-06", shared by every instance. Counts are gathered for a second
// and written together (and counts that arrive during a write go in the next one), so a busy
// hour costs one write a second, not one per message.

export const COUNTERS = [
  'conversations',
  'answered',
  'suggested',
  'refused',
  'crisis',
  'safetyCheck',
  'contactRequests',
  'registrations',
  'helped',
  'notHelped',
] as const;
export type Counter = (typeof COUNTERS)[number];

export interface EntryCounts {
  answered: number;
  helped: number;
  notHelped: number;
}

export interface DayCounts {
  day: string;
  totals: Record<Counter, number>;
  entries: Record<string, EntryCounts>;
}

const PREFIX = 'insight/days';

export function emptyTotals(): Record<Counter, number> {
  return Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
}

function emptyDay(day: string): DayCounts {
  return { day, totals: emptyTotals(), entries: {} };
}

function emptyEntry(): EntryCounts {
  return { answered: 0, helped: 0, notHelped: 0 };
}

function addInto(target: DayCounts, extra: DayCounts): DayCounts {
  const out: DayCounts = structuredClone(target);
  for (const counter of COUNTERS) out.totals[counter] += extra.totals[counter];
  for (const [id, counts] of Object.entries(extra.entries)) {
    const entry = (out.entries[id] ??= emptyEntry());
    entry.answered += counts.answered;
    entry.helped += counts.helped;
    entry.notHelped += counts.notHelped;
  }
  return out;
}

/** Fills in anything missing in a stored document (an older or a damaged one). */
function normalise(day: string, value: Partial<DayCounts> | undefined): DayCounts {
  const base = emptyDay(day);
  if (!value) return base;
  for (const counter of COUNTERS) {
    const n = value.totals?.[counter];
    if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) base.totals[counter] = n;
  }
  for (const [id, counts] of Object.entries(value.entries ?? {})) {
    base.entries[id] = { ...emptyEntry(), ...counts };
  }
  return base;
}

export class InsightCounts {
  private readonly store: DocumentStore;
  private readonly waiting = new Map<string, DayCounts>();
  private readonly writers = new Map<string, Promise<void>>();
  private readonly onError: (error: unknown) => void;
  private readonly gatherMs: number;

  constructor(store: DocumentStore, onError: (error: unknown) => void, gatherMs = 1000) {
    this.store = store;
    this.onError = onError;
    this.gatherMs = gatherMs;
  }

  add(day: string, counter: Counter, entryId?: string): void {
    const batch = this.waiting.get(day) ?? emptyDay(day);
    batch.totals[counter] += 1;
    if (
      entryId !== undefined &&
      (counter === 'answered' || counter === 'helped' || counter === 'notHelped')
    ) {
      const entry = (batch.entries[entryId] ??= emptyEntry());
      entry[counter] += 1;
    }
    this.waiting.set(day, batch);
    if (!this.writers.has(day)) this.writers.set(day, this.drain(day));
  }

  /** The stored days from `from` to `to` (inclusive), missing days as zeros. */
  async range(from: string, to: string): Promise<DayCounts[]> {
    const days: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
    const loaded = await Promise.all(days.map((day) => this.store.read<DayCounts>(this.key(day))));
    return days.map((day, i) => normalise(day, loaded[i]?.value));
  }

  /** Removes the days before `cutoff`; returns how many went. */
  async purgeBefore(cutoff: string): Promise<number> {
    const keys = await this.store.list(`${PREFIX}/`);
    const old = keys.filter((key) => key.slice(PREFIX.length + 1) < cutoff);
    for (const key of old) await this.store.delete(key);
    return old.length;
  }

  async idle(): Promise<void> {
    while (this.writers.size > 0) await Promise.all([...this.writers.values()]);
  }

  private async drain(day: string): Promise<void> {
    try {
      await new Promise((resolve) => setTimeout(resolve, this.gatherMs));
      for (;;) {
        const batch = this.waiting.get(day);
        if (!batch) return;
        this.waiting.delete(day);
        await updateDocument<DayCounts>(this.store, this.key(day), (current) =>
          addInto(normalise(day, current), batch),
        ).catch(this.onError);
      }
    } finally {
      this.writers.delete(day);
    }
  }

  private key(day: string): string {
    return `${PREFIX}/${day}`;
  }
}
