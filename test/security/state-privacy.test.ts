import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { postActivity, say, startHttpApp, texts, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// What the conversation state in DATA_DIR holds, read from the real files: nothing personal
// the person did not give, and a form in progress sealed with RECORDS_KEY.

const MARKER = `Zq${randomBytes(5).toString('hex')}X`;
const TEAMS_NAME = `Fatima ${MARKER}`;

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(relative(dir, file), await readFile(file, 'latin1'));
  }
  return files;
}

async function filesWith(dir: string, text: string): Promise<string[]> {
  return [...(await filesUnder(dir))].filter(([, body]) => body.includes(text)).map(([f]) => f);
}

/** A personal chat in Teams, where the channel tells the bot the person's name. */
const teams = (url: string, text: string) =>
  postActivity(url, 'teams', {
    channelId: 'msteams',
    from: { id: '29:teams-user', name: TEAMS_NAME },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:teams-conversation', conversationType: 'personal' },
    text,
  });

async function withApp(
  dataDir: string,
  env: Record<string, string>,
  run: (app: HttpApp) => Promise<void>,
) {
  const running = await startHttpApp(dataDir, env);
  try {
    await run(running);
  } finally {
    await running.app.close();
  }
}

const CONTACT_UNTIL_CONSENT = [
  'Contactverzoek doen',
  'Met mijn naam',
  `Piet ${MARKER}`,
  'Telefoon',
  '06 12345678',
  `dinsdag na 17 uur ${MARKER}`,
  `Het gaat om ${MARKER} in de groepsapp`,
];

describe('conversation state: only what the person gave, sealed while a form runs', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await makeTempDir();
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('offers the name from Teams without storing it, and stores it once the person picks it', () =>
    withApp(dataDir, {}, async ({ app }) => {
      const asked = await teams(app.url, 'Ik wil me aanmelden voor de cursus');
      assert.match(texts(asked.replies), /U kunt ook de naam uit Teams kiezen: Fatima/);
      // The last reply is the question (the greeting comes first, with its own buttons).
      const offered = asked.replies.at(-1)?.suggestedActions?.actions ?? [];
      assert.deepEqual(
        offered.map((a) => a.title),
        [TEAMS_NAME],
      );
      assert.deepEqual(await filesWith(dataDir, MARKER), [], 'offered, not stored');

      const help = await teams(app.url, 'help');
      assert.match(texts(help.replies), /U kunt ook de naam uit Teams kiezen/, 'asked again');
      const tooLong = await teams(app.url, 'x'.repeat(301));
      const retry = tooLong.replies.at(-1)?.suggestedActions?.actions ?? [];
      assert.deepEqual(
        retry.map((a) => a.title),
        [TEAMS_NAME],
        'the retry offers it too',
      );
      assert.deepEqual(await filesWith(dataDir, MARKER), [], 'still not stored');

      const picked = await teams(app.url, TEAMS_NAME);
      assert.match(texts(picked.replies), /e-mailadres/);
      assert.notDeepEqual(await filesWith(dataDir, MARKER), [], 'given, so kept for the form');
    }));

  it('seals a form in progress with RECORDS_KEY; it goes on after a restart', async () => {
    const env = { RECORDS_KEY: randomBytes(32).toString('base64') };
    await withApp(dataDir, env, async ({ app }) => {
      for (const step of CONTACT_UNTIL_CONSENT)
        assert.equal((await say(app.url, 'c', step)).status, 200);
    });
    // The person stopped at the consent question: their answers are on disk, sealed.
    assert.deepEqual(await filesWith(dataDir, MARKER), []);
    assert.deepEqual(await filesWith(dataDir, '0612345678'), []);
    const state = [...(await filesUnder(join(dataDir, 'state')))].map(([, body]) => body);
    assert.ok(
      state.some((body) => body.includes('"$enc":"aes-256-gcm-v1"')),
      'sealed',
    );

    await withApp(dataDir, env, async ({ app }) => {
      const done = await say(app.url, 'c', 'ja');
      assert.match(texts(done.replies), /CON-[2-9A-Z]{6}/, 'the form goes on where it was');
    });
    assert.deepEqual(await filesWith(dataDir, MARKER), []);
  });

  it('drops the answers of a form that is left', () =>
    withApp(dataDir, {}, async ({ app }) => {
      for (const step of CONTACT_UNTIL_CONSENT.slice(0, 4)) await say(app.url, 'c', step);
      assert.notDeepEqual(await filesWith(dataDir, MARKER), []);
      await say(app.url, 'c', 'stop');
      assert.deepEqual(await filesWith(dataDir, MARKER), []);
    }));

  it('starts the form over, without an error, when its key is no longer there', async () => {
    await withApp(dataDir, { RECORDS_KEY: randomBytes(32).toString('base64') }, async ({ app }) => {
      for (const step of CONTACT_UNTIL_CONSENT.slice(0, 3)) await say(app.url, 'c', step);
    });
    const other = { RECORDS_KEY: randomBytes(32).toString('hex') };
    await withApp(dataDir, other, async ({ app, logs }) => {
      const reply = await say(app.url, 'c', 'Telefoon');
      assert.equal(reply.status, 200);
      assert.doesNotMatch(texts(reply.replies), /foutcode/);
      assert.ok(logs.lines.some((l) => l.includes('sealed state could not be opened')));
      assert.ok(!logs.lines.some((l) => l.includes('turn failed')));
    });
  });
});
