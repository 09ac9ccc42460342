/**
 * Sourcebook Archive driven with mouse and keyboard in the real workbench, against the real
 * service on a throwaway PostgreSQL (started by the harness): Connect to Archive from the
 * command palette (address, then the token in a password box), the status bar's count, and the
 * mouse over a term only the archive knows showing its passage labelled "Archive".
 */
import * as assert from 'node:assert/strict';
import { uiContext } from './uiContext';
import { hoverWordUntil, runFromCommandPalette, waitForEditor } from './workbench';

suite('Sourcebook Archive (Chromium)', () => {
  // The next files share this user-data folder: they run with the archive forgotten.
  suiteTeardown(async () => {
    const { page, archive } = uiContext();
    if (!archive || 'unavailable' in archive) return;
    await page.keyboard.press('Escape');
    await runFromCommandPalette(page, 'Sourcebook: Disconnect from Archive').catch(() => undefined);
  });

  test('Connect to Archive from the palette; the status bar counts its passages; the mouse over "Quillmarsh" shows the archive\'s passage', async function () {
    const { page, screenshot, archive } = uiContext();
    if (!archive || 'unavailable' in archive) {
      assert.ok(!process.env.CI, `the archive UI test must run in CI, but: ${archive && 'unavailable' in archive ? archive.unavailable : 'no archive'}`);
      this.skip();
      return;
    }
    await waitForEditor(page, 'draft.md', 90_000);
    // Sourcebook is running (its status bar item counts the bundled articles) before its command is looked for.
    await page.locator('.statusbar-item').filter({ hasText: /Sourcebook: [1-9]\d* articles?/ }).first().waitFor({ state: 'visible', timeout: 90_000 });
    await runFromCommandPalette(page, 'Sourcebook: Connect to Archive');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: '1/2' }).waitFor({ state: 'visible', timeout: 15_000 });
    await input.pressSequentially(archive.url, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: '2/2' }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await input.getAttribute('type'), 'password', 'the token is typed into a password box');
    await input.pressSequentially(archive.token, { delay: 2 });
    await page.keyboard.press('Enter');
    const item = page.locator('.statusbar-item').filter({ hasText: /Archive: [\d,]+ passages/ }).first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('archive-connected');

    await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The Quillmarsh channel is silting up again.', { delay: 5 });
    const shown = await hoverWordUntil(page, 'Quillmarsh', (text) => text.includes('Archive') && /Coast Ledger|Northern Wire/.test(text));
    await screenshot('hover-archive-quillmarsh');
    assert.match(shown, /Insert Quote/);
    assert.match(shown, /channel|harbour|quay/);
  });
});
