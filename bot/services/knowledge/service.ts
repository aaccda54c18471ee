import { relative, sep } from 'node:path';
import {
  errorCount,
  formatDiagnostic,
  logFields,
  sortDiagnostics,
  type Diagnostic,
} from './check/diagnostics.ts';
import { contentHash } from './fingerprint.ts';
import { formatGoLive, goLiveWarnings, type GoLiveWarning } from './go-live.ts';
import { loadKnowledge } from './load/loader.ts';
import { Matcher } from './match/matcher.ts';
import type { SafetyResult } from './safety/detector.ts';
import { SAFETY_MODEL, type SafetyModel } from './safety/model.ts';
import { TUNING, type Tuning } from './tuning.ts';
import type { Alternative, KnowledgeBase, KnowledgeLogger, MatchResult } from './types.ts';
import { FolderWatcher } from './watch.ts';

export { PLACEHOLDER, displayValue, isPlaceholder } from './placeholder.ts';
export { resolveKnowledgeDir } from './paths.ts';
export type { SafetyResult } from './safety/detector.ts';

export interface KnowledgeServiceOptions {
  dir: string;
  logger: KnowledgeLogger;
  watch?: boolean;
  /** 0 (default): file events. More: poll every file this often, in ms (network shares). */
  pollMs?: number;
  /** Production: what must be settled before going live (go-live.ts) stops the first load
   *  and keeps a reload from replacing the version that runs. */
  live?: boolean;
  tuning?: Tuning;
  /** The learned part of the safety check; the shipped model by default. */
  safetyModel?: SafetyModel;
  debounceMs?: number;
}

export interface ReloadEvent {
  ok: boolean;
  errors: number;
}

/** One problem of a failed reload, for the workspace: where and what, without the hint. */
export interface ReloadProblem {
  file: string;
  line: number;
  message: string;
}

/** What the workspace shows about the knowledge base this instance has loaded. */
export interface KnowledgeStatus {
  dir: string;
  entries: number;
  hash: string;
  loadedAt: Date;
  /** The last reload after a file change, if any; a failed one left the version above. */
  lastReload: { at: Date; ok: boolean; errors: number; problems: ReloadProblem[] } | undefined;
  /** How this instance follows the folder: not at all, by file events, or by polling. */
  watch: { mode: 'uit' | 'gebeurtenissen' | 'peilen'; pollMs: number };
  /** Production: what go-live.ts lists keeps a reload from being used. */
  live: boolean;
}

/** Thrown by the first load in production when the files are not ready to go live. */
export class KnowledgeNotLiveError extends Error {
  readonly warnings: GoLiveWarning[];
  constructor(dir: string, warnings: GoLiveWarning[]) {
    super(
      `De kennisbank in ${dir} is niet klaar voor livegang (NODE_ENV=production): ` +
        `${warnings.length} punt(en).\n` +
        `${warnings.map((w) => `  ${formatGoLive(w, dir, dir)}`).join('\n')}\n` +
        'Vul ze in of los ze op (controleer met: npm run kb:check -- --live) en start opnieuw.',
    );
    this.name = 'KnowledgeNotLiveError';
    this.warnings = warnings;
  }
}

/** Thrown by the first load only; later broken edits keep the last good version. */
export class KnowledgeLoadError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(dir: string, diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'fout');
    super(
      `De kennisbank in ${dir} heeft ${errors.length} fout(en); de bot kan niet starten.\n` +
        `${errors.map((d) => formatDiagnostic(d)).join('\n\n')}\n` +
        'Los de fouten op (controleer met: npm run kb:check) en start opnieuw.',
    );
    this.name = 'KnowledgeLoadError';
    this.diagnostics = diagnostics;
  }
}

const MAX_LOGGED_PROBLEMS = 20;

interface Snapshot {
  base: KnowledgeBase;
  matcher: Matcher;
  hash: string;
}

export class KnowledgeService {
  private readonly dir: string;
  private readonly logger: KnowledgeLogger;
  private readonly watchEnabled: boolean;
  private readonly pollMs: number;
  private readonly live: boolean;
  private readonly tuning: Tuning;
  private readonly safetyModel: SafetyModel;
  private readonly debounceMs: number;
  private readonly listeners = new Set<(event: ReloadEvent) => void>();
  private snapshot: Snapshot | undefined;
  private watcher: FolderWatcher | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private lastReload: KnowledgeStatus['lastReload'];

  constructor(options: KnowledgeServiceOptions) {
    this.dir = options.dir;
    this.logger = options.logger;
    this.watchEnabled = options.watch ?? false;
    this.pollMs = options.pollMs ?? 0;
    this.live = options.live ?? false;
    this.tuning = options.tuning ?? TUNING;
    this.safetyModel = options.safetyModel ?? SAFETY_MODEL;
    this.debounceMs = options.debounceMs ?? 150;
  }

  static async open(options: KnowledgeServiceOptions): Promise<KnowledgeService> {
    const service = new KnowledgeService(options);
    await service.load();
    return service;
  }

