// Launches Debian's Chromium through playwright-core: `npx playwright install`
// downloads a browser build, which cannot work without internet.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The browser binary; override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Starts a headless Chromium (or a visible one with `headless: false`).
 * @param {{ headless?: boolean }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium({ headless = true } = {}) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}. On Debian/Ubuntu: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless,
    // The harness decides what happens on Ctrl+C (stop everything, then report).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  liveBrowsers.add(browser);
  browser.on('disconnected', () => liveBrowsers.delete(browser));
  return browser;
}

/** Browsers this process launched and has not closed yet. */
const liveBrowsers = new Set();

/** Closes every browser this process launched. */
export async function closeAllBrowsers() {
  await Promise.all([...liveBrowsers].map((browser) => browser.close().catch(() => {})));
}

/**
 * Opens a page with a fixed viewport that records the workbench's console
 * (which includes the extension host's output) into `lines`.
 * @param {import('playwright-core').Browser} browser
 * @param {string[]} lines
 */
export async function openRecordedPage(browser, lines) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => lines.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => lines.push(`[pageerror] ${error.stack ?? error.message}`));
  return page;
}
