import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

// Browser tests drive Debian's own Chromium; playwright never downloads a browser here.
// CHROMIUM_PATH points elsewhere (another distribution, macOS) when needed.

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium binary; on Debian as root, installs the distribution's package when missing. */
export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') return configured;
  if (!existsSync(DEBIAN_CHROMIUM) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    execFileSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', timeout: 600_000 });
  }
  if (!existsSync(DEBIAN_CHROMIUM)) {
    throw new Error(
      `Chromium ontbreekt (${DEBIAN_CHROMIUM}). Installeer het met "apt-get install -y chromium" ` +
        'of zet CHROMIUM_PATH op een Chromium-binary.',
    );
  }
  return DEBIAN_CHROMIUM;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS, headless: true });
}

export interface PageProblems {
  console: string[];
  csp: string[];
}

/** Collects console errors and Content-Security-Policy violations (in every frame). */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { console: [], csp: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error') problems.console.push(text);
    if (/Content Security Policy|Refused to/i.test(text)) problems.csp.push(text);
  });
  page.on('pageerror', (error) => problems.console.push(error.message));
  return problems;
}
