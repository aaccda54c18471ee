import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { postActivity, say, startHttpApp, texts, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

describe('HTTP: /api/messages and /healthz on a real server', () => {
  let dataDir: string;
  let running: HttpApp;

  beforeEach(async () => {
    dataDir = await makeTempDir();
    running = await startHttpApp(dataDir);
  });
  afterEach(async () => {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports health with the version and the number of knowledge entries', async () => {
    const res = await fetch(`${running.app.url}/healthz`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.status, 'ok');
    assert.match(String(body.version), /^\d+\.\d+\.\d+/);
    assert.ok(Number(body.knowledgeEntries) >= 16);
  });

  it('greets a new member with the AI disclosure and answers a question in the body', async () => {
    const { url } = running.app;
    const join = await postActivity(url, 'c1', {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-c1' }],
    });
    assert.equal(join.status, 200);
    assert.match(texts(join.replies), /geen vertrouwenspersoon[\s\S]*Hoe kan ik u helpen\?/);
    const answer = await say(url, 'c1', 'hoe bewaar ik appjes als bewijs');
    assert.match(texts(answer.replies), /screenshot/i);
  });

  it('answers malformed JSON with 400 and a body over 256 KB with 413', async () => {
    const url = `${running.app.url}/api/messages`;
    const headers = { 'content-type': 'application/json' };
    const bad = await fetch(url, { method: 'POST', headers, body: '{"type": "message",' });
    assert.equal(bad.status, 400);
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
    const big = await fetch(url, { method: 'POST', headers, body: huge });
    assert.equal(big.status, 413);
  });

  it('recovers from a broken conversation state: a Dutch error code, then it works again', async () => {
    await say(running.app.url, 'broken', 'hallo');
    const key = 'emulator/conversations/broken/';
    const hash = createHash('sha256').update(key).digest('hex');
    // A damaged file is found when the state is next loaded from disk: after a restart.
    await running.app.close();
    await writeFile(join(dataDir, 'state', hash.slice(0, 2), `${hash}.json`), '{ kapot');
    running = await startHttpApp(dataDir);
    const { url } = running.app;
    const failed = await say(url, 'broken', 'hallo');
    const code = /foutcode ([0-9A-F]{8})/.exec(texts(failed.replies))?.[1];
    assert.ok(code, 'the person sees an error code');
    assert.ok(running.logs.lines.some((l) => l.includes(code) && l.includes('turn failed')));
    const again = await say(url, 'broken', 'wat doet een vertrouwenspersoon');
    assert.match(texts(again.replies), /vertrouwenspersoon/);
    assert.doesNotMatch(texts(again.replies), /foutcode/);
  });

  it('never writes the text of a message into the log', async () => {
    const marker = 'Zebraspinazie4711';
    await say(running.app.url, 'private', `mijn collega ${marker} pest mij in de groepsapp`);
    await say(running.app.url, 'private', `${marker}@voorbeeld.nl`);
    assert.ok(running.logs.lines.length > 0);
    assert.ok(running.logs.lines.every((line) => !line.includes(marker)));
  });
});

describe('HTTP: authentication', () => {
  it('rejects a request without a Bot Framework token when credentials are set (401)', async () => {
    const dataDir = await makeTempDir();
    const running = await startHttpApp(dataDir, {
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'geen-echt-geheim',
    });
    try {
      const res = await say(running.app.url, 'c', 'hallo');
      assert.equal(res.status, 401);
      assert.deepEqual(res.replies, []);
    } finally {
      await running.app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
