import { relative } from 'node:path';

export type Severity = 'fout' | 'waarschuwing';

/**
 * `lezen`: the file could not be read as it stands (an invisible character, a tab, YAML
 * syntax, a missing `---`, an old format). Such a problem is the cause of whatever else goes
 * wrong, so it is shown first. `inhoud`: the file was read; a value or a reference is wrong.
 */
export type Stage = 'lezen' | 'inhoud';

/** One problem in one knowledge file, in plain Dutch, with where and how to fix it. */
export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: Severity;
  stage: Stage;
  message: string;
  hint: string;
  /** The offending line as it is in the file, for the compiler-style report. */
  source?: string;
  length?: number;
  /** A reference to this id, which does not exist: references are folded per id. */
  missing?: string;
  /** Lines after the hint: what this problem also caused (folded consequences). */
  notes?: string[];
}

export interface Position {
  line: number;
  column: number;
}

export interface ReportExtras {
  length?: number;
  stage?: Stage;
  missing?: string;
}

/** A diagnostics list that knows the file and its lines, so callers only give a position. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lines: Map<string, string[]> = new Map();

  addSource(file: string, text: string): void {
    this.lines.set(file, text.split(/\r?\n/));
  }

  report(
    severity: Severity,
    file: string,
    at: Position,
    message: string,
    hint: string,
    extras: ReportExtras = {},
  ): void {
    const source = this.lines.get(file)?.[at.line - 1];
    this.diagnostics.push({
      file,
      ...at,
      severity,
      stage: extras.stage ?? 'inhoud',
      message,
      hint,
      length: extras.length ?? 1,
      ...(source === undefined ? {} : { source }),
      ...(extras.missing === undefined ? {} : { missing: extras.missing }),
    });
  }

  error(file: string, at: Position, message: string, hint: string, length = 1): void {
    this.report('fout', file, at, message, hint, { length });
  }

  warn(file: string, at: Position, message: string, hint: string, length = 1): void {
    this.report('waarschuwing', file, at, message, hint, { length });
  }

  /** The file cannot be read as it stands: shown before anything else. */
  unreadable(file: string, at: Position, message: string, hint: string, length = 1): void {
    this.report('fout', file, at, message, hint, { length, stage: 'lezen' });
  }

  /** A reference to an id that does not exist; the report folds these per id. */
  missing(
    severity: Severity,
    file: string,
    at: Position,
    id: string,
    message: string,
    hint: string,
  ): void {
    this.report(severity, file, at, message, hint, { length: id.length, missing: id });
  }
}

export function errorCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'fout').length;
}

const STAGE_ORDER: Record<Stage, number> = { lezen: 0, inhoud: 1 };

/** Reading problems first (they are the cause), then by file, line and column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/**
 * Like a compiler:
 *   knowledge/entries/x.md:12:3: fout: wat er mis is
 *      12 |   - de regel
 *         |   ^^^
 *     hoe u het oplost
 */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const head = `${relative(cwd, d.file) || d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
  const lines = [head];
  if (d.source !== undefined) {
    const gutter = String(d.line);
    const shown = d.source.replace(/\t/g, ' ');
    const caret = ' '.repeat(Math.max(0, d.column - 1)) + '^'.repeat(Math.max(1, d.length ?? 1));
    lines.push(`  ${gutter} | ${shown}`, `  ${' '.repeat(gutter.length)} | ${caret}`);
  }
  lines.push(`  ${d.hint}`);
  for (const note of d.notes ?? []) lines.push(`  ${note}`);
  return lines.join('\n');
}

/** For logs: where and what, never the file's text. */
export function logFields(d: Diagnostic, cwd = process.cwd()): object {
  return {
    file: relative(cwd, d.file) || d.file,
    line: d.line,
    column: d.column,
    problem: d.message,
  };
}
