import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { renderTabPage, type TabContent } from '../../../../bot/hosting/teams/tab-page.ts';
import { installTeamsTabRoutes } from '../../../../bot/hosting/teams/tab-routes.ts';
import type { ContactInfo, CourseInfo } from '../../../../bot/services/knowledge/types.ts';
import { startHttpApp, type HttpApp } from '../../../helpers/http-app.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

const HOSTILE = '<img src=x onerror=alert(1)>"\'&';

function hostileContent(): TabContent {
  const course: CourseInfo = {
    title: `Cursus ${HOSTILE}`,
    summary: HOSTILE,
    why: HOSTILE,
    targetGroup: HOSTILE,
    programme: [{ title: HOSTILE, description: '</li><script>alert(2)</script>' }],
    homework: HOSTILE,
    dates: ['TE_VULLEN'],
    location: 'TE_VULLEN',
    price: '€ 395 <b>incl.</b> lunch',
    registration: 'TE_VULLEN',
    questions: [],
    keywords: [],
    followups: [],
    updated: '2026-11-24',
  };
  const contacts: ContactInfo = {
    intro: HOSTILE,
    channels: [
      { type: 'website', label: 'Site', value: 'javascript:alert(3)' },
      { type: 'email', label: 'Mail', value: 'info@voorbeeld.nl', note: HOSTILE },
      { type: 'telefoon', label: 'Bellen', value: '030 - 123 45 67' },
    ],
    hours: 'TE_VULLEN',
    questions: [],
    keywords: [],
    updated: '2026-11-24',
  };
  return { course, contacts, retentionDays: 30, recordRetentionDays: 90 };
}

describe('Teams Info tab', () => {
  it('escapes every knowledge text and links only real addresses', () => {
    const html = renderTabPage(hostileContent());
    assert.ok(!html.includes('<img src=x'), 'no injected element');
    assert.ok(!html.includes('<script>alert'), 'no injected script');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;'));
    assert.ok(html.includes('€ 395 &lt;b&gt;incl.&lt;/b&gt; lunch'));
    assert.ok(!html.includes('href="javascript:'), 'a javascript: value is shown, not linked');
    assert.ok(html.includes('<a href="mailto:info@voorbeeld.nl">'));
    assert.ok(html.includes('<a href="tel:0301234567">030 - 123 45 67</a>'));
    assert.equal(html.match(/op aanvraag/g)?.length, 4, 'dates, location, registration, hours');
  });

  describe('on the real server', () => {
    let dataDir: string;
    let running: HttpApp;

    before(async () => {
      dataDir = await makeTempDir();
      running = await startHttpApp(dataDir, {}, [installTeamsTabRoutes]);
    });
    after(async () => {
      await running.app.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('shows the course, the contact channels and the privacy statement', async () => {
      const res = await fetch(`${running.app.url}/tab`);
      assert.equal(res.status, 200);
      const html = await res.text();
      const { course, contacts } = running.app.knowledge.base;
      assert.ok(html.includes(course.title.replace(/'/g, '&#39;')));
      assert.equal(
        html.match(/<li><strong>/g)?.length,
        course.programme.length + contacts.channels.length,
      );
      assert.match(html, /<dt>Prijs<\/dt><dd>op aanvraag<\/dd>/, 'TE_VULLEN reads "op aanvraag"');
      assert.ok(!html.includes('TE_VULLEN'));
      assert.match(html, /id="privacy"/);
      assert.match(html, /id="gebruik"/);
      assert.match(html, /vergeet mij/);
    });

    it('may be framed by Teams and Microsoft 365 only, and runs no inline script', async () => {
      const res = await fetch(`${running.app.url}/tab`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1] ?? '';
      assert.ok(ancestors.includes('https://teams.microsoft.com'));
      assert.ok(ancestors.includes('https://*.cloud.microsoft'));
      assert.ok(!ancestors.split(' ').includes('*'));
      assert.match(csp, /script-src 'self';/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    });

    it('serves teams-js bundled from node_modules as /tab/tab.js', async () => {
      const res = await fetch(`${running.app.url}/tab/tab.js`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /javascript/);
      const js = await res.text();
      assert.ok(!/^\s*import\s/m.test(js), 'a bundle, not a module with imports');
      assert.match(js, /registerOnThemeChangeHandler/);
    });
  });
});
