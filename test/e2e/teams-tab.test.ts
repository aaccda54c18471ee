import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import type { Browser, Frame } from 'playwright-core';
import { installTeamsTabRoutes } from '../../bot/hosting/teams/tab-routes.ts';
import { startHttpApp, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { runAxe } from './axe.ts';
import { launchBrowser, watchProblems } from './browser.ts';
import { FAKE_HOST_PATH, fakeTeamsHost } from './fake-teams-host.ts';

// The Teams Info tab in Chromium: on its own (as outside Teams), and framed by a stand-in for
// the Teams client that hands teams-js a theme and a locale.

declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  getElementById(id: string): { hidden: boolean } | null;
};

const OUTPUT = 'test-output';

describe('Teams Info tab in Chromium', function () {
  this.timeout(60_000);
  let dataDir: string;
  let running: HttpApp;
  let browser: Browser;

  before(async () => {
    await mkdir(OUTPUT, { recursive: true });
    dataDir = await makeTempDir();
    running = await startHttpApp(dataDir, {}, [installTeamsTabRoutes, fakeTeamsHost]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('outside Teams still shows everything, in light and dark, without axe violations', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${running.app.url}/tab`);
      await page.getByRole('heading', { name: /Nascholing/ }).waitFor();
      await page.waitForFunction(() => document.documentElement.dataset.host === 'browser');
      assert.equal(await page.getByText('op aanvraag').first().isVisible(), true);
      assert.deepEqual(await runAxe(page), [], `${colorScheme}`);
      assert.deepEqual(problems.csp, []);
      await page.screenshot({ path: `${OUTPUT}/tab-${colorScheme}.png`, fullPage: true });
      await context.close();
    }
  });

  for (const theme of ['default', 'dark', 'contrast']) {
    it(`inside Teams follows the "${theme}" theme from teams-js`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${running.app.url}${FAKE_HOST_PATH}?theme=${theme}&locale=en-us`);
      const frame = page.frame({ url: /\/tab$/ }) as Frame;
      await frame.waitForFunction(() => document.documentElement.dataset.host === 'teams');
      const applied = await frame.evaluate(() => document.documentElement.dataset.theme);
      assert.equal(applied, theme);
      const note = await frame.evaluate(() => document.getElementById('alleen-nederlands')?.hidden);
      assert.equal(note, false, 'an English-speaking Teams user is told the page is Dutch');
      assert.deepEqual(await runAxe(frame), [], theme);
      await page.screenshot({ path: `${OUTPUT}/tab-teams-${theme}.png` });
      await context.close();
    });
  }
});
