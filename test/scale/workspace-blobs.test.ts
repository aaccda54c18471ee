import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { ContainerClient } from '@azure/storage-blob';
import { workspaceRoutes } from '../../bot/hosting/beheer/routes.ts';
import { localDay } from '../../bot/services/time/amsterdam.ts';
import { WorkspaceClient } from '../bot/hosting/beheer/client.ts';
import { say, startHttpApp, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { startAzurite, type Azurite } from '../helpers/azurite.ts';

// The workspace behind a load balancer: two instances share one Azure Blob container
// (Azurite), so a session, a sign-in lockout, the counts and the kept questions are the same
// whichever instance answers.

const TOKEN = randomBytes(32).toString('base64url');
const QUESTION = 'Kan ik mijn verlofuren laten uitbetalen? Bel me op 06-11223344';

describe('workspace on two instances sharing one blob container (Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let container: ContainerClient;
  const dataDirs: string[] = [];
  const instances: HttpApp[] = [];

  before(async () => {
    azurite = await startAzurite();
    const name = `bdv-${randomBytes(4).toString('hex')}`;
    container = new ContainerClient(azurite.connectionString, name);
    const env = {
      STORAGE: 'blobs',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: name,
      ADMIN_TOKEN: TOKEN,
      RECORDS_KEY: randomBytes(32).toString('hex'),
    };
    const lockout = { failures: 3, windowMinutes: 15, lockMinutes: 15 };
    for (let n = 0; n < 2; n += 1) {
      const dir = await makeTempDir();
      dataDirs.push(dir);
      instances.push(await startHttpApp(dir, env, [workspaceRoutes({ lockout })]));
    }
    await Promise.all(instances.map((i) => i.app.insight.recorder.ready()));
  });

  after(async () => {
    for (const instance of instances) await instance.app.close();
    await azurite.stop();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  const instance = (n: number): HttpApp => {
    const found = instances[n];
    if (!found) throw new Error(`instance ${n} did not start`);
    return found;
  };
  const a = (): HttpApp => instance(0);
  const b = (): HttpApp => instance(1);

  it('keeps a session started on one instance valid on the other, and a change made there', async () => {
    const saved = await a().app.records.create({
      kind: 'contact',
      userKey: 'k',
      fields: { anonymous: true, phone: '0611112222', moments: 'ochtend', consent: true },
    });
    const onA = new WorkspaceClient(a().app.url);
    assert.equal((await onA.signIn(TOKEN, 'Ineke')).status, 303);
    const onB = onA.on(b().app.url);
    const page = await onB.get(`/beheer/verzoeken/${saved.ref}`);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('0611112222'));
    const changed = await onB.post(`/beheer/verzoeken/${saved.ref}/status`, {
      status: 'in behandeling',
      _csrf: WorkspaceClient.csrf(page),
    });
    assert.equal(changed.status, 303);
    const list = await onA.get('/beheer/verzoeken');
    assert.match(list.text, /in behandeling/);
    const sessions: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: 'beheer/sessions/' })) {
      sessions.push(blob.name);
    }
    assert.equal(sessions.length, 1, 'one session, in the shared container');
  });

  it('locks out an address on every instance', async () => {
    const onA = new WorkspaceClient(a().app.url);
    // Both instances see this test's requests from 127.0.0.1: one address.
    for (let n = 0; n < 2; n += 1) assert.equal((await onA.signIn(`fout-${n}`)).status, 401);
    const onB = new WorkspaceClient(b().app.url);
    assert.equal((await onB.signIn('fout-2')).status, 429);
    assert.equal((await onA.signIn(TOKEN)).status, 429);
    for await (const blob of container.listBlobsFlat({ prefix: 'beheer/lockout/' })) {
      await container.deleteBlob(blob.name); // the next test signs in again
    }
  });

  it('counts and keeps questions from both instances in one insight', async () => {
    await say(a().app.url, 'inzicht-a', QUESTION);
    await say(b().app.url, 'inzicht-b', 'Hoe laat gaat de kantine open?');
    await Promise.all(instances.map((i) => i.app.insight.recorder.idle()));
    const onB = new WorkspaceClient(b().app.url);
    await onB.signIn(TOKEN);
    const insight = await onB.get('/beheer/inzicht');
    assert.match(insight.text, /Kan ik mijn verlofuren laten uitbetalen\? Bel me op \[telefoon\]/);
    assert.match(insight.text, /Hoe laat gaat de kantine open\?/);
    assert.ok(!insight.text.includes('06-11223344'));
    const today = localDay(new Date());
    const [day] = await a().app.insight.counts.range(today, today);
    assert.ok((day?.totals.conversations ?? 0) >= 2, 'conversations of both instances counted');
    assert.ok((day?.totals.refused ?? 0) >= 2);
    for await (const blob of container.listBlobsFlat({ prefix: 'insight/questions/' })) {
      const body = (await container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
      assert.ok(!body.includes('verlofuren') && !body.includes('11223344'), 'sealed at rest');
    }
  });
});
