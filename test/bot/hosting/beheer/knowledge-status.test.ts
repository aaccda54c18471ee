import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { workspaceRoutes } from '../../../../bot/hosting/beheer/routes.ts';
import type { HealthInfo } from '../../../../bot/hosting/server.ts';
import { startHttpApp, type HttpApp } from '../../../helpers/http-app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { copyFixture, removeDir } from '../../services/knowledge/helpers.ts';
import { WorkspaceClient } from './client.ts';

// A failed edit is visible where the bureau looks: /healthz says the last change did
// not load and which version runs, and the workspace's Kennisbank page names the file and line;
// the bot goes on with the last good version. Over real HTTP, with the real file watcher.

const TOKEN = randomBytes(32).toString('base64url');
const ENTRY = join('entries', 'geheimhouding.md');

describe('a failed knowledge edit on /healthz and in the workspace', function () {
  this.timeout(30_000);
  let dataDir: string;
  let dir: string;
  let running: HttpApp;

  beforeEach(async () => {
    dataDir = await makeTempDir();
    dir = await copyFixture();
  });
  afterEach(async () => {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
    await removeDir(dir);
  });

  async function start(env: Record<string, string> = {}): Promise<void> {
    running = await startHttpApp(
      dataDir,
      {
        ADMIN_TOKEN: TOKEN,
        KNOWLEDGE_DIR: dir,
        RECORDS_KEY: randomBytes(32).toString('hex'),
        ...env,
      },
      [workspaceRoutes()],
    );
  }

  async function health(): Promise<HealthInfo> {
    const res = await fetch(`${running.app.url}/healthz`);
    assert.equal(res.status, 200, 'a failed edit does not take the instance out of service');
    return (await res.json()) as HealthInfo;
  }

  /** Polls /healthz until the last reload has the outcome `ok`. */
  async function reloaded(ok: boolean): Promise<HealthInfo> {
    const until = Date.now() + 8000;
    for (;;) {
      const body = await health();
      if (body.knowledge.lastReload?.ok === ok) return body;
      if (Date.now() > until) assert.fail(`no reload with ok=${ok}: ${JSON.stringify(body)}`);
      await sleep(50);
    }
  }

  it('says so on /healthz and on the Kennisbank page, and clears once fixed', async () => {
    await start();
    const before = await health();
    assert.match(before.knowledge.hash, /^[0-9a-f]{12}$/);
    assert.equal(before.knowledge.lastReload, undefined);

    const good = await readFile(join(dir, ENTRY), 'utf8');
    await writeFile(join(dir, ENTRY), good.replace('followups:', '\tfollowups:'));
    const failed = await reloaded(false);
    assert.equal(failed.knowledge.hash, before.knowledge.hash, 'the last good version runs');
    assert.deepEqual(
      failed.warnings?.filter((w) => w.includes('kennisbank')),
      [
        'De laatste wijziging aan de kennisbank is niet geladen (1 fout(en)); de bot gebruikt de vorige versie. Zie /beheer/kennisbank of npm run kb:check.',
      ],
    );

    const client = new WorkspaceClient(running.app.url);
    await client.signIn(TOKEN);
    const page = await client.get('/beheer/kennisbank');
    assert.equal(page.status, 200);
    assert.match(page.text, /is niet geladen:<\/strong>\s*1 fout\(en\)/);
    assert.match(page.text, /<code>entries\/geheimhouding\.md:4<\/code> tab-teken in de tekst/);
    assert.match(page.text, /ziet een opgeslagen wijziging meteen/);

    await writeFile(join(dir, ENTRY), good.replace('title: Blijft', 'title: Blijft nu'));
    const fixed = await reloaded(true);
    assert.notEqual(fixed.knowledge.hash, before.knowledge.hash);
    assert.ok(!(fixed.warnings ?? []).some((w) => w.includes('kennisbank')));
    assert.match((await client.get('/beheer/kennisbank')).text, /is goed geladen/);
  });

  it('with KNOWLEDGE_POLL_MS the page says the folder is polled, and edits arrive', async () => {
    await start({ KNOWLEDGE_POLL_MS: '200' });
    const client = new WorkspaceClient(running.app.url);
    await client.signIn(TOKEN);
    assert.match(
      (await client.get('/beheer/kennisbank')).text,
      /bekijkt elk bestand om de 0,2 seconde\(n\)/,
    );
    const good = await readFile(join(dir, ENTRY), 'utf8');
    await writeFile(join(dir, ENTRY), good.replace('title: Blijft', 'title: Gepeild en blijft'));
    await reloaded(true);
    assert.equal(
      running.app.knowledge.base.entries.get('geheimhouding')?.title,
      'Gepeild en blijft mijn verhaal vertrouwelijk?',
    );
  });
});
