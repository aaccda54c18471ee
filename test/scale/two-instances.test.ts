import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { ContainerClient } from '@azure/storage-blob';
import { say, startHttpApp, texts, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { startAzurite, type Azurite } from '../helpers/azurite.ts';
import { startSlowWritesProxy, type SlowWritesProxy } from './slow-writes-proxy.ts';

const REFERENCE = /AAN-[2-9A-Z]{6}/;
const ASKS_EMAIL = /Op welk e-mailadres/;
const ERROR_REPLY = /foutcode [0-9A-F]{8}/;
const AFTER_NAME = ['anna@voorbeeld.nl', 'Voorbeeldschool', 'Ja, afgerond', 'ja', 'ja'];

describe('two bot instances sharing one Azure Blob container (Azurite)', function () {
  this.timeout(45_000);
  let azurite: Azurite;
  let proxy: SlowWritesProxy;
  let container: ContainerClient;
  const dataDirs: string[] = [];
  const instances: HttpApp[] = [];

  before(async () => {
    azurite = await startAzurite();
    proxy = await startSlowWritesProxy(azurite.port);
    const name = `bdv-${randomBytes(4).toString('hex')}`;
    container = new ContainerClient(azurite.connectionString, name);
    const env = {
      STORAGE: 'blobs',
      BLOB_CONNECTION_STRING: proxy.connectionString,
      BLOB_CONTAINER: name,
    };
    for (let n = 0; n < 2; n += 1) {
      const dir = await makeTempDir();
      dataDirs.push(dir);
      instances.push(await startHttpApp(dir, env));
    }
  });

  after(async () => {
    for (const instance of instances) await instance.app.close();
    await proxy.close();
    await azurite.stop();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  /** Instance 0, 1, 0, 1, …: every turn lands on the other instance than the one before. */
  const url = (turn: number): string => instances[turn % 2]?.app.url ?? '';

  async function register(conversation: string, firstTurn: number): Promise<string> {
    await say(url(firstTurn), conversation, 'Ik wil me aanmelden voor de cursus');
    const steps = ['Anna Jansen', ...AFTER_NAME];
    let last = '';
    for (const [n, step] of steps.entries()) {
      last = texts((await say(url(firstTurn + 1 + n), conversation, step)).replies);
    }
    return last;
  }

  it('continues a course registration on the other instance and stores the record in the container', async () => {
    const done = await register('wissel', 0);
    const ref = REFERENCE.exec(done)?.[0];
    assert.ok(ref, `expected a reference in: ${done}`);
    const blob = await container.getBlobClient(`records/${ref}.json`).downloadToBuffer();
    const record = JSON.parse(blob.toString('utf8')) as { fields: Record<string, unknown> };
    assert.equal(record.fields.name, 'Anna Jansen');
    assert.equal(record.fields.organisation, 'Voorbeeldschool');
    assert.ok(await container.getBlobClient('emulator%2Fconversations%2Fwissel').exists());
  });

  it('loses no answer when turns of one conversation run at once on both instances', async () => {
    const conversation = 'tegelijk';
    await say(url(0), conversation, 'Ik wil me aanmelden voor de cursus');
    const lanes = Array.from({ length: 6 }, (_, n) => n);
    proxy.holdConversationWrites(400); // every turn reads before any of them saves
    const burst = await Promise.all(
      lanes.map((n) => say(url(n), conversation, 'Anna Jansen')),
    ).finally(() => proxy.holdConversationWrites(0));
    for (const response of burst) {
      assert.equal(response.status, 200);
      assert.notEqual(texts(response.replies), '');
    }
    // All six turns read the name step before any of them saved. One after another, only the
    // first would accept the name ("which e-mail address?"); two turns that accept it and end
    // well would mean both saved on top of the name step and one silently overwrote the other.
    // A turn that lost the race may have asked already, but then says that it went wrong.
    const replies = burst.map((response) => texts(response.replies));
    const errors = replies.filter((reply) => ERROR_REPLY.test(reply));
    const accepted = replies.filter((reply) => ASKS_EMAIL.test(reply) && !ERROR_REPLY.test(reply));
    assert.equal(accepted.length, 1, replies.join('\n---\n'));
    assert.ok(errors.length >= 1, 'the turns that lost the race were told so');
    const failedTurns = instances
      .flatMap((instance) => instance.logs.lines)
      .filter((line) => line.includes('"turn failed"'));
    assert.equal(failedTurns.length, errors.length, 'each failed turn got the Dutch error reply');
    for (const line of failedTurns) assert.match(line, /"errorType":"EtagConflictError"/);

    await say(url(1), conversation, 'stop');
    const done = await register(conversation, 0);
    assert.match(done, REFERENCE);
  });
});
