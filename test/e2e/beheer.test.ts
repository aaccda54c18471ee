import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { workspaceRoutes } from '../../bot/hosting/beheer/routes.ts';
import { installDirectLineRoutes } from '../../bot/hosting/directline/routes.ts';
import { installWebRoutes } from '../../bot/hosting/web/routes.ts';
import { startHttpApp, type HttpApp } from '../helpers/http-app.ts';
import { makeTempDir } from '../helpers/tmp.ts';
import { runAxe } from './axe.ts';
import { launchBrowser, watchProblems, type PageProblems } from './browser.ts';

// The bureau's day in Debian's Chromium: a person asks a question and makes a contact request
// in the website chat; a confidential adviser signs in to /beheer, sees the request, picks it
// up, downloads the export, and finds the unanswered question in the insight without the phone
// number and e-mail address it contained. Every page: axe 0 violations, no CSP violation.

declare const document: { querySelectorAll(selector: string): { length: number } };

const OUTPUT = 'test-output';
const TOKEN = randomBytes(32).toString('base64url');
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';
const PHONE = '06-87654321';
const EMAIL = 'piet.test@voorbeeld.nl';
const QUESTION = `Kan ik mijn verlofuren laten uitbetalen? Bel me op ${PHONE} of mail ${EMAIL}`;
const CONTACT_STEPS = [
  'Contactverzoek doen',
  'Anoniem',
  'Telefoon',
  '06 12345678',
  'morgenochtend',
  'Overslaan',
  'Ja',
];
const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'telefoon', width: 390, height: 844 },
] as const;

async function say(page: Page, text: string): Promise<string> {
  const before = await page.locator(BOT_BUBBLE).count();
  await page.locator(SEND_BOX).fill(text);
  await page.locator(SEND_BOX).press('Enter');
  await page.waitForFunction(({ selector, n }) => document.querySelectorAll(selector).length > n, {
    selector: BOT_BUBBLE,
    n: before,
  });
  await page.getByText('Wordt verzonden').waitFor({ state: 'detached' });
  return page.locator(BOT_BUBBLE).last().innerText();
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'latin1')),
  );
}

async function checkPage(page: Page, problems: PageProblems, shot: string): Promise<void> {
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], `${shot}: ${JSON.stringify(violations, null, 2)}`);
  assert.deepEqual(problems.csp, [], `${shot}: no Content-Security-Policy violations`);
  assert.deepEqual(problems.console, [], shot);
  await page.screenshot({ path: `${OUTPUT}/beheer-${shot}.png`, fullPage: true });
}

