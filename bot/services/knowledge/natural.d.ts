// Typings for the few single modules of `natural` we import; importing its root would load
// database drivers (slow, large), so these deep paths are the only way in.
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
