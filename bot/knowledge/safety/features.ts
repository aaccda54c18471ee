import { stem } from '../text/morphology.ts';
import { remembered } from './terms.ts';

// What the learned part of the safety check reads from a message: the names of the signals
// and rules that fired ("common"), every word that no idiom cancelled, its stem, and every
// pair of neighbouring words. One walk serves both the tuner (which collects the features as
// strings) and the detector (which only adds up the weights it knows, without building them).

export interface FeatureSink {
  one(feature: string): void;
  pair(first: string, second: string): void;
}

/** The words of a message as the rules left them, and the range the features come from. */
export interface FeatureSource {
  words: readonly string[];
  /** 1 where an idiom covered the word ("dood moe"): such words are not features. */
  cancelled: Uint8Array;
  /** Signal, outcome and rule names, e.g. "s:middel", "r:crisis", "f:middel + klaar". */
  common: readonly string[];
}

const stems = new Map<string, string>();

export function visitFeatures(
  source: FeatureSource,
  from: number,
  to: number,
  sink: FeatureSink,
): void {
  const { words, cancelled, common } = source;
  for (const feature of common) sink.one(feature);
  const end = Math.min(to, words.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const word = words[i];
    if (word === undefined || cancelled[i]) continue;
    sink.one(word);
    // Stems let the model carry what it learned from "gesprongen" to "springt".
    if (word.length >= 4) sink.one(remembered(stems, word, () => `~${stem(word)}`));
    const next = words[i + 1];
    if (next !== undefined && i + 1 < end && !cancelled[i + 1]) sink.pair(word, next);
  }
}

/** The features as strings, each once: what the tuner trains on. */
export function collectFeatures(source: FeatureSource, from: number, to: number): string[] {
  const features = new Set<string>();
  visitFeatures(source, from, to, {
    one: (feature) => features.add(feature),
    pair: (first, second) => features.add(`${first} ${second}`),
  });
  return [...features];
}
