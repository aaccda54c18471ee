import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { say, startHttpApp, texts } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// One person's whole visit, with a unique marker in everything they type: questions, a course
// registration, a form they abandon, a contact request with a description. Afterwards the
// marker is in no log line and in no file under DATA_DIR, except in the records the person
// consented to; with RECORDS_KEY set, not even there in plain text.

const MARKER = `Zq${randomBytes(5).toString('hex')}X`;
const PHONE = '0612345678';

const VISIT: string[][] = [
  [`mijn collega ${MARKER} pest mij in de groepsapp`],
  [`hoe bewaar ik appjes van ${MARKER} als bewijs`],
  ['ja'],
  // A registration, confirmed.
  [
    'aanmelden',
    `Anna ${MARKER}`,
    `${MARKER}.anna@voorbeeld.nl`,
    `School ${MARKER}`,
    'Ja, afgerond',
    'ja',
    'ja',
  ],
  // A registration abandoned halfway: nothing of it may stay behind.
  ['aanmelden', `Kees ${MARKER}`, 'stop'],
  // A contact request with a name, both channels and a description.
  [
    'Contactverzoek doen',
    'Met mijn naam',
    `Piet ${MARKER}`,
    'Allebei',
    '06 12345678',
    `${MARKER}.piet@voorbeeld.nl`,
    `dinsdag na 17 uur ${MARKER}`,
    `Het gaat om ${MARKER} in de groepsapp`,
    'ja',
  ],
  ['privacy'],
  [`ik weet het niet ${MARKER}`],
];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function visit(env: Record<string, string>) {
  const dataDir = await makeTempDir();
  const running = await startHttpApp(dataDir, env);
  const printed: string[] = [];
  const original = {
    log: console.log,
    error: console.error,
    warn: console.warn,
    info: console.info,
  };
  const capture = (...args: unknown[]) => printed.push(args.map(String).join(' '));
  Object.assign(console, { log: capture, error: capture, warn: capture, info: capture });
  const replies: string[] = [];
  try {
    for (const part of VISIT) {
      for (const text of part)
        replies.push(texts((await say(running.app.url, 'visit', text)).replies));
    }
  } finally {
    Object.assign(console, original);
    await running.app.close();
  }
  const files = new Map<string, string>();
  for (const file of await filesUnder(dataDir)) {
    files.set(relative(dataDir, file), await readFile(file, 'latin1'));
  }
  await rm(dataDir, { recursive: true, force: true });
  return { logs: running.logs.lines, printed, files, replies: replies.join('\n') };
}

describe('no leaks: a marked conversation leaves no trace outside consented records', function () {
  this.timeout(60_000);

  it('without RECORDS_KEY: the marker is only in the two records, in no log and no other file', async () => {
    const result = await visit({});
    assert.match(result.replies, /AAN-[2-9A-Z]{6}[\s\S]*CON-[2-9A-Z]{6}/, 'both were confirmed');
    assert.ok(
      result.logs.some((l) => l.includes('record stored')),
      'the log was written',
    );
    assert.deepEqual(
      result.logs.filter((l) => l.includes(MARKER)),
      [],
    );
    assert.deepEqual(
      result.printed.filter((l) => l.includes(MARKER)),
      [],
    );
    const withMarker = [...result.files]
      .filter(([, text]) => text.includes(MARKER))
      .map(([name]) => name);
    assert.equal(withMarker.length, 2, withMarker.join());
    assert.ok(
      withMarker.every((name) => /^records\/(AAN|CON)-[2-9A-Z]{6}\.json$/.test(name)),
      withMarker.join(),
    );
    assert.ok(result.files.size > 2, 'state and feedback files were checked as well');
  });

  it('with RECORDS_KEY: the marker and the phone number are in no file at all', async () => {
    const result = await visit({ RECORDS_KEY: randomBytes(32).toString('base64') });
    assert.match(result.replies, /AAN-[2-9A-Z]{6}[\s\S]*CON-[2-9A-Z]{6}/);
    assert.deepEqual(
      result.logs.filter((l) => l.includes(MARKER) || l.includes(PHONE)),
      [],
    );
    assert.deepEqual(
      result.printed.filter((l) => l.includes(MARKER)),
      [],
    );
    const leaks = [...result.files].filter(
      ([, text]) => text.includes(MARKER) || text.includes(PHONE),
    );
    assert.deepEqual(
      leaks.map(([name]) => name),
      [],
    );
    assert.equal([...result.files.keys()].filter((name) => name.startsWith('records/')).length, 2);
  });
});
