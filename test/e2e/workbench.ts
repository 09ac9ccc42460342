/**
 * How a user reaches things in the VS Code workbench, as page actions: the
 * activity bar, tree rows, the editor's text, hovers, the command palette.
 * Everything waits by polling the DOM, never by sleeping a fixed time.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Waits until the workbench shows an editor whose tab is `fileName`. */
export async function waitForEditor(page: Page, fileName: string, timeout = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  await activeTab(page, fileName).waitFor({ state: 'visible', timeout });
  await page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ state: 'visible', timeout });
}

/** The tab of the active editor, when its label is `fileName`. */
export function activeTab(page: Page, fileName: string): Locator {
  return page.locator('.editor-group-container.active .tab.active').filter({ hasText: fileName });
}

/** An activity bar entry (a view container), by its title. */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`).first();
}

/** The side bar pane whose header says `title` ("Articles", "Topics"). */
export function sideBarPane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

/** Opens a view container from the activity bar unless its side bar is already showing. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const item = activityBarItem(page, title);
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  const checked = await item.evaluate((element) => element.closest('.action-item')?.classList.contains('checked') ?? false);
  if (!checked) await item.click();
  await page.locator('.part.sidebar .composite.title').filter({ hasText: new RegExp(title, 'i') }).waitFor({ state: 'visible', timeout: 30_000 });
}

/** The text of every visible row of a tree pane. */
export async function treeRowTexts(pane: Locator): Promise<string[]> {
  return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

/** Expands the collapsed top-level rows of a tree (groups), so their children become visible. */
export async function expandTopLevelRows(pane: Locator): Promise<void> {
  const collapsed = pane.locator('.monaco-list-row[aria-level="1"][aria-expanded="false"]');
  const count = await collapsed.count();
  for (let i = count - 1; i >= 0; i--) await collapsed.nth(i).locator('.monaco-tl-twistie').click();
}

/**
 * Waits until a tree pane shows a row containing `text`, unfolding the pane whenever it is folded
 * (the workbench may restore a pane's folded state after a click unfolded it). On time-out it fails
 * with what the pane showed and what the status bar said, so a failure tells what the writer saw.
 */
export async function waitForTreeRow(page: Page, pane: Locator, text: string, timeout = 60_000): Promise<Locator> {
  const row = pane.locator('.monaco-list-row').filter({ hasText: text }).first();
  const header = pane.locator('.pane-header');
  for (const deadline = Date.now() + timeout; Date.now() < deadline; ) {
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.locator('.title').click();
    if (await row.isVisible()) return row;
    await page.waitForTimeout(250);
  }
  const rows = await treeRowTexts(pane);
  const expanded = await header.getAttribute('aria-expanded');
  const status = await page.locator('.part.statusbar').innerText().catch(() => '');
  throw new Error(`no row "${text}" after ${timeout} ms; the pane (expanded: ${expanded}) shows: ${rows.join(' | ') || 'nothing'}; status bar: ${status.replace(/\s+/g, ' ')}`);
}

/**
 * Opens a workspace file by name from Quick Open (Ctrl+P), as a user does. A file written a moment
 * ago may not be in Quick Open's list yet: like a user, it closes the list and types the name again.
 */
export async function quickOpenFile(page: Page, fileName: string, attempts = 4): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    // As for the command palette: the list must have the keyboard before the name is typed.
    await waitForFocusToSettle(page);
    await page.keyboard.press('ControlOrMeta+p');
    const focused = await page
      .waitForFunction(() => document.activeElement?.matches('.quick-input-widget .quick-input-box input') === true, undefined, { timeout: 5_000 })
      .then(() => true, () => false);
    if (!focused) {
      if (attempt >= attempts) throw new Error(`Quick Open did not take the keyboard after Ctrl+P, ${attempts} times`);
      await page.keyboard.press('Escape');
      continue;
    }
    await input.fill('');
    await input.pressSequentially(fileName, { delay: 10 });
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: fileName }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.press('Enter');
      await waitForEditor(page, fileName, 30_000);
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
}

/**
 * The screen point at the middle of the first occurrence of `word` in the
 * visible lines of the active editor, or undefined when it is not on screen.
 */
export async function pointOfWord(page: Page, word: string): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate((wanted) => {
    const lines = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line');
    for (const line of Array.from(lines)) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // The editor renders spaces as non-breaking spaces.
        const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return undefined;
  }, word);
}

/** The rendered text of the visible hover, or '' when none is showing. */
export async function visibleHoverText(page: Page): Promise<string> {
  const hovers = page.locator('.monaco-hover:visible');
  const texts = await hovers.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).innerText));
  return texts.join('\n').replace(/\s+/g, ' ').trim();
}

/**
 * Moves the mouse over `word` in the active editor until a hover whose text
 * satisfies `accept` shows. The first hovers may come before the extension is
 * ready ("Loading...", or nothing): the mouse leaves and comes back until then.
 * Returns the last non-empty hover text seen, leaving that hover on screen.
 */
export async function hoverWordUntil(page: Page, word: string, accept: (text: string) => boolean, timeout = 60_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let seen = '';
  for (;;) {
    const point = await pointOfWord(page, word);
    if (!point) throw new Error(`"${word}" is not visible in the active editor`);
    await page.mouse.move(point.x - 30, point.y + 120);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    const settle = Math.min(Date.now() + 4_000, deadline);
    while (Date.now() < settle) {
      const text = await visibleHoverText(page);
      if (text) seen = text;
      if (text && accept(text)) {
        await hoverFullyShown(page);
        return text;
      }
      await page.waitForTimeout(200);
    }
    if (Date.now() >= deadline) return seen;
    await page.keyboard.press('Escape');
  }
}

/**
 * The hover fades in: a screenshot taken at once shows it half transparent over the text.
 * Waits (briefly) until the hover and its ancestors are fully opaque.
 */
async function hoverFullyShown(page: Page): Promise<void> {
  await page
    .waitForFunction(() => {
      const hover = Array.from(document.querySelectorAll('.monaco-hover')).find((element) => (element as HTMLElement).offsetParent !== null);
      for (let node = hover as HTMLElement | null; node; node = node.parentElement) {
        if (Number(getComputedStyle(node).opacity) < 1) return false;
      }
      return hover !== undefined;
    }, undefined, { timeout: 3_000, polling: 50 })
    .catch(() => undefined);
}

/**
 * Runs a command from the command palette by its full label ("Sourcebook: Search Sources"). The
 * palette lists the commands known when it opens: opened while a fresh window is still reading its
 * extensions, it says "No matching commands". Like a user, this closes it and opens it again.
 */
export async function runFromCommandPalette(page: Page, label: string, attempts = 3): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    await openCommandPalette(page);
    await input.pressSequentially(label, { delay: 10 });
    const row = quickPickRows(page).filter({ hasText: label }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 15_000 });
    } catch (error) {
      if (attempt >= attempts) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(2000);
      continue;
    }
    await page.keyboard.press('Enter');
    return;
  }
}

/** Opens the command palette (F1) and waits until it has the keyboard. */
async function openCommandPalette(page: Page): Promise<void> {
  // A click just before (on a tab, say) moves the focus a moment later; a palette opened in
  // between loses the focus, closes, and what is typed then goes into the draft.
  await waitForFocusToSettle(page);
  // The palette must have the keyboard before anything is typed: a quick pick that is still
  // closing looks visible, and the text would then go into the draft.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const focused = await page
      .waitForFunction(() => document.activeElement?.matches('.quick-input-widget .quick-input-box input') === true, undefined, { timeout: 5_000 })
      .then(() => true, () => false);
    if (focused) return;
    if (attempt === 3) throw new Error('the command palette did not take the keyboard after F1, three times');
    await page.keyboard.press('Escape');
  }
}

/** Waits until the focused element has stayed the same for 300 ms (at most 5 s). */
async function waitForFocusToSettle(page: Page): Promise<void> {
  const focusedElement = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      return element ? `${element.tagName}.${element.className}` : '';
    });
  const deadline = Date.now() + 5_000;
  let last = await focusedElement();
  let steadySince = Date.now();
  while (Date.now() - steadySince < 300 && Date.now() < deadline) {
    await page.waitForTimeout(50);
    const now = await focusedElement();
    if (now !== last) {
      last = now;
      steadySince = Date.now();
    }
  }
}

/** The rows of the open quick pick. */
export function quickPickRows(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
}

/** The editor status bar entry "Ln 20, Col 1 (263 selected)". */
export async function cursorStatus(page: Page): Promise<string> {
  return (await page.locator('[id="status.editor.selection"]').innerText()).replace(/\s+/g, ' ').trim();
}

/** The workbench's theme class: `vs` (light), `vs-dark`, `hc-black` or `hc-light`. */
export async function workbenchThemeClass(page: Page): Promise<string | undefined> {
  const classes = (await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
  return ['hc-black', 'hc-light', 'vs-dark', 'vs'].find((name) => classes.split(/\s+/).includes(name));
}

/**
 * Switches the colour theme through the workspace's `.vscode/settings.json` (its other settings
 * kept), which VS Code
 * applies live (the theme picker also searches the marketplace, which an offline machine cannot
 * reach), and waits for the workbench to wear it.
 */
export async function useColorTheme(page: Page, workspaceFolder: string, settingId: string, themeClass: string): Promise<void> {
  if ((await workbenchThemeClass(page)) === themeClass) return;
  mkdirSync(join(workspaceFolder, '.vscode'), { recursive: true });
  // The workspace's other settings (a test's source folders) are kept.
  const settingsFile = join(workspaceFolder, '.vscode', 'settings.json');
  const settings = existsSync(settingsFile) ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(settingsFile, JSON.stringify({ ...settings, 'workbench.colorTheme': settingId }, null, 2));
  const deadline = Date.now() + 20_000;
  while ((await workbenchThemeClass(page)) !== themeClass) {
    if (Date.now() > deadline) throw new Error(`the theme did not change to ${settingId}`);
    await page.waitForTimeout(200);
  }
  // Webviews (the markdown preview) receive the new theme's variables a moment after the workbench.
  await page.waitForTimeout(700);
}
