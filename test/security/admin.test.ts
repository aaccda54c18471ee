import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { adminRoutes, tokenMatches } from '../../bot/hosting/admin/routes.ts';
import { startHttpApp, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';

// The records endpoint exists only with ADMIN_TOKEN, answers only that bearer token, is rate
// limited, and logs each access without the records' content.

const TOKEN = randomBytes(32).toString('base64url');
const NAME = 'Yara Veldkamp';

async function withApp(env: Record<string, string>, run: (app: HttpApp) => Promise<void>) {
  const dataDir = await makeTempDir();
  const running = await startHttpApp(
    dataDir,
    { RECORDS_KEY: randomBytes(32).toString('hex'), ...env },
    [adminRoutes({ failuresPerMinute: 3 })],
  );
  try {
    await run(running);
  } finally {
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const get = (url: string, token?: string) =>
  fetch(url, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

describe('bureau access over HTTP (/admin/records)', () => {
  it('does not exist without ADMIN_TOKEN', () =>
    withApp({}, async (running) => {
      await running.app.records.create({ kind: 'contact', userKey: 'k', fields: { name: NAME } });
      const res = await get(`${running.app.url}/admin/records`, 'wat-dan-ook');
      assert.equal(res.status, 404);
      assert.ok(!(await res.text()).includes(NAME));
    }));

  it('answers only the bearer token, lists without personal fields, opens one record by reference', () =>
    withApp({ ADMIN_TOKEN: TOKEN }, async (running) => {
      const base = `${running.app.url}/admin/records`;
      const saved = await running.app.records.create({
        kind: 'contact',
        userKey: 'k',
        fields: { name: NAME, phone: '0611112222', consent: true },
      });
      const none = await get(base);
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');
      assert.equal((await get(base, `${TOKEN}x`)).status, 401);

      const list = await get(base, TOKEN);
      assert.equal(list.status, 200);
      assert.equal(list.headers.get('cache-control'), 'no-store');
      const listed = await list.text();
      assert.ok(listed.includes(saved.ref));
      assert.ok(!listed.includes(NAME) && !listed.includes('0611112222'));

      const one = await get(`${base}/${saved.ref.toLowerCase()}`, TOKEN);
      assert.equal(one.status, 200);
      const { record } = (await one.json()) as { record: { fields: Record<string, unknown> } };
      assert.equal(record.fields.name, NAME);
      assert.equal((await get(`${base}/CON-ZZZZZZ`, TOKEN)).status, 404);

      const access = running.logs.lines.filter((l) => l.includes('"admin access"'));
      assert.ok(access.some((l) => l.includes('"outcome":"denied"')));
      assert.ok(access.some((l) => l.includes('"admin":"list"') && l.includes('"outcome":"ok"')));
      assert.ok(access.some((l) => l.includes(saved.ref) && l.includes('"found":true')));
      assert.ok(running.logs.lines.every((l) => !l.includes(NAME) && !l.includes(TOKEN)));
    }));

  it('slows down guessing: failed attempts get 429 with Retry-After', () =>
    withApp({ ADMIN_TOKEN: TOKEN }, async (running) => {
      const base = `${running.app.url}/admin/records`;
      const statuses: number[] = [];
      for (let n = 0; n < 5; n += 1) statuses.push((await get(base, `gok-${n}`)).status);
      assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
      const limited = await get(base, 'nog-een-gok');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    }));

  it('compares tokens without depending on where they differ', () => {
    assert.equal(tokenMatches(`Bearer ${TOKEN}`, TOKEN), true);
    assert.equal(tokenMatches(`bearer ${TOKEN} `, TOKEN), true);
    assert.equal(tokenMatches(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN), false);
    assert.equal(tokenMatches(TOKEN, TOKEN), false, 'the scheme is required');
    assert.equal(tokenMatches(undefined, TOKEN), false);
    assert.equal(tokenMatches('Bearer ', TOKEN), false);
  });
});
