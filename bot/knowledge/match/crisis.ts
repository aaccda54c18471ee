import { normalizeText } from '../text/normalize.ts';
import type { CrisisInfo } from '../types.ts';

interface Span {
  start: number;
  end: number;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Crisis phrases (whole words, in order) and patterns on normalised text. An exception that
 * overlaps a hit cancels only that hit: "een eind maken aan het pesten" is not a crisis, but
 * the same message with "ik wil dood" still is.
 */
export class CrisisDetector {
  private readonly rules: RegExp[];
  private readonly exceptions: RegExp[];

  constructor(crisis: CrisisInfo) {
    const phrases = crisis.phrases
      .map((phrase) => normalizeText(phrase))
      .filter((phrase) => phrase !== '')
      .map((phrase) => new RegExp(`(?<![a-z0-9])${escape(phrase)}(?![a-z0-9])`, 'g'));
    this.rules = [...phrases, ...crisis.patterns];
    this.exceptions = crisis.exceptions;
  }

  isCrisis(text: string): boolean {
    const normal = normalizeText(text);
    if (normal === '') return false;
    const excepted = this.exceptions.flatMap((exception) =>
      quick(exception).test(normal) ? spans(exception, normal) : [],
    );
    // Most messages hit no rule: a plain test first, the spans only for a hit.
    return this.rules.some(
      (rule) =>
        quick(rule).test(normal) &&
        spans(rule, normal).some((hit) => !excepted.some((span) => overlaps(hit, span))),
    );
  }
}

const quickForms = new WeakMap<RegExp, RegExp>();

/** A copy without the g flag: test() on a global regex depends on its lastIndex. */
function quick(pattern: RegExp): RegExp {
  let form = quickForms.get(pattern);
  if (!form) {
    form = new RegExp(pattern.source, pattern.flags.replace('g', ''));
    quickForms.set(pattern, form);
  }
  return form;
}

function spans(pattern: RegExp, text: string): Span[] {
  const global = pattern.flags.includes('g')
    ? pattern
    : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
