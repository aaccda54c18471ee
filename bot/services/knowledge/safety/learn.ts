import type { LinearModel } from './model.ts';

// Training for the two small logistic models of the safety check (model.ts). Plain
// stochastic gradient descent with L2, seeded, so `npm run tune:safety` writes the same
// model.json on every machine.

export interface Example {
  features: readonly string[];
  positive: boolean;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  /** Features seen in fewer training examples are left out (they would learn one message). */
  minCount: number;
  seed: number;
}

export const TRAIN_DEFAULTS: TrainOptions = {
  epochs: 30,
  rate: 0.1,
  l2: 1e-4,
  minCount: 2,
  seed: 20261206,
};

/** A small deterministic random generator (Park–Miller). */
export function seeded(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

export function train(
  examples: readonly Example[],
  options: TrainOptions = TRAIN_DEFAULTS,
): LinearModel {
  const counts = new Map<string, number>();
  for (const example of examples)
    for (const feature of example.features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const kept = examples.map((example) => ({
    features: example.features.filter((f) => (counts.get(f) ?? 0) >= options.minCount),
    positive: example.positive,
  }));
  const positives = kept.filter((e) => e.positive).length;
  // Both classes weigh the same in total, however many examples each has.
  const positiveWeight = positives === 0 ? 1 : (kept.length - positives) / positives;
  const weights = new Map<string, number>();
  let bias = 0;
  const random = seeded(options.seed);
  const order = kept.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const index of order) {
      const example = kept[index];
      if (!example) continue;
      let z = bias;
      for (const f of example.features) z += weights.get(f) ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      const gradient = (p - (example.positive ? 1 : 0)) * (example.positive ? positiveWeight : 1);
      bias -= options.rate * gradient * 0.1;
      for (const f of example.features) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w - options.rate * (gradient + options.l2 * w));
      }
    }
  }
  const rounded: Record<string, number> = {};
  for (const [feature, weight] of [...weights].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (Math.abs(weight) >= 0.005) rounded[feature] = Math.round(weight * 1000) / 1000;
  return { bias: Math.round(bias * 1000) / 1000, weights: rounded };
}
