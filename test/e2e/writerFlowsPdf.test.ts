/**
 * A PDF among the sources, in the real workbench: Search Sources shows a passage's page, and
 * Enter opens the text Sourcebook read from the PDF in a read-only tab titled with the file and
 * the page, the passage selected. Named to run after the other UI suites (files run in name
 * order): it widens the corpus for a moment and puts it back.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportPdf } from '../fixtures/documents/documentFixtures';
import { uiContext } from './uiContext';
import { cursorStatus, quickPickRows, runFromCommandPalette, waitForEditor } from './workbench';

const passageOnPage2 = 'The well-known S-400 batteries were delivered in December.';

suite('Opening a PDF passage (Chromium)', () => {
  let cleanUp = () => undefined as void;

  suiteSetup(() => {
    const { workspaceFolder } = uiContext();
    const sources = join(workspaceFolder, 'pdf-sources');
    const settings = join(workspaceFolder, '.vscode');
    mkdirSync(sources, { recursive: true });
    mkdirSync(settings, { recursive: true });
    writeFileSync(join(sources, 'report.pdf'), reportPdf());
    writeFileSync(join(settings, 'settings.json'), JSON.stringify({ 'sourcebook.corpus.paths': ['pdf-sources'], 'sourcebook.corpus.includeBundled': true }, null, 2));
    cleanUp = () => {
      rmSync(settings, { recursive: true, force: true });
      rmSync(sources, { recursive: true, force: true });
    };
  });

  suiteTeardown(() => cleanUp());

  test('Search Sources shows "p. 2" for a PDF passage, and Enter opens the PDF\'s text at it, read-only, titled "report.pdf — p. 2"', async () => {
    const { page, screenshot } = uiContext();
    await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
    await waitForEditor(page, 'draft.md');
    // The status bar counts the PDF once the settings file is seen and the PDF is read.
    await page.locator('.statusbar-item').filter({ hasText: 'Sourcebook: 6 articles' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await runFromCommandPalette(page, 'Sourcebook: Search Sources');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    const row = quickPickRows(page).filter({ hasText: 'batteries were delivered' }).filter({ hasText: 'p. 2' }).first();
    await input.press('ControlOrMeta+a');
    await input.pressSequentially('"well-known S-400 batteries"', { delay: 20 });
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await row.innerText(), /Logistics in the Indo-Pacific, p\. 2/);
    await screenshot('search-pdf-passage-page');
    await row.click();
    await waitForEditor(page, 'report.pdf — p. 2');
    await page.waitForFunction(() => document.querySelector('[id="status.editor.selection"]')?.textContent?.includes('selected') === true, undefined, { timeout: 15_000 });
    assert.match(await cursorStatus(page), new RegExp(`\\(${passageOnPage2.length} selected\\)`));
    const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
    assert.ok(lines.replace(/\s+/g, ' ').includes(passageOnPage2), lines);
    await screenshot('pdf-passage-open');
  });
});
