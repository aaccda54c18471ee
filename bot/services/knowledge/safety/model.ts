import type { SafetyOutcome } from '../types.ts';
import { stemFeature, visitFeatures, type FeatureSource } from './features.ts';
import { remembered } from './terms.ts';
import shipped from './model.json' with { type: 'json' };

// The learned part of the safety check, on top of the rules in crisis.yaml. Two logistic
// models read the same features (words, word pairs, and which signals and rule fired):
// - net: could this message be about danger at all? It raises "nothing" to a check for
//   messages whose words the lists do not know, measured against ordinary questions.
// - severity: is the danger clear and present? It decides between the crisis reply and the
//   check question for every message that the rules or the net flag.
// `npm run tune:safety` learns both from the tuning sets and writes model.json.

export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

export interface SafetyModel {
  net: LinearModel;
  severity: LinearModel;
  thresholds: { net: number; crisis: number };
}

export const SAFETY_MODEL: SafetyModel = shipped;

/** Probability from a logistic model; features it does not know weigh nothing. */
export function probability(model: LinearModel, features: readonly string[]): number {
  let z = model.bias;
  for (const feature of features) z += model.weights[feature] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

interface WordIds {
  word: number | undefined;
  stem: number | undefined;
  pairs: Map<string, number> | undefined;
}

/**
 * Both models' weights by feature number, and per word of a message what it adds (the word,
 * its stem, the pairs it starts): scoring a long message then costs two lookups a word and
 * builds no strings. Each feature still counts once per message, as in training.
 */
class Scorer {
  private readonly ids = new Map<string, number>();
  private readonly net: number[] = [];
  private readonly severity: number[] = [];
  private readonly pairs = new Map<string, Map<string, number>>();
  private readonly byWord = new Map<string, WordIds>();
  private seen = new Int32Array(0);
  private stamp = 0;

  constructor(model: SafetyModel) {
    const add = (weights: Record<string, number>, into: number[]): void => {
      for (const [feature, weight] of Object.entries(weights)) {
        const id = this.idOf(feature);
        into[id] = weight;
      }
    };
    add(model.net.weights, this.net);
    add(model.severity.weights, this.severity);
  }

  private idOf(feature: string): number {
    let id = this.ids.get(feature);
    if (id !== undefined) return id;
    id = this.ids.size;
    this.ids.set(feature, id);
    const space = feature.indexOf(' ');
    // A space separates the two words of a pair; names ("f:middel + klaar") have a colon.
    if (space > 0 && !/^[a-z]:/.test(feature)) {
      const first = feature.slice(0, space);
      const seconds = this.pairs.get(first) ?? new Map<string, number>();
      seconds.set(feature.slice(space + 1), id);
      this.pairs.set(first, seconds);
    }
    return id;
  }

  private readonly idsOfWord = (word: string): WordIds => {
    const stemmed = stemFeature(word);
    return {
      word: this.ids.get(word),
      stem: stemmed === undefined ? undefined : this.ids.get(stemmed),
      pairs: this.pairs.get(word),
    };
  };

  /** The feature numbers a word brings, looked up once per word. */
  private wordIds(word: string): WordIds {
    return remembered(this.byWord, word, this.idsOfWord);
  }

  /** Summed weights of both models over a range of a message. */
  sum(source: FeatureSource, from: number, to: number): { net: number; severity: number } {
    if (this.seen.length < this.ids.size) this.seen = new Int32Array(this.ids.size);
    this.stamp += 1;
    if (this.stamp === 2 ** 31 - 1) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    let net = 0;
    let severity = 0;
    const count = (id: number | undefined): void => {
      if (id === undefined || this.seen[id] === stamp) return;
      this.seen[id] = stamp;
      net += this.net[id] ?? 0;
      severity += this.severity[id] ?? 0;
    };
    visitFeatures(source, from, to, {
      name: (feature) => count(this.ids.get(feature)),
      word: (word, next) => {
        const known = this.wordIds(word);
        count(known.word);
        count(known.stem);
        if (next !== undefined) count(known.pairs?.get(next));
      },
    });
    return { net, severity };
  }
}

const scorers = new WeakMap<SafetyModel, Scorer>();

function scorerFor(model: SafetyModel): Scorer {
  let scorer = scorers.get(model);
  if (!scorer) {
    scorer = new Scorer(model);
    scorers.set(model, scorer);
  }
  return scorer;
}

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

/** What `scores` needs: the message, and the range around the rule that decided. */
export interface ScoredReading extends FeatureSource {
  focus: readonly [number, number];
}

/** The two scores of a message: danger (from all its words) and crisis (from the words
 *  around the rule that decided). The detector and the tuner both score this way. */
export function scores(
  model: SafetyModel,
  reading: ScoredReading,
): { danger: number; crisis: number } {
  const scorer = scorerFor(model);
  const whole = scorer.sum(reading, 0, reading.words.length);
  const [from, to] = reading.focus;
  const focus = from <= 0 && to >= reading.words.length ? whole : scorer.sum(reading, from, to);
  return {
    danger: logistic(model.net.bias + whole.net),
    crisis: logistic(model.severity.bias + focus.severity),
  };
}

/**
 * The outcome from the rules and the two scores. The learned part raises "nothing" to a check
 * when the danger score is high; where a rule fired, the severity score decides crisis or
 * check. Where no rule fired, the words alone never give the crisis reply: ask first.
 */
export function decide(
  rules: SafetyOutcome,
  score: { danger: number; crisis: number },
  thresholds: SafetyModel['thresholds'],
): SafetyOutcome {
  if (rules === 'none') return score.danger >= thresholds.net ? 'check' : 'none';
  return score.crisis >= thresholds.crisis ? 'crisis' : 'check';
}
