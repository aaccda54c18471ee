import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { say, startHttpApp, texts } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

const main = fileURLToPath(new URL('../../bot/hosting/main.ts', import.meta.url));

function startMain(env: Record<string, string>) {
  return spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function collect(stream: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe('the bot process', () => {
  it('refuses to start in production without Azure credentials, naming what to set', async () => {
    const child = startMain({ NODE_ENV: 'production', DATA_DIR: '/nonexistent' });
    const [stderr, code] = await Promise.all([
      collect(child.stderr),
      new Promise((resolve) => child.once('exit', resolve)),
    ]);
    assert.equal(code, 1);
    assert.match(stderr, /MicrosoftAppId/);
    assert.match(stderr, /MicrosoftAppPassword/);
  });

  it('refuses to start in production while the knowledge is not ready to go live, one line each', async () => {
    const dataDir = await makeTempDir();
    try {
      const child = startMain({
        NODE_ENV: 'production',
        MicrosoftAppId: 'app-id',
        MicrosoftAppPassword: 'geheim',
        RECORDS_KEY: Buffer.alloc(32, 7).toString('base64'),
        DATA_DIR: dataDir,
      });
      const [stderr, code] = await Promise.all([
        collect(child.stderr),
        new Promise((resolve) => child.once('exit', resolve)),
      ]);
      assert.equal(code, 1);
      assert.match(stderr, /niet klaar voor livegang \(NODE_ENV=production\): \d+ punt\(en\)/);
      assert.match(
        stderr,
        /\n {2}contacts\.yaml:\d+: value van "Bellen met een vertrouwenspersoon" is nog TE_VULLEN/,
      );
      assert.match(stderr, /\n {2}course\.yaml:\d+: price is nog TE_VULLEN/);
      assert.match(stderr, /npm run kb:check -- --live/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('names a bad variable and exits', async () => {
    const child = startMain({ PORT: 'zeventig' });
    const [stderr, code] = await Promise.all([
      collect(child.stderr),
      new Promise((resolve) => child.once('exit', resolve)),
    ]);
    assert.equal(code, 1);
    assert.match(stderr, /PORT/);
  });

  it('stops on SIGTERM after finishing, with exit code 0', async () => {
    const dataDir = await makeTempDir();
    const child = startMain({ DATA_DIR: dataDir });
    try {
      let url = '';
      for await (const line of createInterface({ input: child.stdout })) {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'bot listening') {
          url = entry.url ?? '';
          break;
        }
      }
      const inFlight = say(url, 'term', 'wat doet een vertrouwenspersoon');
      const reply = await inFlight;
      assert.equal(reply.status, 200);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('resumes a course registration after the server restarts', async () => {
    const dataDir = await makeTempDir();
    try {
      const first = await startHttpApp(dataDir);
      await say(first.app.url, 'resume', 'Ik wil me aanmelden voor de cursus');
      const asked = await say(first.app.url, 'resume', 'Anna Jansen');
      assert.match(texts(asked.replies), /e-mailadres/);
      await first.app.close();

      const second = await startHttpApp(dataDir);
      try {
        const steps = ['anna@voorbeeld.nl', 'Voorbeeldschool', 'Ja, afgerond', 'ja'];
        for (const step of steps) await say(second.app.url, 'resume', step);
        const summary = await say(second.app.url, 'resume', 'ja');
        assert.match(texts(summary.replies), /AAN-[2-9A-Z]{6}/);
      } finally {
        await second.app.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