  /** Loads the folder; throws a readable KnowledgeLoadError when this first version is
   *  invalid (KnowledgeNotLiveError in production when it is not ready to go live). Resolves
   *  once the folder is watched, so no save after it is missed. */
  async load(): Promise<void> {
    const started = performance.now();
    const result = await loadKnowledge(this.dir);
    if (!result.base) throw new KnowledgeLoadError(this.dir, sortDiagnostics(result.diagnostics));
    if (this.live) {
      const warnings = await goLiveWarnings(this.dir, result.base);
      if (warnings.length > 0) throw new KnowledgeNotLiveError(this.dir, warnings);
    }
    this.snapshot = this.snapshotOf(result.base);
    this.logger.info(
      { entries: this.entryCount, ms: Math.round(performance.now() - started) },
      'kennisbank geladen',
    );
    if (this.watchEnabled && !this.watcher) {
      this.watcher = new FolderWatcher({
        dir: this.dir,
        debounceMs: this.debounceMs,
        pollMs: this.pollMs,
        onChange: () => this.scheduleReload(),
        onError: (error) =>
          this.logger.error(
            { errorType: error instanceof Error ? error.name : typeof error },
            'kennisbank: map bewaken mislukt',
          ),
      });
      await this.watcher.ready;
    }
  }

  /** Reloads now; resolves when done. Invalid content keeps the last good version, and so
   *  does content that is not ready to go live in production. */
  async reload(): Promise<ReloadEvent> {
    const result = await loadKnowledge(this.dir);
    const failures = result.diagnostics.filter((d) => d.severity === 'fout');
    let problems: ReloadProblem[] = failures.map((d) => ({
      file: relative(this.dir, d.file).split(sep).join('/'),
      line: d.line,
      message: d.message,
    }));
    let errors = errorCount(result.diagnostics);
    const notLive =
      result.base && this.live ? await goLiveWarnings(this.dir, result.base) : undefined;
    if (notLive && notLive.length > 0) {
      errors = notLive.length;
      problems = notLive.map((w) => ({ file: w.file, line: w.line ?? 1, message: w.message }));
    }
    const ok = result.base !== undefined && errors === 0;
    if (ok && result.base) {
      this.snapshot = this.snapshotOf(result.base);
      this.logger.info({ entries: this.entryCount }, 'kennisbank herladen');
    } else {
      this.logger.error(
        {
          errors,
          problems: notLive?.length
            ? problems.slice(0, MAX_LOGGED_PROBLEMS)
            : failures.slice(0, MAX_LOGGED_PROBLEMS).map((d) => logFields(d)),
        },
        notLive?.length
          ? 'kennisbank niet herladen: niet klaar voor livegang; de vorige versie blijft actief'
          : 'kennisbank niet herladen: fouten gevonden; de vorige versie blijft actief',
      );
    }
    const event = { ok, errors };
    this.lastReload = {
      at: new Date(),
      ok,
      errors,
      problems: problems.slice(0, MAX_LOGGED_PROBLEMS),
    };
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Called after every reload that a file change caused (tests and diagnostics). */
  onReload(listener: (event: ReloadEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private scheduleReload(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.reload()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.error(
          { errorType: error instanceof Error ? error.name : typeof error },
          'kennisbank: herladen mislukt',
        );
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.scheduleReload();
        }
      });
  }

  private get current(): Snapshot {
    if (!this.snapshot)
      throw new Error('KnowledgeService: call load() before using the knowledge base');
    return this.snapshot;
  }

  /** Safety first, always; then the best entry or route. */
  match(text: string): MatchResult {
    return this.current.matcher.match(text);
  }

  /** Only the safety check: the router runs it on every message, whole, before anything. */
  safety(text: string): SafetyResult {
    return this.current.matcher.safety(text);
  }

  /** The answer, suggestion or fallback without the safety check (the router did that). */
  route(text: string): MatchResult {
    return this.current.matcher.route(text);
  }

  /** The last good version. */
  get base(): KnowledgeBase {
    return this.current.base;
  }

  /** The top candidates with calibrated scores, whatever the decision (the workspace's
   *  "Probeer een vraag"); the crisis check is separate (`isCrisis`). */
  ranked(text: string, limit = 3): Alternative[] {
    return this.current.matcher.top(text, limit);
  }

  status(): KnowledgeStatus {
    const { base, hash } = this.current;
    return {
      dir: this.dir,
      entries: base.entries.size,
      hash,
      loadedAt: base.loadedAt,
      lastReload: this.lastReload,
      watch: {
        mode: !this.watchEnabled ? 'uit' : this.pollMs > 0 ? 'peilen' : 'gebeurtenissen',
        pollMs: this.pollMs,
      },
      live: this.live,
    };
  }

  private snapshotOf(base: KnowledgeBase): Snapshot {
    return {
      base,
      matcher: new Matcher(base, this.tuning, this.safetyModel),
      hash: contentHash(base),
    };
  }

  get entryCount(): number {
    return this.snapshot?.base.entries.size ?? 0;
  }

  /** Stops watching the folder; resolves when the watcher has let go of it. */
  async close(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.close();
  }
}
