/**
 * The compare view as a user sees it in the real workbench: opened from the command palette,
 * its five source columns and the flagged disagreement rendered inside the webview, in light,
 * dark and high-contrast themes (a screenshot of each in test-results/), and a figure link
 * that opens its source with the passage selected.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import type { Passage } from '../../src/core/model';
import { foldSpace } from '../integration/quotedText';
import { uiContext } from './uiContext';
import { activeTab, cursorStatus, quickPickRows, runFromCommandPalette, waitForEditor } from './workbench';

type ThemeClass = 'vs' | 'vs-dark' | 'hc-black' | 'hc-light';

const THEMES: Array<{ name: string; settingId: string; themeClass: ThemeClass }> = [
  { name: 'Light Modern', settingId: 'Default Light Modern', themeClass: 'vs' },
  { name: 'Dark Modern', settingId: 'Default Dark Modern', themeClass: 'vs-dark' },
  { name: 'Dark High Contrast', settingId: 'Default High Contrast', themeClass: 'hc-black' },
];

suite('Compare Sources view (Chromium)', () => {
  suiteSetup(async () => {
    const { page } = uiContext();
    await waitForEditor(page, 'draft.md', 90_000);
    // Until the first index is built the command has no topics to offer.
    await page.locator('.statusbar-item').filter({ hasText: /Sourcebook: [1-9]\d* articles?/ }).first().waitFor({ state: 'visible', timeout: 90_000 });
  });

  suiteTeardown(() => {
    rmSync(settingsFile(), { force: true });
  });

  test('"Compare Sources on Topic..." for S-400 shows five sources and the disputed arms share, in light, dark and high contrast', async () => {
    const { page, screenshot } = uiContext();
    await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
    await runFromCommandPalette(page, 'Sourcebook: Compare Sources on Topic...');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-widget').filter({ hasText: 'Compare Sources on Topic' }).waitFor({ state: 'visible', timeout: 15_000 });
    await input.pressSequentially('S-400', { delay: 20 });
    await quickPickRows(page).filter({ hasText: 'S-400' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');

    const view = compareFrame(page);
    await view.locator('section.source').nth(4).waitFor({ state: 'visible', timeout: 60_000 });
    const sourceNames = await view.locator('section.source h2.source-name').allInnerTexts();
    assert.equal(sourceNames.length, 5, `source columns: ${sourceNames.join(' | ')}`);
    for (const name of ['RFI', 'YCPress', 'Associated Press']) assert.ok(sourceNames.includes(name), `no column for ${name}: ${sourceNames.join(' | ')}`);
    const summary = (await view.locator('.disagreement .summary').first().innerText()).replace(/\s+/g, ' ');
    assert.match(summary, /more than 60%.*since 2010/);
    assert.match(summary, /more than 80% \(YCPress\)/);
    assert.match(summary, /below 50% \(RFI\)/);

    for (const theme of THEMES) {
      if ((await currentThemeClass(page)) !== theme.themeClass) await selectTheme(page, theme);
      await view.locator('section.source').first().waitFor({ state: 'visible', timeout: 15_000 });
      const colours = await view.locator('body').evaluate((body) => {
        const style = getComputedStyle(body);
        const link = body.querySelector('a.passage-link');
        return { text: style.color, background: style.backgroundColor, link: link ? getComputedStyle(link).color : undefined };
      });
      // No link, or a colour that is not plain rgb(), must fail here, not be measured as black.
      assert.ok(colours.link, `${theme.name}: the view shows no passage link`);
      const textContrast = contrast(colours.text, colours.background);
      const linkContrast = contrast(colours.link, colours.background);
      assert.ok(textContrast >= 4.5, `${theme.name}: body text contrast ${textContrast.toFixed(1)} is under 4.5 (${colours.text} on ${colours.background})`);
      assert.ok(linkContrast >= 3, `${theme.name}: link contrast ${linkContrast.toFixed(1)} is under 3 (${colours.link} on ${colours.background})`);
      await screenshot(`compare-s400-${theme.themeClass}`);
    }
  });

  test('a figure link in the compare view opens its source at the passage', async () => {
    const { page, screenshot } = uiContext();
    const view = compareFrame(page);
    await view.locator('.disagreement a.passage-link').filter({ hasText: 'more than 80%' }).first().click();
    await activeTab(page, SOURCE_OF_80_PERCENT).waitFor({ state: 'visible', timeout: 30_000 });
    const passage = passageOfSource(SOURCE_OF_80_PERCENT, 'more than 80% of the Indian army');
    assert.equal(passage.range.startLine, passage.range.endLine, 'the test expects a one-line passage');
    // The selection ends where the passage ends, and spans exactly its characters.
    const expected = `Ln ${passage.range.endLine + 1}, Col ${passage.range.endCharacter + 1} (${passage.range.endCharacter - passage.range.startCharacter} selected)`;
    let status = await cursorStatus(page);
    for (const deadline = Date.now() + 15_000; status !== expected && Date.now() < deadline; status = await cursorStatus(page)) await page.waitForTimeout(250);
    await screenshot('compare-opened-source');
    assert.equal(status, expected, 'the editor does not select the passage with the figure (status bar)');
    const visible = foldSpace(await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText());
    assert.ok(visible.includes(foldSpace(passage.text)), `the passage is not on screen; the editor shows: ${visible.slice(0, 300)}`);
  });
});

/** The bundled source (YCPress) that says more than 80% of India's arms come from Russia. */
const SOURCE_OF_80_PERCENT = '002_f27318ddd049f123.txt';

