import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  ANONYMOUS_CONTACT_STEPS,
  say,
  startHttpApp,
  texts,
  type HttpApp,
} from '../../../helpers/http-app.ts';
import { TestSmtpServer } from '../../../helpers/smtp.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

// A new contact request reaches the bureau at once: by e-mail (a real SMTP server on loopback)
// and as a post in the bureau's Teams channel. There is no real Teams here: the Teams path is
// tested against a local stand-in for the Bot Connector service, which answers the Bot
// Framework REST call the bot makes (POST /v3/conversations) and keeps what it was sent.

interface Received {
  path: string;
  body: Record<string, unknown>;
}

class BotConnectorStandIn {
  readonly received: Received[] = [];
  private readonly server: Server;
  failuresLeft = 0;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.failuresLeft > 0) {
          this.failuresLeft -= 1;
          // As Teams answers while the bot is not (yet) in the bureau's team.
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster' } }));
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        this.received.push({ path: req.url ?? '', body });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ id: `19:post${this.received.length}@thread.tacv2`, activityId: '1' }),
        );
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async waitFor(count: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error('no Teams post arrived');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections(); // the bot's connector client keeps connections alive
    return closed;
  }
}

async function contactRequest(app: HttpApp, conversation: string): Promise<string> {
  for (const step of ANONYMOUS_CONTACT_STEPS) await say(app.app.url, conversation, step);
  const done = texts((await say(app.app.url, conversation, 'Ja')).replies);
  const ref = /CON-[0-9A-Z]{6}/.exec(done)?.[0];
  assert.ok(ref, done);
  assert.match(done, /zo snel mogelijk contact/, 'the bureau is alerted, so the bot may say so');
  return ref;
}

describe("alerts: a new request in the bureau's Teams channel and mailbox", function () {
  this.timeout(30_000);
  let connector: BotConnectorStandIn;
  let smtp: TestSmtpServer;
  let dataDir: string;
  let running: HttpApp;

  before(async () => {
    connector = new BotConnectorStandIn();
    const serviceUrl = await connector.start();
    smtp = new TestSmtpServer();
    await smtp.start();
    dataDir = await makeTempDir();
    running = await startHttpApp(dataDir, {
      RECORDS_KEY: randomBytes(32).toString('hex'),
      ADMIN_TOKEN: randomBytes(32).toString('hex'),
      BOT_DOMAIN: 'bot.voorbeeld.nl',
      TEAMS_ALERT_CHANNEL_ID: '19%3a0f3c9e7d5b@thread.tacv2', // as in the channel link
      TEAMS_ALERT_SERVICE_URL: serviceUrl,
      TEAMS_ALERT_TENANT_ID: 'tenant-1',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      BUREAU_EMAIL: 'bureau@voorbeeld.nl',
    });
  });

  after(async () => {
    await running.app.close();
    await connector.stop();
    await smtp.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('posts the reference, the kind and a link to /beheer in the channel, never the content', async () => {
    const ref = await contactRequest(running, 'teams-melding');
    await connector.waitFor(1);
    const [post] = connector.received;
    assert.equal(post?.path, '/v3/conversations');
    const body = post?.body as {
      isGroup: boolean;
      channelData: { channel: { id: string }; tenant: { id: string } };
      activity: { type: string; text: string };
    };
    assert.equal(body.isGroup, true);
    assert.equal(body.channelData.channel.id, '19:0f3c9e7d5b@thread.tacv2');
    assert.equal(body.channelData.tenant.id, 'tenant-1');
    assert.equal(body.activity.type, 'message');
    assert.match(body.activity.text, new RegExp(`Nieuw contactverzoek: \\*\\*${ref}\\*\\*`));
    assert.ok(body.activity.text.includes(`https://bot.voorbeeld.nl/beheer/verzoeken/${ref}`));
    assert.ok(!JSON.stringify(body).includes('12345678'), 'not the phone number');

    const mail = await smtp.waitFor(new RegExp(`Nieuw contactverzoek ${ref}`));
    assert.deepEqual(mail.to, ['bureau@voorbeeld.nl']);
    const deadline = Date.now() + 5_000;
    let record = await running.app.records.get(ref);
    while ((!record?.teamsAlertedAt || !record.mailedAt) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      record = await running.app.records.get(ref);
    }
    assert.match(record?.teamsAlertedAt ?? '', /^\d{4}-/);
    assert.match(record?.mailedAt ?? '', /^\d{4}-/);
  });

  it('says on /healthz which routes alert the bureau', async () => {
    const health = (await (await fetch(`${running.app.url}/healthz`)).json()) as {
      alerts: string[];
      warnings?: string[];
    };
    assert.deepEqual(health.alerts, ['e-mail', 'Teams']);
    assert.equal(health.warnings, undefined);
  });

  it('tries again when Teams refuses the post (the bot not yet in the team)', async () => {
    connector.failuresLeft = 1;
    const before = connector.received.length;
    const ref = await contactRequest(running, 'teams-opnieuw');
    // The first try fails (403); our retry comes after about 5 seconds.
    await connector.waitFor(before + 1);
    const text = (connector.received.at(-1)?.body.activity as { text: string }).text;
    assert.ok(text.includes(ref));
    assert.ok(running.logs.lines.some((l) => l.includes('record teams alert failed; will retry')));
  });
});
