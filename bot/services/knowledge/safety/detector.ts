import type { CrisisInfo, SafetyOutcome } from '../types.ts';
import { decide, scores, type SafetyModel, type ScoredReading } from './model.ts';
import { compileTerm, TermIndex, type CompiledTerm, type Hit } from './terms.ts';
import { safetyWords } from './text.ts';

export interface SafetyResult {
  outcome: SafetyOutcome;
  /** Why, in the bureau's words: the rule ("middel + klaar", "(verlaagd)" when a lowering
   *  signal lowered it) and the learned scores. Never the message's words. */
  reason?: string;
  /** Every signal found in the text (names only, never the words). */
  signals: string[];
}

/** What the rules alone make of a message, and what the learned part reads (features.ts). */
export interface RuleReading extends ScoredReading {
  outcome: SafetyOutcome;
  reason?: string;
  signals: string[];
}

/** A message longer than this many words is a long one. */
const LONG = 30;
/** Words on either side of the deciding rule that the severity model reads. */
const FOCUS = 15;

interface Rule {
  signals: number[];
  within: number;
  then: Exclude<SafetyOutcome, 'none'>;
  lowerable: boolean;
  label: string;
}

interface Fired {
  rule: Rule;
  start: number;
  end: number;
  hits: Hit[];
}

/** Terms that do not compile were reported by the checker and are left out here. */
function compileAll(terms: readonly string[]): CompiledTerm[] {
  return terms.map((t) => compileTerm(t)).filter((t): t is CompiledTerm => typeof t !== 'string');
}

/**
 * Graded safety from the parts of a message: signals (lists of terms in crisis.yaml) found in
 * the text, rules that combine them within a few words into a crisis or a safety check, and
 * lowering signals (clearly past, a general question, a joke) that turn a crisis into a check
 * nearby. Idioms ("dood moe") cancel the signals they overlap.
 */
export class SafetyDetector {
  private readonly names: string[];
  private readonly index: TermIndex;
  private readonly idiomList: number;
  private readonly rules: Rule[];
  private readonly lowering: { signals: number[]; unless: number[]; within: number }[];

  private readonly model: SafetyModel | undefined;

  /** Without a model only the rules decide (the tuner learns the model from that). */
  constructor(info: CrisisInfo, model?: SafetyModel) {
    this.model = model;
    this.names = info.signals.map((s) => s.name);
    const ids = new Map(this.names.map((name, i) => [name, i]));
    const idOf = (name: string): number[] => {
      const id = ids.get(name);
      return id === undefined ? [] : [id];
    };
    this.idiomList = this.names.length;
    this.index = new TermIndex([
      ...info.signals.map((s) => compileAll(s.terms)),
      compileAll(info.idioms),
    ]);
    this.rules = info.rules
      .map((rule) => ({
        signals: rule.when.flatMap(idOf),
        within: rule.within,
        then: rule.then,
        lowerable: rule.lowerable,
        label: rule.when.join(' + '),
      }))
      .filter((rule, i) => rule.signals.length === info.rules[i]?.when.length);
    this.lowering = info.lowering.map((l) => ({
      signals: l.signals.flatMap(idOf),
      unless: l.unless.flatMap(idOf),
      within: l.within,
    }));
  }

  assess(text: string): SafetyResult {
    const reading = this.read(text);
    const { outcome, reason, signals } = reading;
    if (!this.model) return { outcome, ...(reason ? { reason } : {}), signals };
    const score = scores(this.model, reading);
    const decided = decide(outcome, score, this.model.thresholds);
    if (decided === 'none') return { outcome: 'none', signals };
    const why =
      `${reason ?? 'woordgebruik'}; ernst ${score.crisis.toFixed(2)}, ` +
      `gevaar ${score.danger.toFixed(2)}`;
    return { outcome: decided, reason: why, signals };
  }