/** The passage of a bundled source holding `words`, as Sourcebook's own ingestion reads it. */
function passageOfSource(fileName: string, words: string): Passage {
  const outcome = ingestFile({ uri: `file:///corpus/${fileName}`, fileName, bytes: readFileSync(join(uiContext().corpusFolder, fileName)) });
  const passage = outcome.kind === 'articles' ? outcome.articles[0].passages.find((candidate) => candidate.text.includes(words)) : undefined;
  assert.ok(passage, `${fileName} has no passage with "${words}"`);
  return passage;
}

/** The webview's content: an outer iframe per webview, our page in its inner active frame. */
function compareFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

async function currentThemeClass(page: Page): Promise<ThemeClass | undefined> {
  const classes = await page.locator('.monaco-workbench').first().getAttribute('class');
  const list = (classes ?? '').split(/\s+/);
  return (['hc-black', 'hc-light', 'vs-dark', 'vs'] as ThemeClass[]).find((name) => list.includes(name));
}

/**
 * Switches the theme through the workspace's settings file, which VS Code applies live: the
 * theme picker itself also searches the marketplace, which this offline machine cannot reach.
 */
async function selectTheme(page: Page, theme: { settingId: string; themeClass: ThemeClass }): Promise<void> {
  const { workspaceFolder } = uiContext();
  mkdirSync(join(workspaceFolder, '.vscode'), { recursive: true });
  writeFileSync(settingsFile(), JSON.stringify({ 'workbench.colorTheme': theme.settingId }, null, 2));
  const deadline = Date.now() + 20_000;
  while ((await currentThemeClass(page)) !== theme.themeClass) {
    if (Date.now() > deadline) throw new Error(`the theme did not change to ${theme.settingId}`);
    await page.waitForTimeout(200);
  }
  // The webview receives the new theme's variables a moment after the workbench.
  await page.waitForTimeout(700);
}

function settingsFile(): string {
  return join(uiContext().workspaceFolder, '.vscode', 'settings.json');
}

/**
 * WCAG contrast ratio of two opaque CSS `rgb()`/`rgba()` colours. A colour that is not of that
 * form, or not opaque (what shows through is unknown), throws instead of being taken for black.
 */
function contrast(first: string, second: string): number {
  const luminance = (css: string) => {
    const parts = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(css.trim());
    if (!parts) throw new Error(`not an rgb() colour: "${css}"`);
    if (parts[4] !== undefined && Number(parts[4]) < 1) throw new Error(`not an opaque colour: "${css}"`);
    const [r, g, b] = parts.slice(1, 4).map((part) => {
      const channel = Number(part) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