describe('workspace /beheer in Chromium (a request from the chat, status, export, insight)', function () {
  this.timeout(120_000);
  let dataDir: string;
  let running: HttpApp;
  let browser: Browser;
  let context: BrowserContext;
  let ref = '';

  before(async () => {
    await mkdir(OUTPUT, { recursive: true });
    dataDir = await makeTempDir();
    running = await startHttpApp(
      dataDir,
      { ADMIN_TOKEN: TOKEN, RECORDS_KEY: randomBytes(32).toString('base64') },
      [installDirectLineRoutes, installWebRoutes, workspaceRoutes()],
    );
    await running.app.insight.recorder.ready();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORTS[0], acceptDownloads: true });
  });
  after(async () => {
    await context.close();
    await browser.close();
    await running.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a person asks a question and makes a contact request in the chat', async () => {
    const page = await context.newPage();
    await page.goto(`${running.app.url}/chat`);
    await page.locator('.webchat__bubble', { hasText: 'Hoe kan ik u helpen?' }).waitFor();
    const refused = await say(page, QUESTION);
    assert.match(refused, /Daar gaat deze assistent niet over.*HR/, 'outside the field: refused');
    let last = '';
    for (const step of CONTACT_STEPS) last = await say(page, step);
    ref = /CON-[0-9A-Z]{6}/.exec(last)?.[0] ?? '';
    assert.ok(ref, last);
    assert.match(last, /niet altijd dezelfde dag/, 'no alert route: no promise of speed');
    await page.close();
  });

  it('staff sign in, see the request stand out, pick it up and download the export', async () => {
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${running.app.url}/beheer`);
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
    await checkPage(page, problems, 'aanmelden');
    await page.getByLabel('Uw naam').fill('Ineke');
    await page.getByLabel('Toegangscode').fill(TOKEN);
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    await page.getByRole('heading', { name: 'Verzoeken' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: ref });
    await row.waitFor();
    assert.match(await row.innerText(), /Snel terugbellen/, '"morgenochtend" stands out');
    assert.match(await row.innerText(), /nieuw/);
    await checkPage(page, problems, 'verzoeken');

    await page.getByRole('link', { name: ref }).click();
    await page.getByRole('heading', { name: `Contactverzoek ${ref}` }).waitFor();
    assert.match(await page.locator('main').innerText(), /0612345678/, 'opened with the key');
    await checkPage(page, problems, 'verzoek');
    await page.getByLabel('Nieuwe status').selectOption('in behandeling');
    await page.getByRole('button', { name: 'Status opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De status is opgeslagen.' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Opgepakt door\s+Ineke/);

    await page.getByRole('link', { name: 'Terug naar alle verzoeken' }).click();
    const picked = await page.getByRole('row').filter({ hasText: ref }).innerText();
    assert.match(picked, /in behandeling/);
    assert.match(picked, /Ineke/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer voor Excel' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^verzoeken-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFFReferentie;Soort;Ontvangen;Status;Opgepakt door'));
    assert.match(csv, new RegExp(`${ref};contactverzoek;[^;]+;in behandeling;Ineke;`));
    await page.close();
  });

  it('shows the unanswered question scrubbed in the insight, and neither number nor address is on disk', async () => {
    await running.app.insight.recorder.idle();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${running.app.url}/beheer/inzicht`);
    const item = page.locator('.question').filter({ hasText: 'verlofuren' });
    await item.waitFor();
    const text = await item.locator('.question__text').innerText();
    assert.equal(
      text,
      'Kan ik mijn verlofuren laten uitbetalen? Bel me op [telefoon] of mail [e-mail]',
    );
    assert.match(await page.locator('main').innerText(), /Contactverzoeken/);
    await checkPage(page, problems, 'inzicht');

    const disk = (await filesUnder(dataDir)).join('\n');
    for (const secret of [PHONE, '0687654321', '87654321', EMAIL, 'verlofuren', '12345678']) {
      assert.ok(!disk.includes(secret), `${secret} is not anywhere under DATA_DIR in clear`);
    }
    await item.getByRole('button', { name: 'Markeer als afgehandeld' }).click();
    await page.getByRole('status').filter({ hasText: 'afgehandelde vragen' }).waitFor();
    assert.equal(await page.locator('.question').filter({ hasText: 'verlofuren' }).count(), 0);
    await page.close();
  });

  it('tries a question and shows the knowledge status', async () => {
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${running.app.url}/beheer/proberen`);
    await page.getByLabel('Vraag').fill('Mijn collega’s pesten mij in de groepsapp');
    await page.getByRole('button', { name: 'Probeer' }).click();
    await page.getByRole('heading', { name: 'Wat de bot zou doen' }).waitFor();
    const result = await page.locator('main').innerText();
    assert.match(result, /Direct antwoord/);
    assert.match(result, /De drie beste onderwerpen/);
    // As the chat sends it: the first part, the rest under "Lees meer", never the marker
    // itself or the section meant only for confidential advisers.
    const first = await page.locator('pre.reply').first().innerText();
    assert.match(first, /Wat kunt u nu doen/);
    assert.doesNotMatch(result, /<!-- meer -->|Voor vertrouwenspersonen/);
    assert.ok(await page.getByRole('heading', { name: 'Na “Lees meer”' }).isVisible());
    await checkPage(page, problems, 'proberen');

    await page.getByRole('link', { name: 'Kennisbank' }).click();
    await page.getByRole('heading', { name: 'Geladen versie' }).waitFor();
    const status = await page.locator('main').innerText();
    assert.match(status, /TE_VULLEN/);
    assert.match(status, /Controleren vóór livegang \(\d+\)/);
    await checkPage(page, problems, 'kennisbank');
    await page.close();
  });

  it('works on a phone (390×844): every page without axe violations', async () => {
    const phone = await browser.newContext({
      viewport: VIEWPORTS[1],
      storageState: await context.storageState(),
    });
    const page = await phone.newPage();
    const problems = watchProblems(page);
    for (const [path, shot] of [
      ['/beheer/verzoeken', 'verzoeken-telefoon'],
      [`/beheer/verzoeken/${ref}`, 'verzoek-telefoon'],
      ['/beheer/inzicht', 'inzicht-telefoon'],
      ['/beheer/proberen', 'proberen-telefoon'],
      ['/beheer/kennisbank', 'kennisbank-telefoon'],
    ] as const) {
      await page.goto(`${running.app.url}${path}`);
      await page.locator('h1').waitFor();
      const overflow = await page.evaluate(
        () =>
          document.querySelectorAll('body').length &&
          (
            globalThis as unknown as {
              scrollX: number;
              innerWidth: number;
              document: { documentElement: { scrollWidth: number } };
            }
          ).document.documentElement.scrollWidth,
      );
      assert.ok(overflow <= VIEWPORTS[1].width, `${path}: no sideways scrolling (${overflow}px)`);
      await checkPage(page, problems, shot);
    }
    // The result of a try, with its table of topics and ids, fits the phone as well.
    await page.goto(`${running.app.url}/beheer/proberen`);
    await page.getByLabel('Vraag').fill('Mijn collega’s pesten mij in de groepsapp');
    await page.getByRole('button', { name: 'Probeer' }).click();
    await page.getByRole('heading', { name: 'Wat de bot zou doen' }).waitFor();
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    assert.ok(width <= VIEWPORTS[1].width, `a try's result: no sideways scrolling (${width}px)`);
    await checkPage(page, problems, 'proberen-resultaat-telefoon');
    await phone.close();
  });
});
