import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { installDirectLineRoutes } from '../../bot/hosting/directline/routes.ts';
import { installWebRoutes } from '../../bot/hosting/web/routes.ts';
import { startHttpApp, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { runAxe } from './axe.ts';
import { launchBrowser, watchProblems } from './browser.ts';

// The website widget in Debian's Chromium: the /chat page on its own, and embedded with the
// one-line script on a page of another origin, used with the keyboard only.

// The callbacks passed to evaluate() run in the browser; the project has no DOM typings.
declare const document: {
  activeElement: { getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): { length: number };
};
declare function getComputedStyle(element: unknown): {
  outlineStyle: string;
  animationName: string;
};

const hasFocus = (element: { matches(selector: string): boolean }) => element.matches(':focus');

const OUTPUT = 'test-output';
const QUESTION = "Mijn collega's pesten mij in de groepsapp";
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const GREETING = 'Hoe kan ik u helpen?';

/** A page on another origin (localhost vs 127.0.0.1) that embeds the widget with one line. */
function startHostPage(botUrl: string): Promise<Server> {
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Voorbeeldorganisatie</title></head><body>
<header><p>Voorbeeldorganisatie</p></header>
<main><h1>Welkom</h1><p>Een pagina van een andere organisatie.</p>
<a href="#meer">Meer informatie</a></main>
<script src="${botUrl}/chat/embed.js" defer></script>
</body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function tabUntil(page: Page, focused: () => Promise<boolean>, max = 25): Promise<number> {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await focused()) return presses;
  }
  throw new Error(`niet bereikt met ${max} keer Tab`);
}

const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';

/** Web Chat shows its greeting (the page's own plain-text preview comes and goes before it). */
function greeted(page: Page): Promise<void> {
  return page.locator('.webchat__bubble', { hasText: GREETING }).waitFor();
}

function botMessages(target: Page | Frame) {
  return target.locator(BOT_BUBBLE);
}

async function moreBotMessagesThan(target: Page | Frame, count: number): Promise<void> {
  await target.waitForFunction(
    ({ selector, n }) => document.querySelectorAll(selector).length > n,
    { selector: BOT_BUBBLE, n: count },
  );
}

/** Web Chat shows "Wordt verzonden" until the server echoes the message with its client id. */
async function delivered(target: Page | Frame): Promise<void> {
  await target.getByText('Wordt verzonden').waitFor({ state: 'detached' });
  assert.equal(await target.getByText('Verzenden mislukt').count(), 0);
}

describe('web widget in Chromium (keyboard, axe, embed)', function () {
  this.timeout(60_000);
  let dataDir: string;
  let running: HttpApp;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    await mkdir(OUTPUT, { recursive: true });
    dataDir = await makeTempDir();
    running = await startHttpApp(dataDir, {}, [installDirectLineRoutes, installWebRoutes]);
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  });
  afterEach(async () => {
    await context.close();
  });
  after(async () => {
    await browser.close();
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('greets, answers a typed question and a suggested action, with no axe violations', async () => {
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${running.app.url}/chat`);
    await greeted(page);

    await tabUntil(page, () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input',
      ),
    );
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Enter');
    await page.locator('.webchat__bubble--from-user', { hasText: QUESTION }).waitFor();
    await moreBotMessagesThan(page, 1);
    const answer = await botMessages(page).nth(1).innerText();
    assert.ok(answer.trim() !== '' && !answer.includes(GREETING), 'an answer, not the greeting');
    await delivered(page);

    const before = await botMessages(page).count();
    const action = page.locator('.webchat__suggested-action').first();
    const actionText = (await action.innerText()).trim();
    await action.click();
    await page.locator('.webchat__bubble--from-user', { hasText: actionText }).waitFor();
    await moreBotMessagesThan(page, before);
    await delivered(page);

    await page.screenshot({ path: `${OUTPUT}/chat.png` });
    const violations = await runAxe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    assert.deepEqual(problems.csp, [], 'no Content-Security-Policy violations');
    assert.deepEqual(problems.console, []);

    await page.reload(); // the same conversation continues after a reload
    await page.locator('.webchat__bubble--from-user', { hasText: QUESTION }).waitFor();
    assert.equal(await page.getByText(GREETING, { exact: true }).count(), 1, 'greeted once');
  });

  it('embeds on another origin: keyboard opens it, focus goes in, Escape closes and returns focus', async () => {
    const host = await startHostPage(running.app.url);
    try {
      const page = await context.newPage();
      const problems = watchProblems(page);
      const port = (host.address() as AddressInfo).port;
      await page.goto(`http://localhost:${port}/`);
      const launcher = page.locator('#bdv-chat .launcher');
      await launcher.waitFor();
      await tabUntil(page, () => launcher.evaluate(hasFocus));
      const outline = await launcher.evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.equal(outline, 'solid', 'keyboard focus is visible');
      assert.deepEqual(await runAxe(page), []);

      await page.keyboard.press('Enter');
      const frame = page.frameLocator('#bdv-chat iframe');
      await frame.locator('.webchat__bubble', { hasText: GREETING }).waitFor();
      assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
      await frame.locator(`${SEND_BOX}:focus`).waitFor();

      await page.keyboard.type(QUESTION);
      await page.keyboard.press('Enter');
      await frame.locator('.webchat__bubble--from-user', { hasText: QUESTION }).waitFor();
      await frame.locator(BOT_BUBBLE).nth(1).waitFor();
      await frame.getByText('Wordt verzonden').waitFor({ state: 'detached' });
      await page.screenshot({ path: `${OUTPUT}/embed.png` });

      await page.keyboard.press('Escape');
      await page.locator('#bdv-chat dialog:not([open])').waitFor({ state: 'attached' });
      // The dialog's close event (which resets the launcher) is queued after [open] goes.
      await page.locator('#bdv-chat .launcher[aria-expanded="false"]').waitFor();
      assert.equal(await launcher.evaluate(hasFocus), true);
      assert.equal(await launcher.getAttribute('aria-expanded'), 'false');

      await page.keyboard.press('Enter'); // reopened: the same conversation is still there
      await frame.locator('.webchat__bubble--from-user', { hasText: QUESTION }).waitFor();
      await page.locator('#bdv-chat .panel__close').click();
      await page.locator('#bdv-chat .launcher[aria-expanded="false"]').waitFor();
      assert.equal(await launcher.evaluate(hasFocus), true);
      assert.deepEqual(problems.csp, []);
    } finally {
      await new Promise((resolve) => host.close(resolve));
    }
  });

  it('opens without animation when the user prefers reduced motion', async () => {
    const host = await startHostPage(running.app.url);
    try {
      const calm = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await calm.newPage();
      await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
      await page.locator('#bdv-chat .launcher').click();
      const animation = await page
        .locator('#bdv-chat dialog')
        .evaluate((el) => getComputedStyle(el).animationName);
      assert.equal(animation, 'none');
      await calm.close();
    } finally {
      await new Promise((resolve) => host.close(resolve));
    }
  });
});
