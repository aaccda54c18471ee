// The router runs the full knowledge match only for a message it will answer from the
// knowledge base; answers typed inside a form, commands and feedback get only the crisis
// check, which still comes first everywhere.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { createHarness, rendered, type Harness } from '../helpers/bot-harness.ts';
import { makeTempDir } from '../helpers/tmp.ts';

describe('router: full match only where an answer is given', () => {
  let dataDir: string;
  let h: Harness;
  let calls: { match: string[]; isCrisis: string[] };

  beforeEach(async () => {
    dataDir = await makeTempDir();
    h = await createHarness({ dataDir });
    calls = { match: [], isCrisis: [] };
    const knowledge = h.parts.knowledge;
    const match = knowledge.match.bind(knowledge);
    const isCrisis = knowledge.isCrisis.bind(knowledge);
    knowledge.match = (text) => {
      calls.match.push(text);
      return match(text);
    };
    knowledge.isCrisis = (text) => {
      calls.isCrisis.push(text);
      return isCrisis(text);
    };
  });
  afterEach(async () => {
    await h.parts.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function say(text: string): Promise<string> {
    h.adapter.activeQueue.splice(0);
    await h.adapter.processActivity({ type: 'message', text });
    return h.adapter.activeQueue.map(rendered).join('\n');
  }

  it('matches a question, and only checks for crisis inside the registration form', async () => {
    assert.match(await say('Wat doet een vertrouwenspersoon eigenlijk?'), /vertrouwenspersoon/i);
    assert.deepEqual(calls.match, ['Wat doet een vertrouwenspersoon eigenlijk?']);
    assert.deepEqual(calls.isCrisis, []);

    calls = { match: [], isCrisis: [] };
    assert.match(await say('Ik wil me aanmelden voor de cursus'), /Wat is uw naam\?/);
    assert.match(await say('Anna Jansen'), /e-mailadres/);
    assert.match(await say('anna@voorbeeld.nl'), /organisatie/);
    assert.deepEqual(calls.match, []);
    assert.deepEqual(calls.isCrisis, [
      'Ik wil me aanmelden voor de cursus',
      'Anna Jansen',
      'anna@voorbeeld.nl',
    ]);
  });

  it('still puts a crisis first inside a form', async () => {
    await say('Ik wil me aanmelden voor de cursus');
    const reply = await say('ik zie het niet meer zitten, ik wil er een eind aan maken');
    assert.match(reply, /113/);
    assert.match(reply, /heb ik gestopt/);
    assert.deepEqual(calls.match, []);
  });

  it('takes "ja" after an answer as feedback without matching it', async () => {
    await say('Wat doet een vertrouwenspersoon eigenlijk?');
    calls = { match: [], isCrisis: [] };
    assert.match(await say('ja'), /\S/);
    assert.deepEqual(calls.match, []);
    assert.deepEqual(calls.isCrisis, ['ja']);
  });
});
