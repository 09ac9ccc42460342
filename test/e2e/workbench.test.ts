/**
 * Sourcebook as a user meets it in the real VS Code workbench (Chromium, mouse and
 * keyboard). Each test leaves a screenshot in test-results/.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uiContext } from './uiContext';
import {
  activeTab,
  activityBarItem,
  cursorStatus,
  expandTopLevelRows,
  hoverWordUntil,
  openViewContainer,
  quickPickRows,
  runFromCommandPalette,
  sideBarPane,
  treeRowTexts,
  waitForEditor,
} from './workbench';
import { foldSpace, longestQuotedRun } from '../integration/quotedText';

const HEADLINES = [
  'Vladimir Putin in India to strengthen ties and maintain a balance',
  'What signal did the Russian Foreign Minister send when he visited India',
  'India Does Balancing Act Between Russia and US as Putin Arrives on Short But Packed Visit Today',
  'India receives Putin because it balances relations with Russia and the United States',
  'Russian President Vladimir Putin will visit India on the 6th',
];

/** The one article that defines RELOS, and the line (1-based, as the status bar counts) of that paragraph. */
const RELOS_SOURCE = '003_9f5badaf90869d35.txt';
const RELOS_LINE = 20;

suite('Sourcebook in the workbench (Chromium)', () => {
  test('the workbench opens the draft and shows the Sourcebook activity bar entry', async () => {
    const { page, screenshot } = uiContext();
    await waitForEditor(page, 'draft.md', 90_000);
    await activityBarItem(page, 'Sourcebook').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('workbench');
  });

  test('the Sourcebook sidebar lists the five article titles', async () => {
    const { page, screenshot } = uiContext();
    await openViewContainer(page, 'Sourcebook');
    const articles = sideBarPane(page, 'Articles');
    await articles.waitFor({ state: 'visible', timeout: 30_000 });
    const missing = async () => {
      const rows = await treeRowTexts(articles);
      return HEADLINES.filter((headline) => !rows.some((row) => row.includes(headline)));
    };
    let absent = await pollUntil(missing, (list) => list.length === 0, 30_000);
    if (absent.length > 0) {
      // Articles grouped under outlets or dates: open the groups as a user would.
      await expandTopLevelRows(articles);
      absent = await pollUntil(missing, (list) => list.length === 0, 15_000);
    }
    await screenshot('articles-view');
    assert.deepEqual(absent, [], `the Articles view does not show: ${absent.join(' | ')}\nrows: ${JSON.stringify(await treeRowTexts(articles), null, 1)}`);
  });

  test('hovering "S-400" in the draft shows a passage from the sources', async () => {
    const { page, screenshot, corpusFolder } = uiContext();
    await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
    await waitForEditor(page, 'draft.md');
    const corpus = readCorpus(corpusFolder);
    const quotesCorpus = (text: string) => longestQuotedRun(text, corpus).split(' ').length >= 8;
    const shown = await hoverWordUntil(page, 'S-400', (text) => /S-?400/i.test(text) && quotesCorpus(text), 60_000);
    await screenshot('hover-s400');
    assert.ok(shown.length > 0, 'no hover showed over "S-400"');
    assert.ok(quotesCorpus(shown), `the hover quotes no run of 8 words from the sources (longest: "${longestQuotedRun(shown, corpus)}"). It showed:\n${shown}`);
    await page.keyboard.press('Escape');
  });

  test('"Sourcebook: Search Sources" finds RELOS and Enter opens the article at the passage', async () => {
    const { page, screenshot } = uiContext();
    await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
    await waitForEditor(page, 'draft.md');
    await runFromCommandPalette(page, 'Sourcebook: Search Sources');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The search may be pre-filled with the word at the cursor: replace it.
    await input.press('ControlOrMeta+a');
    await input.pressSequentially('RELOS', { delay: 30 });
    const result = quickPickRows(page).filter({ hasText: /RELOS|Reciprocal Exchange of Logistics/ }).first();
    await result.waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('search-relos');
    await page.keyboard.press('Enter');

    await activeTab(page, RELOS_SOURCE).waitFor({ state: 'visible', timeout: 30_000 });
    const status = await pollUntil(() => cursorStatus(page), (text) => /selected/.test(text), 15_000);
    await screenshot('search-opened-passage');
    assert.match(status, new RegExp(`^Ln ${RELOS_LINE}, Col \\d+ \\(\\d+ selected\\)`), `the editor does not select the RELOS passage (status bar: "${status}")`);
    const visible = foldSpace(await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText());
    assert.ok(visible.includes('Reciprocal Exchange of Logistics Agreement (RELOS)'), 'the RELOS paragraph is not on screen');
  });
});

function readCorpus(folder: string): string {
  const texts = readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(folder, name), 'utf8'));
  return foldSpace(texts.join('\n'));
}

/** Calls `probe` until `done` accepts its result or the time is up; returns the last result. */
async function pollUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeout: number): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await probe();
  }
  return value;
}
