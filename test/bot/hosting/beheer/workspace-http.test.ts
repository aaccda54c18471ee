import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import { workspaceRoutes } from '../../../../bot/hosting/beheer/routes.ts';
import { startHttpApp, type HttpApp } from '../../../helpers/http-app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { WorkspaceClient } from './client.ts';

// The workspace over real HTTP: it exists only with a sign-in configured, the sign-in form
// is protected against forged posts and guessing (lockout), every change needs the form token
// of the session, and the access log names who did what without any content.

const TOKEN = randomBytes(32).toString('base64url');
const NAME = 'Fenna Koopmans';
const PHONE = '0612345678';

async function withApp(
  env: Record<string, string>,
  run: (app: HttpApp) => Promise<void>,
  lockout = { failures: 3, windowMinutes: 15, lockMinutes: 15 },
) {
  const dataDir = await makeTempDir();
  const running = await startHttpApp(
    dataDir,
    { RECORDS_KEY: randomBytes(32).toString('hex'), ...env },
    [workspaceRoutes({ lockout })],
  );
  try {
    await run(running);
  } finally {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function contactRequest(app: HttpApp) {
  return app.app.records.create({
    kind: 'contact',
    userKey: 'k',
    fields: {
      anonymous: false,
      name: NAME,
      phone: PHONE,
      moments: 'maakt niet uit',
      consent: true,
    },
  });
}

describe('workspace /beheer over HTTP: sign-in, CSRF, lockout, access log', function () {
  this.timeout(20_000);

  it('does not exist without ADMIN_TOKEN (nor Entra ID)', () =>
    withApp({}, async (running) => {
      for (const path of [
        '/beheer',
        '/beheer/aanmelden',
        '/beheer/verzoeken',
        '/beheer/beheer.css',
      ]) {
        assert.equal((await fetch(`${running.app.url}${path}`)).status, 404, path);
      }
    }));

  it('signs in with name and access code; the cookie is HttpOnly, SameSite=Strict and lasts a working day', () =>
    withApp({ ADMIN_TOKEN: TOKEN }, async (running) => {
      const client = new WorkspaceClient(running.app.url);
      const start = await client.get('/beheer/verzoeken');
      assert.equal(start.status, 303);
      assert.equal(start.headers.get('location'), '/beheer/aanmelden');

      const form = await client.get('/beheer/aanmelden');
      assert.equal(form.status, 200);
      const csp = form.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /style-src 'self';/);
      assert.match(csp, /form-action 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.ok(!/<script>|style="/.test(form.text), 'nothing inline');

      const signedIn = await client.signIn(TOKEN, 'Ineke');
      assert.equal(signedIn.status, 303);
      const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('bdv_beheer='));
      assert.ok(cookie);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.match(cookie, /Max-Age=36000/);
      assert.match(cookie, /Path=\/beheer/);
      assert.doesNotMatch(cookie, /Secure/, 'no TLS on 127.0.0.1');

      const list = await client.get('/beheer/verzoeken');
      assert.equal(list.status, 200);
      assert.match(list.text, /Aangemeld als <strong>Ineke<\/strong>/);

      const out = await client.post('/beheer/afmelden', { _csrf: WorkspaceClient.csrf(list) });
      assert.equal(out.status, 303);
      assert.equal((await client.get('/beheer/verzoeken')).status, 303, 'signed out');
    }));

  it('marks the cookie Secure when reached by its public name', () =>
    withApp({ ADMIN_TOKEN: TOKEN }, async (running) => {
      // fetch() does not let a page set Host; a plain request does, as a proxy would.
      const cookies = await new Promise<string[]>((resolve, reject) => {
        const req = request(
          `${running.app.url}/beheer/aanmelden`,
          { headers: { host: 'bot.voorbeeld.nl' } },
          (res) => {
            res.resume();
            resolve(res.headers['set-cookie'] ?? []);
          },
        );
        req.on('error', reject);
        req.end();
      });
      assert.match(cookies.join('\n'), /; Secure/);
    }));

  it('refuses a sign-in form that was not its own (CSRF) and a wrong code, then locks out', () =>
    withApp({ ADMIN_TOKEN: TOKEN }, async (running) => {
      const client = new WorkspaceClient(running.app.url);
      await client.get('/beheer/aanmelden');
      const forged = await client.post('/beheer/aanmelden', {
        _csrf: 'verzonnen',
        naam: 'X',
        code: TOKEN,
      });
      assert.equal(forged.status, 403);
      assert.equal(client.cookie('bdv_beheer'), undefined, 'no session from a forged form');

      const statuses: number[] = [];
      for (let n = 0; n < 3; n += 1) statuses.push((await client.signIn(`fout-${n}`)).status);
      assert.deepEqual(statuses, [401, 401, 429]);
      const locked = await client.signIn(TOKEN);
      assert.equal(locked.status, 429, 'even the right code waits out the lock');
      assert.ok(Number(locked.headers.get('retry-after')) > 60);
      assert.match(locked.text, /te vaak een verkeerde toegangscode/);

      const other = new WorkspaceClient(running.app.url);
      assert.equal(
        (await other.signIn(TOKEN)).status,
        429,
        'the lock is per address, not per browser',
      );
      const lines = running.logs.lines.filter((l) => l.includes('"beheer access"'));
      assert.ok(lines.some((l) => l.includes('"outcome":"csrf refused"')));
      assert.ok(lines.some((l) => l.includes('"outcome":"denied, now locked out"')));
      assert.ok(running.logs.lines.every((l) => !l.includes(TOKEN)));
    }));

  it('changes nothing without the form token of the session, or from another origin', () =>
    withApp({ ADMIN_TOKEN: TOKEN }, async (running) => {
      const saved = await contactRequest(running);
      const client = new WorkspaceClient(running.app.url);
      await client.signIn(TOKEN, 'Ineke');
      const page = await client.get(`/beheer/verzoeken/${saved.ref}`);
      assert.equal(page.status, 200);
      assert.ok(page.text.includes(NAME) && page.text.includes(PHONE), 'opened on the server');
      const csrf = WorkspaceClient.csrf(page);
      const path = `/beheer/verzoeken/${saved.ref}/status`;

      assert.equal((await client.post(path, { status: 'afgehandeld' })).status, 403);
      assert.equal((await client.post(path, { status: 'afgehandeld', _csrf: 'x' })).status, 403);
      const crossSite = await client.post(
        path,
        { status: 'afgehandeld', _csrf: csrf },
        { origin: 'https://kwaadwillend.example' },
      );
      assert.equal(crossSite.status, 403);
      const stranger = new WorkspaceClient(running.app.url);
      assert.equal((await stranger.post(path, { status: 'afgehandeld', _csrf: csrf })).status, 401);
      assert.equal((await running.app.records.get(saved.ref))?.status, undefined, 'unchanged');

      const ok = await client.post(path, { status: 'in behandeling', _csrf: csrf });
      assert.equal(ok.status, 303);
      const stored = await running.app.records.get(saved.ref);
      assert.equal(stored?.status, 'in behandeling');
      assert.equal(stored?.pickedUpBy, 'Ineke');

      const notDeleted = await client.post(`/beheer/verzoeken/${saved.ref}/verwijderen`, {
        _csrf: csrf,
      });
      assert.equal(notDeleted.status, 400, 'deleting needs the confirmation box');
      const deleted = await client.post(`/beheer/verzoeken/${saved.ref}/verwijderen`, {
        _csrf: csrf,
        bevestig: 'ja',
      });
      assert.equal(deleted.status, 303);
      assert.equal(await running.app.records.get(saved.ref), null);
      // Gone is gone the same way, whether someone opens it, changes it or deletes it again.
      for (const gone of [
        await client.get(`/beheer/verzoeken/${saved.ref}`),
        await client.post(path, { status: 'afgehandeld', _csrf: csrf }),
        await client.post(`/beheer/verzoeken/${saved.ref}/verwijderen`, {
          _csrf: csrf,
          bevestig: 'ja',
        }),
      ]) {
        assert.equal(gone.status, 404);
        assert.match(gone.text, /Verzoek niet gevonden/);
        assert.match(gone.text, /Misschien is het al verwijderd/);
      }

      const access = running.logs.lines.filter((l) => l.includes('"beheer access"'));
      assert.ok(
        access.some(
          (l) =>
            l.includes('"beheer":"status"') &&
            l.includes('"staff":"Ineke"') &&
            l.includes(saved.ref),
        ),
      );
      assert.ok(
        access.some((l) => l.includes('"beheer":"verwijderen"') && l.includes('"deleted":true')),
      );
      for (const line of running.logs.lines) {
        assert.ok(!line.includes(NAME) && !line.includes(PHONE), line);
      }
    }));

  it('exports for Dutch Excel and says on /healthz and in the list that nothing alerts the bureau', () =>
    withApp({ ADMIN_TOKEN: TOKEN }, async (running) => {
      const saved = await contactRequest(running);
      const health = (await (await fetch(`${running.app.url}/healthz`)).json()) as {
        alerts: string[];
        warnings?: string[];
      };
      assert.deepEqual(health.alerts, []);
      assert.match(health.warnings?.[0] ?? '', /niet gemeld/);
      assert.ok(running.logs.lines.some((l) => l.includes('geen meldroute')));

      const client = new WorkspaceClient(running.app.url);
      await client.signIn(TOKEN);
      const list = await client.get('/beheer/verzoeken');
      assert.match(list.text, /nieuwe verzoeken worden nergens gemeld/);
      const csv = await client.post('/beheer/verzoeken/export', {
        _csrf: WorkspaceClient.csrf(list),
        status: 'alle',
      });
      assert.equal(csv.status, 200);
      assert.match(
        csv.headers.get('content-disposition') ?? '',
        /attachment; filename="verzoeken-\d{4}-\d\d-\d\d\.csv"/,
      );
      assert.ok(csv.text.startsWith('Referentie;Soort;Ontvangen;Status'), 'after the BOM');
      assert.match(
        csv.text,
        new RegExp(`${saved.ref};contactverzoek;\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d;nieuw;`),
      );
      assert.ok((await running.app.records.get(saved.ref))?.exportedAt, 'marked exported');
    }));

  it('tries a question as the conversation would handle it: distress, a request, a topic', () =>
    withApp({ ADMIN_TOKEN: TOKEN }, async (running) => {
      const client = new WorkspaceClient(running.app.url);
      await client.signIn(TOKEN, 'Ineke');
      const csrf = WorkspaceClient.csrf(await client.get('/beheer/proberen'));
      const tried = async (vraag: string): Promise<string> => {
        const page = await client.post('/beheer/proberen', { vraag, _csrf: csrf });
        assert.equal(page.status, 200);
        return page.text;
      };
      const upset = await tried('ik voel me echt heel rot door wat er op mijn werk gebeurt');
      assert.match(upset, /Een vriendelijk woord en een vertrouwenspersoon/);
      assert.match(upset, /Wat naar dat u zich zo voelt/);
      assert.match(upset, /Zonder dat zou de kennisbank zeggen/);
      // The safety check comes first, as in the chat.
      const fear = await tried('ik ben zo moe van alles op het werk en weet het niet meer');
      assert.match(fear, /Eerst de veiligheidsvraag/);
      assert.doesNotMatch(fear, /Een vriendelijk woord/);
      const request = await tried('ik wil graag iemand spreken');
      assert.match(request, /Een verzoek: Contact met een vertrouwenspersoon/);
      const thanks = await tried('bedankt!');
      assert.match(thanks, /Een verzoek of gewone reactie/);
      assert.doesNotMatch(thanks, /Het antwoord/);
      const topic = await tried('Mijn collega’s pesten mij in de groepsapp');
      assert.match(topic, /Direct antwoord/);
      assert.doesNotMatch(topic, /Zonder dat zou de kennisbank zeggen/);
    }));
});

describe('workspace /beheer with Microsoft Entra ID (App Service Authentication stand-in)', function () {
  this.timeout(20_000);
  // App Service signs people in before the request reaches the bot and passes who it is in
  // these headers; no real Entra ID here, so the test sends them as the platform would.
  const principal = (name: string, id: string) => ({
    'x-ms-client-principal-name': name,
    'x-ms-client-principal-id': id,
    'x-ms-client-principal': Buffer.from(
      JSON.stringify({ auth_typ: 'aad', claims: [{ typ: 'preferred_username', val: name }] }),
    ).toString('base64'),
  });
  const env = {
    BEHEER_SIGN_IN: 'entra',
    BEHEER_STAFF: 'ineke@bureau.nl, 00000000-aaaa-bbbb-cccc-000000000002',
  };

  it('lets listed staff in, by sign-in name or object id; refuses others and the signed-out', () =>
    withApp(env, async (running) => {
      const ineke = new WorkspaceClient(running.app.url, principal('Ineke@Bureau.nl', 'id-1'));
      const page = await ineke.get('/beheer/verzoeken');
      assert.equal(page.status, 200);
      assert.match(page.text, /Aangemeld als <strong>Ineke@Bureau.nl<\/strong>/);
      const byId = new WorkspaceClient(
        running.app.url,
        principal('bram@bureau.nl', '00000000-aaaa-bbbb-cccc-000000000002'),
      );
      assert.equal((await byId.get('/beheer/inzicht')).status, 200);

      const other = new WorkspaceClient(running.app.url, principal('mallory@elders.nl', 'id-9'));
      assert.equal((await other.get('/beheer/verzoeken')).status, 403);
      const nobody = await fetch(`${running.app.url}/beheer/verzoeken`, { redirect: 'manual' });
      assert.equal(nobody.status, 401);
      assert.match(await nobody.text(), /\/\.auth\/login\/aad/);
      assert.equal(
        (
          await fetch(`${running.app.url}/beheer/aanmelden`, {
            method: 'POST',
            redirect: 'manual',
          })
        ).status,
        303,
      );

      // A session belongs to the account: another account with the same cookie gets its own.
      const saved = await contactRequest(running);
      const csrf = WorkspaceClient.csrf(page);
      const changed = await ineke.post(`/beheer/verzoeken/${saved.ref}/status`, {
        status: 'in behandeling',
        _csrf: csrf,
      });
      assert.equal(changed.status, 303);
      assert.equal((await running.app.records.get(saved.ref))?.pickedUpBy, 'Ineke@Bureau.nl');
    }));

  it('refuses to start in Entra mode without a staff list', async () => {
    const { loadConfig, ConfigError } = await import('../../../../bot/services/config.ts');
    assert.throws(() => loadConfig({ BEHEER_SIGN_IN: 'entra' }), ConfigError);
  });
});
