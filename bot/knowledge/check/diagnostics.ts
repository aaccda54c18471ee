import { relative } from 'node:path';

export type Severity = 'fout' | 'waarschuwing';

/** One problem in one knowledge file, in plain Dutch, with where and how to fix it. */
export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: Severity;
  message: string;
  hint: string;
  /** The offending line as it is in the file, for the compiler-style report. */
  source?: string;
  length?: number;
}

export interface Position {
  line: number;
  column: number;
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
    length = 1,
  ): void {
    const source = this.lines.get(file)?.[at.line - 1];
    this.diagnostics.push({
      file,
      ...at,
      severity,
      message,
      hint,
      length,
      ...(source === undefined ? {} : { source }),
    });
  }

  error(file: string, at: Position, message: string, hint: string, length = 1): void {
    this.report('fout', file, at, message, hint, length);
  }

  warn(file: string, at: Position, message: string, hint: string, length = 1): void {
    this.report('waarschuwing', file, at, message, hint, length);
  }
}

export function errorCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'fout').length;
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
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
