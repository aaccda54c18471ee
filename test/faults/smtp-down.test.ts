import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../bot/services/config.ts';
import { createLogger } from '../../bot/services/logger.ts';
import { backoffDelay } from '../../bot/services/records/mail-queue.ts';
import { SmtpMailer } from '../../bot/services/records/mailer.ts';
import { RecordStore } from '../../bot/services/records/record-store.ts';
import { RecordService } from '../../bot/services/records/services.ts';
import { LogCapture } from '../helpers/bot-harness.ts';
import { say, startHttpApp, texts, ANONYMOUS_CONTACT_STEPS } from '../helpers/http-app.ts';
import { makeTempDir, withTempDir } from '../helpers/tmp.ts';

// The bureau's mail server is down, or hangs: the record is stored at once, the person gets
// the reference at once, and the mail follows by itself when the server is back.

const FAST = { attempts: 12, firstDelayMs: 40, maxDelayMs: 300 };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A mail server on a chosen port, started when the test says so. */
async function smtpOn(port: number): Promise<{ mails: string[]; stop(): Promise<void> }> {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { mails, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function service(dir: string, port: number, logs: LogCapture, attempts = FAST.attempts) {
  const config = loadConfig({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    BUREAU_EMAIL: 'bureau@voorbeeld.nl',
  });
  const store = new RecordStore({ dir });
  const records = new RecordService({
    store,
    mailer: config.mail ? new SmtpMailer(config.mail) : undefined,
    logger: createLogger('info', logs),
    retry: { ...FAST, attempts },
  });
  return { store, records };
}

const contact = {
  kind: 'contact' as const,
  userKey: 'k',
  fields: { anonymous: true, phone: '0687654321', moments: 'ochtend', consent: true },
};

describe('faults: the mail server is down', () => {
  it('stores the record at once and mails it after the server comes back', () =>
    withTempDir(async (dir) => {
      const port = await freePort();
      const logs = new LogCapture();
      const { store, records } = service(dir, port, logs);
      const saved = await records.submit(contact, ['- Telefoon: 0687654321']);
      assert.ok(await store.get(saved.ref), 'stored before the mail is sent');
      // Let a few sends fail, then start the server.
      while (logs.lines.filter((l) => l.includes('will retry')).length < 3) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const smtp = await smtpOn(port);
      try {
        await records.mailIdle();
        assert.equal(smtp.mails.length, 1);
        assert.match(smtp.mails[0] ?? '', new RegExp(`Nieuw contactverzoek ${saved.ref}`));
        assert.match((await store.get(saved.ref))?.mailedAt ?? '', /^\d{4}-/);
        const retries = logs.lines.filter((l) => l.includes('will retry'));
        assert.ok(retries.every((l) => l.includes(saved.ref) && !l.includes('0687654321')));
      } finally {
        await records.close();
        await smtp.stop();
      }
    }));

  it('gives up after a bounded number of attempts, keeps the record and says so in the log', () =>
    withTempDir(async (dir) => {
      const logs = new LogCapture();
      const { store, records } = service(dir, await freePort(), logs, 3);
      const saved = await records.submit(contact, ['- Telefoon: 0687654321']);
      await records.mailIdle();
      assert.equal(logs.lines.filter((l) => l.includes('will retry')).length, 2);
      assert.equal(logs.lines.filter((l) => l.includes('gave up')).length, 1);
      const kept = await store.get(saved.ref);
      assert.equal(kept?.mailedAt, undefined);
      assert.equal(kept?.fields.phone, '0687654321');
      await records.close();
    }));

  it('waits exponentially longer between attempts, up to a cap', () => {
    const policy = { attempts: 8, firstDelayMs: 5_000, maxDelayMs: 60_000 };
    const middle = () => 0.5; // no jitter
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n, middle)),
      [5_000, 10_000, 20_000, 40_000, 60_000, 60_000],
    );
    assert.ok(
      backoffDelay(policy, 1, () => 0) >= 4_000 && backoffDelay(policy, 1, () => 1) <= 6_000,
    );
  });

  it('does not make the person wait for a mail server that accepts and then hangs', async () => {
    const sockets: Socket[] = [];
    const hanging: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const address = hanging.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dataDir = await makeTempDir();
    const running = await startHttpApp(dataDir, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      BUREAU_EMAIL: 'bureau@voorbeeld.nl',
    });
    try {
      const { url } = running.app;
      const steps = ANONYMOUS_CONTACT_STEPS;
      for (const step of steps) await say(url, 'hang', step);
      const done = texts((await say(url, 'hang', 'ja')).replies);
      const ref = /CON-[2-9A-Z]{6}/.exec(done)?.[0];
      assert.ok(ref, done);
      // The reference came back while the mail server still has not said a word.
      assert.ok(sockets.length >= 1, 'a send is under way');
      const stored = await new RecordStore({ dir: join(dataDir, 'records') }).get(ref);
      assert.equal(stored?.mailedAt, undefined);
    } finally {
      for (const socket of sockets) socket.destroy();
      await running.app.close();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
