// npm run ask -- "vraag" — prints what the engine makes of one question, as JSON: the safety
// check (outcome, the rule that decided and the signals found) and the match.
import { openForCli } from './common.ts';

const question = process.argv.slice(2).join(' ').trim();
if (question === '') {
  console.error('Gebruik: npm run ask -- "uw vraag"');
  process.exit(2);
}
const service = await openForCli();
const safety = service.safety(question);
const { target, score, title, decision, alternatives, afterCheck } = service.match(question);
const after = afterCheck && { target: afterCheck.target, decision: afterCheck.decision };
console.log(
  JSON.stringify(
    {
      safety,
      target,
      score,
      title,
      decision,
      alternatives,
      ...(after ? { afterCheck: after } : {}),
    },
    null,
    2,
  ),
);
