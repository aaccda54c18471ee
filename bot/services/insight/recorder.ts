import { describeError, type Logger } from '../logger.ts';
import { localDay } from '../time/amsterdam.ts';
import type { InsightCounts } from './counts.ts';
import type { WordList } from './dutch-words.ts';
import type { AskedQuestion, ConversationEvents } from './events.ts';
import type { QuestionKind, QuestionStore } from './questions.ts';
import { scrubQuestion } from './scrub.ts';
import { TextSealer } from './sealed-text.ts';

/** Keeping questions needs a key to seal them and the Dutch word list to scrub them. */
export interface QuestionKeeping {
  store: QuestionStore;
  sealer: TextSealer;
  words: Promise<WordList>;
  /** The knowledge base's own words, for the version loaded now. */
  vocabulary: () => ReadonlySet<string>;
  /** At most this many kept per day by one instance, so a flood cannot fill the storage. */
  maxPerDay?: number;
}

export interface InsightRecorderDeps {
  counts: InsightCounts;
  /** Undefined: only counts (no RECORDS_KEY, or no workspace to read them in). */
  keeping: QuestionKeeping | undefined;
  logger: Logger;
  now?: () => Date;
}

/** Longer questions are cut: the start says what it is about, and less text is less risk. */
export const MAX_KEPT_CHARS = 500;
const DEFAULT_MAX_PER_DAY = 500;

/**
 * The router's events turned into insight. Nothing here ever delays or fails a turn: counts and
 * questions are written in the background and a failure is logged (without any text).
 */
export class InsightRecorder implements ConversationEvents {
  private readonly deps: InsightRecorderDeps;
  private readonly pending = new Set<Promise<void>>();
  private words: WordList | undefined;
  private keptToday = { day: '', count: 0 };

  constructor(deps: InsightRecorderDeps) {
    this.deps = deps;
    deps.keeping?.words.then(
      (words) => (this.words = words),
      (error: unknown) => deps.logger.error(describeError(error), 'insight: word list not loaded'),
    );
  }

  /** Resolves once the word list is there (tests; at start it loads in the background). */
  async ready(): Promise<void> {
    if (this.deps.keeping) this.words = await this.deps.keeping.words;
  }

  /** Whether questions are kept at all (shown in the workspace). */
  get keepsQuestions(): boolean {
    return this.deps.keeping !== undefined;
  }

  conversationStarted(): void {
    this.count('conversations');
  }

  answered(entryId: string, question: AskedQuestion): string | undefined {
    this.count('answered', entryId);
    const keeping = this.deps.keeping;
    if (!keeping || !this.words) return undefined;
    try {
      return TextSealer.pack(keeping.sealer.seal(this.scrub(question, this.words)));
    } catch (error) {
      this.deps.logger.error(describeError(error), 'insight: question not sealed');
      return undefined;
    }
  }

  suggested(closestEntryId: string, question: AskedQuestion): void {
    this.count('suggested');
    this.keep('suggested', closestEntryId, question);
  }

  refused(closestEntryId: string | undefined, question: AskedQuestion): void {
    this.count('refused');
    this.keep('refused', closestEntryId, question);
  }

  crisis(): void {
    this.count('crisis');
  }

  safetyCheck(): void {
    this.count('safetyCheck');
  }

  contactRequest(): void {
    this.count('contactRequests');
  }

  registration(): void {
    this.count('registrations');
  }

  feedback(entryId: string, helped: boolean, note?: string): void {
    this.count(helped ? 'helped' : 'notHelped', entryId);
    const keeping = this.deps.keeping;
    const sealed = note === undefined ? undefined : TextSealer.unpack(note);
    if (helped || !keeping || !sealed || !this.underDailyCap()) return;
    this.track(
      keeping.store
        .add({ day: this.today(), kind: 'notHelped', closest: entryId, text: sealed })
        .then(() => undefined),
    );
  }

  /** Resolves when every count and question handed over so far is written (or failed). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    await this.deps.counts.idle();
  }

  private count(counter: Parameters<InsightCounts['add']>[1], entryId?: string): void {
    this.deps.counts.add(this.today(), counter, entryId);
  }

  private keep(kind: QuestionKind, closest: string | undefined, question: AskedQuestion): void {
    const keeping = this.deps.keeping;
    if (!keeping || !this.underDailyCap()) return;
    const day = this.today();
    this.track(
      (async () => {
        const text = this.scrub(question, await keeping.words);
        await keeping.store.add({
          day,
          kind,
          ...(closest === undefined ? {} : { closest }),
          text: keeping.sealer.seal(text),
        });
      })(),
    );
  }

  private scrub(question: AskedQuestion, words: WordList): string {
    const keeping = this.deps.keeping;
    const scrubbed = scrubQuestion(question.text, {
      words,
      vocabulary: keeping?.vocabulary() ?? new Set(),
      names: question.names,
    });
    return scrubbed.length > MAX_KEPT_CHARS ? `${scrubbed.slice(0, MAX_KEPT_CHARS)}…` : scrubbed;
  }

  private underDailyCap(): boolean {
    const day = this.today();
    if (this.keptToday.day !== day) this.keptToday = { day, count: 0 };
    this.keptToday.count += 1;
    return this.keptToday.count <= (this.deps.keeping?.maxPerDay ?? DEFAULT_MAX_PER_DAY);
  }

  private today(): string {
    return localDay((this.deps.now ?? (() => new Date()))());
  }

  private track(work: Promise<void>): void {
    const run = work
      .catch((error: unknown) => {
        this.deps.logger.error(describeError(error), 'insight: question not kept');
      })
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }
}
