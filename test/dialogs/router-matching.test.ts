// The safety check reads every message first, whole; the router runs the knowledge match only
// for a message it will answer from the knowledge base, never for answers typed inside a form,
// commands or feedback.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { createHarness, rendered, type Harness } from '../helpers/bot-harness.ts';
import { makeTempDir } from '../helpers/tmp.ts';

describe('router: safety on every message, the full match only where an answer is given', () => {
  let dataDir: string;
  let h: Harness;
  let calls: { route: string[]; safety: string[] };

  beforeEach(async () => {
    dataDir = await makeTempDir();
    h = await createHarness({ dataDir });
    calls = { route: [], safety: [] };
    const knowledge = h.parts.knowledge;
    const route = knowledge.route.bind(knowledge);
    const safety = knowledge.safety.bind(knowledge);
    knowledge.route = (text: string) => {
      calls.route.push(text);
      return route(text);
    };
    knowledge.safety = (text: string) => {
      calls.safety.push(text);
      return safety(text);
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

  it('matches a question, and only checks safety inside the registration form', async () => {
    assert.match(await say('Wat doet een vertrouwenspersoon eigenlijk?'), /vertrouwenspersoon/i);
    assert.deepEqual(calls.route, ['Wat doet een vertrouwenspersoon eigenlijk?']);
    assert.deepEqual(calls.safety, ['Wat doet een vertrouwenspersoon eigenlijk?']);

    calls = { route: [], safety: [] };
    assert.match(await say('Ik wil me aanmelden voor de cursus'), /Wat is uw naam\?/);
    assert.match(await say('Anna Jansen'), /e-mailadres/);
    assert.match(await say('anna@voorbeeld.nl'), /organisatie/);
    assert.deepEqual(calls.route, []);
    assert.deepEqual(calls.safety, [
      'Ik wil me aanmelden voor de cursus',
      'Anna Jansen',
      'anna@voorbeeld.nl',
    ]);
  });

  it('puts a crisis first inside a form, then goes on with the form', async () => {
    await say('Ik wil me aanmelden voor de cursus');
    const reply = await say('ik zie het niet meer zitten, ik wil er een eind aan maken');
    assert.match(reply, /113/);
    assert.match(reply, /Ik ga verder met uw aanmelding/);
    assert.match(reply, /Wat is uw naam\?/);
    assert.deepEqual(calls.route, []);
  });

  it('reads the whole message for safety, beyond what the bot answers', async () => {
    const story = 'Mijn collega stuurt elke avond berichten in de groepsapp over mijn werk. ';
    const long = `${story.repeat(Math.ceil(3900 / story.length)).slice(0, 3900)} ik wil dood`;
    const reply = await say(long);
    assert.match(reply, /113/);
    const read = calls.safety[0] ?? '';
    assert.ok(read.length > 3900 && read.endsWith('ik wil dood'), 'the whole message is read');
    assert.deepEqual(calls.route, []);
  });

  it('takes "ja" after an answer as feedback without matching it', async () => {
    await say('Wat doet een vertrouwenspersoon eigenlijk?');
    calls = { route: [], safety: [] };
    assert.match(await say('ja'), /\S/);
    assert.deepEqual(calls.route, []);
    assert.deepEqual(calls.safety, ['ja']);
  });
});
