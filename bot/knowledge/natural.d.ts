// Typings for the few single modules of `natural` we import; importing its root would load
// database drivers (slow, large), so these deep paths are the only way in.
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  interface DistanceOptions {
    insertion_cost?: number;
    deletion_cost?: number;
    substitution_cost?: number;
    transposition_cost?: number;
    restricted?: boolean;
  }
  const distance: {
    LevenshteinDistance(source: string, target: string, options?: DistanceOptions): number;
    DamerauLevenshteinDistance(source: string, target: string, options?: DistanceOptions): number;
  };
  export default distance;
}
