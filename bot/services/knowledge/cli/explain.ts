// node bot/services/knowledge/cli/explain.ts "vraag" — shows how the engine reads a question: the
// terms it found (with weights, unknown words marked) and the raw scores of the top targets.
// For tuning and for editors who wonder why a question lands where it does.
import { openForCli } from './common.ts';
import { Matcher } from '../match/matcher.ts';
import { TUNING } from '../tuning.ts';

const question = process.argv.slice(2).join(' ').trim();
const service = await openForCli();
const matcher = new Matcher(service.base, TUNING);
const analysis = matcher.index.analyzer.analyze(question, 'query');
const terms = analysis.terms.map(
  (t) => `${t.term}${t.known ? '' : '?'}${t.weight === 1 ? '' : `×${t.weight}`}`,
);
console.log(`termen: ${terms.join(' ')}`);
console.log(`paren:  ${analysis.bigrams.join(' ')}`);
for (const c of matcher.candidates(question, 5)) {
  console.log(`${c.target.padEnd(24)} raw ${c.raw.toFixed(3)}  marge ${c.margin.toFixed(3)}`);
}
console.log(JSON.stringify(service.match(question)));
