import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { installDirectLineRoutes } from '../../bot/hosting/directline/routes.ts';
import { installWebRoutes } from '../../bot/hosting/web/routes.ts';
import { startHttpApp, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { runAxe } from './axe.ts';
import { launchBrowser, watchProblems } from './browser.ts';

// The widget as a person on a phone (390×844) and on a laptop (1280×800) sees it: a long answer
// is read from its top, no choice loses its text, "vergeet mij" leaves nothing behind in the
// tab, and the screen-reader texts (times included) are Dutch.

// The callbacks passed to evaluate() run in the browser; the project has no DOM typings.
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface El {
  getBoundingClientRect(): Box;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  textContent: string | null;
  querySelector(selector: string): El | null;
}
declare const document: {
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  body: { innerText: string };
  createTreeWalker(root: unknown, what: number): { nextNode(): { data: string } | null };
};
declare const window: { innerWidth: number };
declare const sessionStorage: { getItem(key: string): string | null };

const OUTPUT = 'test-output';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const GREETING = 'Hoe kan ik u helpen?';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';

/** Web Chat shows its greeting (the page's own plain-text preview comes and goes before it). */
function greeted(page: Page): Promise<void> {
  return page.locator('.webchat__bubble', { hasText: GREETING }).waitFor();
}
/** Long enough for two phone screens: the answer's first part, then "Lees meer". */
const LONG_QUESTION = 'Een collega stuurt mij steeds liefdesberichten en ik wil dat niet';

async function ask(page: Page, text: string, replies = 1): Promise<void> {
  const before = await page.locator(BOT_BUBBLE).count();
  await page.locator(SEND_BOX).fill(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction(({ selector, n }) => document.querySelectorAll(selector).length >= n, {
    selector: BOT_BUBBLE,
    n: before + replies,
  });
  await page.getByText('Wordt verzonden').waitFor({ state: 'detached' });
}

/** Where the first line of the bot's message containing `text` is, against the transcript's
 *  visible area, once scrolling has settled. */
async function firstLineInView(page: Page, text: string): Promise<boolean> {
  await page.waitForTimeout(800); // Web Chat scrolls smoothly
  return page.evaluate((needle) => {
    const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
    const bubbles = Array.from(document.querySelectorAll('.webchat__bubble__content'));
    const bubble = bubbles.find((b) => (b.textContent ?? '').includes(needle));
    if (!scroller || !bubble) return false;
    const view = scroller.getBoundingClientRect();
    const top = bubble.getBoundingClientRect().top;
    return top >= view.top - 1 && top + 24 <= view.bottom;
  }, text);
}

/** Every choice button shows its whole text inside the page. */
async function choicesWhole(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const button of Array.from(document.querySelectorAll('.webchat__suggested-action'))) {
      const text = button.querySelector('.webchat__suggested-actions__button-text') ?? button;
      const box = button.getBoundingClientRect();
      const clipped =
        text.scrollWidth > text.clientWidth + 1 ||
        text.scrollHeight > text.clientHeight + 1 ||
        box.right > window.innerWidth ||
        box.left < 0;
      if (clipped) cut.push(button.textContent ?? '');
    }
    return cut;
  });
}

