// Runs every test/dialogs/transcripts/*.yaml conversation against the real bot through botbuilder's
// TestAdapter: real knowledge files, real lowdb storage, a real local SMTP server.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createHarness, rendered, type Harness } from '../../helpers/bot-harness.ts';
import { TestSmtpServer } from '../../helpers/smtp.ts';
import { makeTempDir } from '../../helpers/tmp.ts';

interface Step {
  join?: boolean;
  user?: string;
  /** The user's text comes after this many characters of an ordinary work story. */
  pad?: number;
  value?: Record<string, unknown>;
  bot?: string;
  /** The next reply must not match (it is consumed all the same). */
  botNot?: string;
  /** The next reply is an event with this name (the web page acts on it; nobody reads it). */
  event?: string;
  mail?: string;
  noMail?: boolean;
  record?: string;
  noRecord?: boolean;
  feedback?: { entry: string; helped: number; notHelped: number };
}

/** A change to a copy of the real knowledge folder, e.g. contact details the bureau filled in. */
interface KnowledgeEdit {
  file: string;
  replace: [string, string][];
}

interface Transcript {
  title: string;
  channel?: string;
  userName?: string;
  smtp?: boolean;
  knowledge?: KnowledgeEdit[];
  steps: Step[];
}

const REAL_KNOWLEDGE = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

/** A copy of the real knowledge folder (without its test sets) with the edits made. */
async function editedKnowledge(dir: string, edits: KnowledgeEdit[]): Promise<string> {
  const target = join(dir, 'knowledge');
  await cp(REAL_KNOWLEDGE, target, {
    recursive: true,
    filter: (source) => !source.startsWith(join(REAL_KNOWLEDGE, 'tests')),
  });
  for (const edit of edits) {
    const path = join(target, edit.file);
    let text = await readFile(path, 'utf8');
    for (const [from, to] of edit.replace) {
      assert.ok(text.includes(from), `${edit.file} has no "${from}"`);
      text = text.replace(from, to);
    }
    await writeFile(path, text);
  }
  return target;
}

const folder = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const STORY =
  'Mijn teamleider zet elke ochtend in de groepsapp wie er te laat was, met een foto erbij. ' +
  'De anderen reageren met lachende gezichtjes en niemand zegt er iets van. ';

/** An ordinary story of exactly `length` characters, to put a message far into a long text. */
function padding(length: number): string {
  return STORY.repeat(Math.ceil(length / STORY.length)).slice(0, length);
}

async function runStep(h: Harness, smtp: TestSmtpServer | undefined, step: Step): Promise<void> {
  if (step.user !== undefined || step.value !== undefined || step.join) {
    const left = h.adapter.activeQueue.map(rendered);
    assert.deepEqual(left, [], 'the bot said more than the transcript expects');
  }
  if (step.join) {
    await h.adapter.processActivity({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1', name: 'Gebruiker' }],
    });
  } else if (step.user !== undefined) {
    await h.adapter.processActivity(step.pad ? `${padding(step.pad)} ${step.user}` : step.user);
  } else if (step.value !== undefined) {
    await h.adapter.processActivity({ type: 'message', value: step.value });
  } else if (step.bot !== undefined) {
    const reply = h.adapter.getNextReply();
    assert.ok(reply, `expected the bot to say /${step.bot}/, but it said nothing more`);
    assert.match(rendered(reply), new RegExp(step.bot, 'is'));
  } else if (step.event !== undefined) {
    const reply = h.adapter.getNextReply();
    assert.ok(reply, `expected the event ${step.event}, but the bot said nothing more`);
    assert.equal(reply.type, 'event');
    assert.equal(reply.name, step.event);
  } else if (step.botNot !== undefined) {
    const reply = h.adapter.getNextReply();
    assert.ok(reply, 'expected one more reply from the bot');
    assert.doesNotMatch(rendered(reply), new RegExp(step.botNot, 'is'));
  } else if (step.mail !== undefined) {
    assert.ok(smtp, 'a mail step needs `smtp: true`');
    await smtp.waitFor(new RegExp(step.mail, 'is'));
  } else if (step.noMail) {
    assert.deepEqual(smtp?.mails ?? [], []);
  } else if (step.record !== undefined || step.noRecord) {
    await h.parts.records.records.mailIdle(); // sends stamp the record when they are done
    const records = await h.parts.records.records.store.list();
    if (step.noRecord) assert.deepEqual(records, []);
    else assert.match(JSON.stringify(records), new RegExp(step.record ?? '', 'is'));
  } else if (step.feedback) {
    const counts = await h.parts.records.feedback.counts();
    const { entry, helped, notHelped } = step.feedback;
    assert.deepEqual(counts[entry], { helped, notHelped });
  }
}

describe('conversation transcripts (test/dialogs/transcripts/*.yaml)', () => {
  for (const file of files) {
    const transcript = parse(readFileSync(`${folder}/${file}`, 'utf8')) as Transcript;
    it(`${file}: ${transcript.title}`, async () => {
      const dataDir = await makeTempDir();
      const smtp = transcript.smtp ? new TestSmtpServer() : undefined;
      const port = smtp ? await smtp.start() : 0;
      const env: Record<string, string> = smtp
        ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), BUREAU_EMAIL: 'bureau@example.nl' }
        : {};
      if (transcript.knowledge)
        env.KNOWLEDGE_DIR = await editedKnowledge(dataDir, transcript.knowledge);
      const h = await createHarness({
        dataDir,
        env,
        ...(transcript.channel ? { channelId: transcript.channel } : {}),
        ...(transcript.userName ? { userName: transcript.userName } : {}),
      });
      try {
        for (const [i, step] of transcript.steps.entries()) {
          try {
            await runStep(h, smtp, step);
          } catch (error) {
            if (error instanceof Error) error.message = `step ${i + 1}: ${error.message}`;
            throw error;
          }
        }
        assert.deepEqual(h.adapter.activeQueue.map(rendered), [], 'unexpected replies at the end');
      } finally {
        await h.parts.close();
        await smtp?.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  }
});
