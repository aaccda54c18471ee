import { stem } from '../text/morphology.ts';
import { remembered } from './terms.ts';

// What the learned part of the safety check reads from a message: the names of the signals
// and rules that fired ("common"), every word that no idiom cancelled, its stem, and every
// pair of neighbouring words. One walk serves both the tuner (which collects the features as
// strings) and the detector (which only adds up the weights it knows, without building them).

export interface FeatureSink {
  /** A signal, outcome or rule name. */
  name(feature: string): void;
  /** A word, and the word after it when that one counts too (for the pair). */
  word(word: string, next: string | undefined): void;
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
const stemmed = (word: string): string => `~${stem(word)}`;

export function visitFeatures(
  source: FeatureSource,
  from: number,
  to: number,
  sink: FeatureSink,
): void {
  const { words, cancelled, common } = source;
  for (const feature of common) sink.name(feature);
  const end = Math.min(to, words.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const word = words[i];
    if (word === undefined || cancelled[i]) continue;
    const next = i + 1 < end && !cancelled[i + 1] ? words[i + 1] : undefined;
    sink.word(word, next);
  }
}

/** Stems let the model carry what it learned from "gesprongen" to "springt". */
export function stemFeature(word: string): string | undefined {
  return word.length >= 4 ? remembered(stems, word, stemmed) : undefined;
}

/** The features as strings, each once: what the tuner trains on. */
export function collectFeatures(source: FeatureSource, from: number, to: number): string[] {
  const features = new Set<string>();
  visitFeatures(source, from, to, {
    name: (feature) => features.add(feature),
    word(word, next) {
      features.add(word);
      const stemmed = stemFeature(word);
      if (stemmed) features.add(stemmed);
      if (next !== undefined) features.add(`${word} ${next}`);
    },
  });
  return [...features];
}
