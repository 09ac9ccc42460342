/**
 * The two ways a writer pulls a quote into the draft, driven with mouse and keyboard in the real
 * workbench: the Insert Quote link on a hover card, and the insert button on a search result.
 * The draft is saved after each and read back from disk: the quote and its citation must be there.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uiContext } from './uiContext';
import { hoverWordUntil, quickPickRows, runFromCommandPalette, waitForEditor } from './workbench';

const RELOS_SENTENCE = 'The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday.';

async function focusDraftAtEnd(): Promise<void> {
  const { page } = uiContext();
  await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
  await waitForEditor(page, 'draft.md');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
}

async function savedDraftUntil(accept: (text: string) => boolean, timeout = 20_000): Promise<string> {
  const { page, workspaceFolder } = uiContext();
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    await page.keyboard.press('ControlOrMeta+s');
    await page.waitForTimeout(400);
    text = readFileSync(join(workspaceFolder, 'draft.md'), 'utf8');
    if (accept(text)) return text;
  }
  return text;
}

suite('Quoting sources into the draft (Chromium)', () => {
  test('the mouse over "RELOS" shows its card, and its Insert Quote link puts the quote and citation in the draft', async () => {
    const { page, screenshot } = uiContext();
    await focusDraftAtEnd();
    const shown = await hoverWordUntil(page, 'RELOS', (text) => text.includes('Insert Quote') && text.includes('Reciprocal Exchange of Logistics Agreement'));
    await screenshot('hover-relos');
    assert.ok(shown.includes('RELOS'), `the card does not name RELOS: ${shown}`);
    assert.ok(shown.includes('1 passage in 1 source'), `the card does not count its sources: ${shown}`);
    await page.locator('.monaco-hover:visible a').filter({ hasText: 'Insert Quote' }).first().click();
    const draft = await savedDraftUntil((text) => text.includes(RELOS_SENTENCE));
    await screenshot('hover-insert-quote-done');
    assert.ok(draft.includes(`> ${RELOS_SENTENCE}`), `the quote is not in the saved draft:\n${draft.slice(-600)}`);
    assert.match(draft, /> — unknown outlet, 2021-12-06/, 'the citation (outlet unknown, dated 2021-12-06) is not under the quote');
  });

  test('a search result\'s insert button quotes that passage into the draft', async () => {
    const { page, screenshot } = uiContext();
    await focusDraftAtEnd();
    await runFromCommandPalette(page, 'Sourcebook: Search Sources');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.press('ControlOrMeta+a');
    await input.pressSequentially('"maritime route"', { delay: 30 });
    const row = quickPickRows(page).filter({ hasText: 'Chennai-Vladivostok' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.hover();
    await screenshot('search-maritime-route');
    await row.locator('.action-label[aria-label*="Insert quote"], .action-label[title*="Insert quote"]').first().click();
    const draft = await savedDraftUntil((text) => text.includes('Chennai-Vladivostok maritime'));
    await screenshot('search-insert-quote-done');
    assert.ok(/> [^\n]*Chennai-Vladivostok maritime/.test(draft), `the quoted passage is not in the saved draft:\n${draft.slice(-600)}`);
  });
});
