/**
 * The story ledger as a writer sees it in the real workbench: the Draft Check view on the demo
 * draft with the claim marks on, and the exported fact-check report in the markdown preview,
 * each in light and dark themes (screenshots in test-results/); a link of the report, clicked in
 * the preview, opens its source at the passage. The sources are the bundled articles copied into
 * the workspace's `sources/` folder, as a writer keeps them.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { uiContext } from './uiContext';
import { openViewContainer, quickOpenFile, runFromCommandPalette, sideBarPane, treeRowTexts, useColorTheme, waitForEditor, waitForTreeRow } from './workbench';

const THEMES = [
  { settingId: 'Default Light Modern', themeClass: 'vs' },
  { settingId: 'Default Dark Modern', themeClass: 'vs-dark' },
];

/** The draft's claim the view lists as single source, with its passage and note. */
const ARMS_CLAIM = 'Russia still supplies more than 60% of India\'s arms imports.';

suite('Draft Check view and fact-check report (Chromium)', () => {
  suiteSetup(async () => {
    const { page, workspaceFolder, corpusFolder } = uiContext();
    await waitForEditor(page, 'draft.md', 90_000);
    await page.locator('.statusbar-item').filter({ hasText: /Sourcebook: [1-9]\d* articles?/ }).first().waitFor({ state: 'visible', timeout: 90_000 });
    // The bundled articles as the writer's own sources: first one file (the index visibly switches to
    // the folder: 1 article), then the other four (5 articles, read from the workspace).
    const sources = join(workspaceFolder, 'sources');
    mkdirSync(sources, { recursive: true });
    const articles = readdirSync(corpusFolder).filter((name) => name.endsWith('.txt')).sort();
    assert.equal(articles.length, 5);
    copyFileSync(join(corpusFolder, 'sourcebook.manifest.json'), join(sources, 'sourcebook.manifest.json'));
    copyFileSync(join(corpusFolder, articles[0]), join(sources, articles[0]));
    mkdirSync(join(workspaceFolder, '.vscode'), { recursive: true });
    writeFileSync(join(workspaceFolder, '.vscode', 'settings.json'), JSON.stringify({ 'sourcebook.corpus.paths': ['sources'] }, null, 2));
    await page.locator('.statusbar-item').filter({ hasText: /Sourcebook: 1 article$/ }).first().waitFor({ state: 'visible', timeout: 90_000 });
    for (const name of articles.slice(1)) copyFileSync(join(corpusFolder, name), join(sources, name));
    await page.locator('.statusbar-item').filter({ hasText: /Sourcebook: 5 articles$/ }).first().waitFor({ state: 'visible', timeout: 90_000 });
  });

  test('the Draft Check view lists the demo draft\'s claims by status; with claim marks on, the draft shows them in the gutter; light and dark', async () => {
    const { page, screenshot, workspaceFolder } = uiContext();
    await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
    await openViewContainer(page, 'Sourcebook');
    // The Articles and Topics panes folded, so the Draft Check view has the side bar.
    for (const title of ['Articles', 'Topics']) {
      const other = sideBarPane(page, title).locator('.pane-header');
      if ((await other.getAttribute('aria-expanded')) === 'true') await other.locator('.title').click();
    }
    const pane = sideBarPane(page, 'Draft Check');
    await pane.waitFor({ state: 'visible', timeout: 30_000 });
    const header = pane.locator('.pane-header');
    await waitForTreeRow(page, pane, 'Single source (4)', 90_000);
    const groups = (await treeRowTexts(pane)).filter((row) => /^(Disputed|Not found|Second-hand|Single source|Supported) \(\d+\)$/.test(row));
    assert.deepEqual(groups, ['Disputed (0)', 'Not found (7)', 'Second-hand (0)', 'Single source (4)', 'Supported (1)']);

    // The single-source group and the arms share, expanded: its deciding passage and why the other figures are no contradiction.
    const single = pane.locator('.monaco-list-row').filter({ hasText: 'Single source (4)' }).first();
    if ((await single.getAttribute('aria-expanded')) === 'false') await single.locator('.monaco-tl-twistie').click();
    const arms = pane.locator('.monaco-list-row').filter({ hasText: ARMS_CLAIM }).first();
    await arms.scrollIntoViewIfNeeded();
    await arms.locator('.monaco-tl-twistie').click();
    await pane.locator('.monaco-list-row').filter({ hasText: /^different measures: share of weapons imported since 2010/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const rows = await treeRowTexts(pane);
    assert.ok(rows.some((row) => row.startsWith('“Russian President Vladimir Putin will…”: …') && row.includes('more than 60% of the weapons imported by India')), rows.join('\n'));

    // Claim marks from the view's title: a gutter icon per claim in the draft.
    await header.hover();
    await pane.locator('.pane-header .actions .action-label[aria-label="Toggle Claim Marks"]').click();
    // One icon on the first line of each of the 12 claims (two of them start on line 13).
    const gutterIcons = page.locator('.editor-group-container.active .monaco-editor .cgmr');
    await gutterIcons.first().waitFor({ state: 'visible', timeout: 30_000 });
    const iconLines = await gutterIcons.evaluateAll((icons) => [...new Set(icons.map((icon) => Math.round(icon.getBoundingClientRect().top)))].length);
    assert.equal(iconLines, 11, `gutter icons on ${iconLines} lines`);

    for (const theme of THEMES) {
      await useColorTheme(page, workspaceFolder, theme.settingId, theme.themeClass);
      const icon = await gutterIcons.first().evaluate((element) => getComputedStyle(element).backgroundImage);
      assert.match(icon, new RegExp(`claim-[a-z-]+-${theme.themeClass === 'vs' ? 'light' : 'dark'}\\.svg`), `${theme.settingId}: the gutter icon is ${icon}`);
      await screenshot(`draft-check-${theme.themeClass}`);
    }
  });

  test('Export Fact-Check Report writes draft.fact-check.md; its preview shows each claim and a link that opens the passage; light and dark', async () => {
    const { page, screenshot, workspaceFolder } = uiContext();
    await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
    await waitForEditor(page, 'draft.md');
    await runFromCommandPalette(page, 'Sourcebook: Export Fact-Check Report...');
    // The export waits for the sources' index to be current (a busy machine may take a while); the report is then written beside the draft.
    const reportFile = join(workspaceFolder, 'draft.fact-check.md');
    for (const deadline = Date.now() + 120_000; !existsSync(reportFile) && Date.now() < deadline; ) await page.waitForTimeout(250);
    assert.ok(existsSync(reportFile), 'the report was not written beside the draft');
    assert.match(readFileSync(reportFile, 'utf8'), /^# Fact-check report: draft\.md\n/);

    // The report alone in the window, its preview beside nothing, as a reader opens it.
    await runFromCommandPalette(page, 'View: Close All Editors');
    await quickOpenFile(page, 'draft.fact-check.md');
    await runFromCommandPalette(page, 'Markdown: Open Preview');
    const preview = previewFrame(page);
    await preview.locator('h1').filter({ hasText: 'Fact-check report: draft.md' }).waitFor({ state: 'visible', timeout: 60_000 });
    await preview.locator('h3').filter({ hasText: ARMS_CLAIM }).waitFor({ state: 'visible', timeout: 15_000 });
    for (const theme of THEMES) {
      await useColorTheme(page, workspaceFolder, theme.settingId, theme.themeClass);
      await preview.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
      await screenshot(`fact-check-report-${theme.themeClass}`);
      await preview.locator('h3').filter({ hasText: ARMS_CLAIM }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await screenshot(`fact-check-report-arms-share-${theme.themeClass}`);
      await preview.locator('h1').first().scrollIntoViewIfNeeded();
    }

    // The arms share's passage, clicked in the preview: its link is relative, with the passage's line and column.
    const reportText = readFileSync(reportFile, 'utf8');
    const armsLine = reportText.split('\n').find((text) => text.includes('more than 60% of the weapons imported by India') && text.includes('[open passage]('));
    assert.ok(armsLine, 'the report has no open-passage link under the arms share');
    const link = /\[open passage\]\((sources\/[^)#]+\.txt)#L(\d+),(\d+)\)/.exec(armsLine);
    assert.ok(link, `the arms share's link is not a relative link to its source file: ${armsLine}`);
    const [, sourcePath, line, column] = link;
    const sourceLines = readFileSync(join(workspaceFolder, sourcePath), 'utf8').split('\n');
    const fromLink = sourceLines.slice(Number(line) - 1).join('\n').slice(Number(column) - 1).split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
    assert.ok(fromLink.includes('more than 60% of the weapons imported by India'), `the paragraph at line ${line}, column ${column} of ${sourcePath} is not the passage: ${fromLink.slice(0, 200)}`);
    const previewLink = preview.locator('li').filter({ hasText: 'more than 60% of the weapons imported by India' }).locator('a').filter({ hasText: 'open passage' }).first();
    await previewLink.scrollIntoViewIfNeeded();
    await previewLink.click();
    const sourceName = sourcePath.split('/').pop() ?? sourcePath;
    await page.locator('.editor-group-container .tab.active').filter({ hasText: sourceName }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction((expected) => document.querySelector('[id="status.editor.selection"]')?.textContent?.includes(expected), `Ln ${line}, Col ${column}`, { timeout: 15_000, polling: 100 });
    for (const theme of [...THEMES].reverse()) {
      await useColorTheme(page, workspaceFolder, theme.settingId, theme.themeClass);
      await screenshot(`fact-check-report-opened-passage-${theme.themeClass}`);
    }
    const visible = await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
    assert.ok(visible.replace(/\s+/g, ' ').includes('more than 60% of the weapons imported by India'), `the passage is not on screen: ${visible.slice(0, 300)}`);
  });
});

/** The markdown preview's content: the outer webview iframe, our page in its inner active frame. */
function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}