  /** The rules' outcome and the features of a message (the tuner trains on these). */
  read(text: string): RuleReading {
    const resolved = this.index.resolve(safetyWords(text));
    const { words } = resolved;
    if (words.length === 0)
      return {
        outcome: 'none',
        signals: [],
        words,
        cancelled: new Uint8Array(0),
        common: [],
        focus: [0, 0],
      };
    const all = this.index.find(resolved);
    const cancelled = new Uint8Array(words.length);
    for (const hit of all) if (hit.list === this.idiomList) cancelled.fill(1, hit.start, hit.end);
    const bySignal = new Map<number, Hit[]>();
    for (const hit of all) {
      if (hit.list === this.idiomList) continue;
      if (cancelled.subarray(hit.start, hit.end).includes(1)) continue;
      const list = bySignal.get(hit.list);
      if (list) list.push(hit);
      else bySignal.set(hit.list, [hit]);
    }
    const signals = [...bySignal.keys()].sort((a, b) => a - b).map((i) => this.names[i] ?? '');
    const { span, ...decided } = this.decide(bySignal);
    const common = signals.map((signal) => `s:${signal}`);
    common.push(`r:${decided.outcome}`);
    if (decided.reason) common.push(`f:${decided.reason}`);
    // In a long message the severity model reads only the words around the rule that
    // decided: a danger told in one clause of a long story is not drowned by the rest.
    const focus: [number, number] =
      span && words.length > LONG ? [span.start - FOCUS, span.end + FOCUS] : [0, words.length];
    return { ...decided, signals, words, cancelled, common, focus };
  }

  /** The first rule that gives a crisis, else the first check; with where it fired. */
  private decide(bySignal: Map<number, Hit[]>): {
    outcome: SafetyOutcome;
    reason?: string;
    span?: Fired;
  } {
    let check: { reason: string; span: Fired } | undefined;
    for (const rule of this.rules) {
      const fired = fire(rule, bySignal);
      if (!fired) continue;
      const lowered = rule.then === 'crisis' && rule.lowerable && this.lowered(fired, bySignal);
      const outcome = lowered ? 'check' : rule.then;
      const reason = lowered ? `${rule.label} (verlaagd)` : rule.label;
      if (outcome === 'crisis') return { outcome, reason, span: fired };
      check ??= { reason, span: fired };
    }
    return check ? { outcome: 'check', ...check } : { outcome: 'none' };
  }

  /** A lowering signal within its distance of the rule's words, and no "unless" as near. */
  private lowered(fired: Fired, bySignal: Map<number, Hit[]>): boolean {
    return this.lowering.some(({ signals, unless, within }) => {
      const near = (hit: Hit): boolean =>
        hit.start <= fired.end + within && hit.end >= fired.start - within;
      const any = (list: number[]): boolean =>
        list.some((signal) => (bySignal.get(signal) ?? []).some(near));
      return any(signals) && !any(unless);
    });
  }

  /** Signal names, for the checker's and the README's overview. */
  get signalNames(): readonly string[] {
    return this.names;
  }
}

/**
 * The first combination of one hit per signal of the rule within `within` words. Each hit of
 * the rule's first signal anchors a search for the nearest free hit of each other signal.
 */
function fire(rule: Rule, bySignal: Map<number, Hit[]>): Fired | undefined {
  const lists = rule.signals.map((signal) => bySignal.get(signal));
  if (lists.some((list) => !list)) return undefined;
  const [anchors, ...others] = lists as Hit[][];
  for (const anchor of anchors ?? []) {
    const hits = [anchor];
    for (const list of others) {
      let best: Hit | undefined;
      let bestDistance = Infinity;
      for (const hit of list) {
        // A signal named twice in a rule needs two separate places in the text.
        const taken = (used: Hit): boolean =>
          used.list === hit.list && used.start < hit.end && hit.start < used.end;
        if (hits.some(taken)) continue;
        const distance = Math.abs(hit.start - anchor.start);
        if (distance < bestDistance) {
          best = hit;
          bestDistance = distance;
        }
      }
      if (!best) break;
      hits.push(best);
    }
    if (hits.length < lists.length) continue;
    const start = Math.min(...hits.map((h) => h.start));
    const end = Math.max(...hits.map((h) => h.end));
    if (end - start <= rule.within) return { rule, start, end, hits };
  }
  return undefined;
}
