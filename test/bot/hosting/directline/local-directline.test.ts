import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import type { Activity, Message } from 'botframework-directlinejs';
import { installDirectLineRoutes } from '../../../../bot/hosting/directline/routes.ts';
import { startHttpApp, type HttpApp } from '../../../helpers/http-app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { isBotMessage, TestClient } from './node-client.ts';

// The local Direct Line endpoint driven by the official botframework-directlinejs client
// (polling), against the real bot on a free port.

/** Bot replies point at the message they answer (the typings leave replyToId out). */
function replyTo(activity: Activity): string | undefined {
  return (activity as Activity & { replyToId?: string }).replyToId;
}

async function widgetToken(url: string): Promise<{ token: string; conversationId: string }> {
  const res = await fetch(`${url}/api/directline/token`, { method: 'POST' });
  assert.equal(res.status, 200);
  const grant = (await res.json()) as { mode: string; token: string; conversationId: string };
  assert.equal(grant.mode, 'local');
  return grant;
}

describe('local Direct Line with the official directlinejs client', () => {
  let dataDir: string;
  let running: HttpApp;
  const clients: TestClient[] = [];

  before(async () => {
    dataDir = await makeTempDir();
    running = await startHttpApp(dataDir, {}, [installDirectLineRoutes]);
  });
  after(async () => {
    for (const client of clients) client.end();
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('greets, echoes the own message with its clientActivityID, and answers', async () => {
    const { url } = running.app;
    const grant = await widgetToken(url);
    const client = new TestClient({ baseUrl: url, token: grant.token });
    clients.push(client);

    const greeting = await client.waitFor(
      (a) => isBotMessage(a) && /Hoe kan ik u helpen\?/.test(a.text ?? ''),
    );
    assert.equal(greeting.conversation?.id, grant.conversationId);

    const id = await client.post({
      text: "Mijn collega's pesten mij in de groepsapp",
      channelData: { clientActivityID: 'client-1' },
    });
    const echo = await client.waitFor((a) => a.id === id);
    assert.equal(echo.type, 'message');
    assert.equal(
      echo.type === 'message' ? echo.text : '',
      "Mijn collega's pesten mij in de groepsapp",
    );
    assert.deepEqual(echo.channelData, { clientActivityID: 'client-1' });
    assert.equal(echo.from.role, 'user');

    const answer = await client.waitFor((a) => isBotMessage(a) && replyTo(a) === id);
    const answerText = (answer as Message).text ?? '';
    assert.ok(answerText.trim() !== '' && !answerText.includes('Hoe kan ik u helpen?'));
    const order = client.received.map((a) => a.id);
    assert.ok(order.indexOf(echo.id) < order.indexOf(answer.id), 'echo comes before the answer');
  });

  it('reconnects to an existing conversation and replays its history', async () => {
    const { url } = running.app;
    const grant = await widgetToken(url);
    const first = new TestClient({ baseUrl: url, token: grant.token });
    clients.push(first);
    await first.waitFor((a) => isBotMessage(a));
    const id = await first.post({ text: 'Wat kost de cursus?' });
    await first.waitFor((a) => isBotMessage(a) && replyTo(a) === id);
    first.end();

    const again = new TestClient({
      baseUrl: url,
      token: grant.token,
      conversationId: grant.conversationId,
    });
    clients.push(again);
    const replayed = await again.waitFor((a) => a.id === id);
    assert.equal((replayed as Message).text, 'Wat kost de cursus?');
    const greetings = again.received.filter(
      (a) => isBotMessage(a) && /Hoe kan ik u helpen\?/.test(a.text ?? ''),
    );
    assert.equal(greetings.length, 1, 'a reconnect does not greet again');
  });
});

describe('local Direct Line when the bot also has a Microsoft app id (Teams in production)', () => {
  it('still runs web turns in-process, without a Bot Framework token from a channel', async () => {
    const dataDir = await makeTempDir();
    const env = {
      MicrosoftAppId: '0f4b7a2c-5d8e-4f1a-9b3c-6d7e8f9a0b1c',
      MicrosoftAppPassword: 'niet-gebruikt-in-deze-test',
    };
    const running = await startHttpApp(dataDir, env, [installDirectLineRoutes]);
    const client = new TestClient({
      baseUrl: running.app.url,
      token: (await widgetToken(running.app.url)).token,
    });
    try {
      const unauthenticated = await fetch(`${running.app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'hallo',
          channelId: 'directline',
          serviceUrl: 'https://local-directline.invalid/',
          from: { id: 'dl_someone' },
          recipient: { id: 'bot' },
          conversation: { id: 'c1' },
        }),
      });
      assert.equal(unauthenticated.status, 401, 'the channel endpoint does demand a token');
      await client.waitFor((a) => isBotMessage(a) && /Hoe kan ik u helpen\?/.test(a.text ?? ''));
      const id = await client.post({ text: 'Wat kost de cursus?' });
      await client.waitFor((a) => isBotMessage(a) && replyTo(a) === id);
    } finally {
      client.end();
      await running.app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
