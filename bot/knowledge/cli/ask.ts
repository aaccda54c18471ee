// npm run ask -- "vraag" — prints what the engine makes of one question, as JSON.
import { openForCli } from './common.ts';

const question = process.argv.slice(2).join(' ').trim();
if (question === '') {
  console.error('Gebruik: npm run ask -- "uw vraag"');
  process.exit(2);
}
const service = await openForCli();
const { target, score, title, decision, alternatives } = service.match(question);
console.log(JSON.stringify({ target, score, title, decision, alternatives }, null, 2));