describe('web widget on a phone and a laptop (Chromium)', function () {
  this.timeout(90_000);
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
  afterEach(async () => {
    await context.close();
  });
  after(async () => {
    await browser.close();
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    it(`${width}×${height}: a long answer is shown from its first line, and no choice is cut off`, async () => {
      context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${running.app.url}/chat`);
      await greeted(page);

      await ask(page, LONG_QUESTION, 2);
      assert.ok(
        await firstLineInView(page, 'Ongewenste verliefde of seksueel getinte berichten'),
        'the answer starts in view',
      );
      assert.deepEqual(await choicesWhole(page), []);
      await page.screenshot({ path: `${OUTPUT}/phone-answer-${width}.png` });

      // "Lees meer": the rest of the same answer, again from its own first line.
      await page.locator('.webchat__suggested-action', { hasText: 'Lees meer' }).click();
      await page.locator('.webchat__bubble--from-user', { hasText: 'Lees meer' }).waitFor();
      await page.getByText('Wanneer is het ongewenst?', { exact: true }).waitFor();
      assert.ok(await firstLineInView(page, 'Denk aan een liefdesverklaring'), 'rest from its top');
      await page.screenshot({ path: `${OUTPUT}/phone-more-${width}.png` });

      // "Bedoelde u…" with long topic titles: every title whole.
      await ask(page, 'regels social media');
      await page.locator('.webchat__suggested-action', { hasText: 'Iets anders' }).waitFor();
      assert.ok(
        await firstLineInView(page, 'Ik weet niet zeker wat u bedoelt'),
        'question in view',
      );
      assert.deepEqual(await choicesWhole(page), []);
      await page.screenshot({ path: `${OUTPUT}/phone-choices-${width}.png` });
      assert.deepEqual(await runAxe(page), []);
      assert.deepEqual(problems.console, []);
      assert.deepEqual(problems.csp, []);
    });
  }

  it('shows the greeting to read while the Web Chat bundle is still on its way', async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // A slow connection for the big bundle only: the greeting must not wait for it.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/chat\/webchat\.[0-9a-f]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${running.app.url}/chat`);
    await page.locator('#chat-preview', { hasText: GREETING }).waitFor();
    assert.equal(await page.locator(SEND_BOX).count(), 0, 'Web Chat is not there yet');
    await page.screenshot({ path: `${OUTPUT}/phone-preview-390.png` });
    release();
    await greeted(page);
    await page.locator('#chat-preview').waitFor({ state: 'hidden' });
    assert.equal(await page.getByText(GREETING, { exact: true }).count(), 1, 'shown once');
  });

  it('says times and screen-reader texts in Dutch', async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/chat`);
    await greeted(page);
    await ask(page, 'hallo');
    await page.waitForTimeout(300);
    const texts = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.chat'), 4);
      const all: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) all.push(node.data);
      return all;
    });
    const sent = texts.filter((t) => t.startsWith('Verzonden om'));
    assert.ok(sent.length > 0, 'the screen reader hears when a message was sent');
    for (const line of sent) assert.match(line, /^Verzonden om \d{1,2} \w+ om \d{2}:\d{2}$/);
    assert.deepEqual(
      texts.filter((t) => /\b[ap]\.m\.|\bSent at\b|\bBot said\b/i.test(t)),
      [],
      'no English',
    );
  });

  it('after "vergeet mij" starts afresh, and a reload shows nothing from before', async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${running.app.url}/chat`);
    await greeted(page);
    await ask(page, 'Mijn telefoonnummer is 0612345678 en ik word gepest');
    const before = await page.evaluate(() => sessionStorage.getItem('bdv-chat-gesprek'));

    await ask(page, 'vergeet mij');
    await page.locator('.webchat__suggested-action', { hasText: 'Ja, vergeet mij' }).click();
    await page.getByText('Er is een nieuw gesprek begonnen').waitFor();
    await greeted(page);
    assert.equal(await page.getByText('0612345678').count(), 0, 'the old chat left the page');
    const after = await page.evaluate(() => sessionStorage.getItem('bdv-chat-gesprek'));
    assert.ok(after !== null && after !== before, 'a new conversation is kept in the tab');

    await page.reload();
    await greeted(page);
    await page.waitForTimeout(1500); // room for anything from before to come back
    const body = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(body, /0612345678|gepest|vergeet mij|gewist/);
    assert.equal(await page.getByText(GREETING, { exact: true }).count(), 1);

    // The old conversation itself cannot be picked up again, even with its token.
    const old = JSON.parse(before ?? '{}') as {
      domain: string;
      conversationId: string;
      token: string;
    };
    const res = await fetch(`${old.domain}/conversations/${old.conversationId}`, {
      headers: { Authorization: `Bearer ${old.token}` },
    });
    assert.equal(res.status, 404);
    assert.deepEqual(problems.console, []);
  });
});
