/**
 * A folder of Chinese sources, seen in the real workbench (issue 16): with no alias file, the
 * Topics view lists the foreign people the sources name as Chinese writes them (parts joined by a
 * middle dot), and the mouse over the surname alone in a Chinese draft line shows that person's
 * card, citing both passages.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uiContext } from './uiContext';
import { expandTopLevelRows, hoverWordUntil, openViewContainer, sideBarPane, treeRowTexts, waitForEditor } from './workbench';

/** Our own sentences, written the way Chinese agencies report such a meeting. */
const SOURCE = [
  '美印外长会谈',
  '美国国务卿安东尼·布林肯12月6日在新德里会见印度外长苏布拉马尼亚姆·苏杰生，双方讨论了地区安全问题。',
  '布林肯说，美国重视与印度的伙伴关系。苏杰生表示，两国将继续对话。',
].join('\n\n');

suite('Chinese sources: people named with a middle dot (Chromium)', () => {
  test('the Topics view lists 安东尼·布林肯 and 苏布拉马尼亚姆·苏杰生, and the mouse over 布林肯 in a Chinese draft line shows his card', async () => {
    const { page, screenshot, workspaceFolder } = uiContext();
    await waitForEditor(page, 'draft.md');
    mkdirSync(join(workspaceFolder, 'zh-sources'), { recursive: true });
    writeFileSync(join(workspaceFolder, 'zh-sources', 'chinanews.txt'), `${SOURCE}\n`);
    mkdirSync(join(workspaceFolder, '.vscode'), { recursive: true });
    writeFileSync(join(workspaceFolder, '.vscode', 'settings.json'), JSON.stringify({ 'sourcebook.corpus.paths': ['zh-sources'] }, null, 2));

    await openViewContainer(page, 'Sourcebook');
    const topics = sideBarPane(page, 'Topics');
    const deadline = Date.now() + 60_000;
    let rows: string[] = [];
    while (Date.now() < deadline) {
      await expandTopLevelRows(topics);
      rows = await treeRowTexts(topics);
      if (rows.some((row) => row.includes('安东尼·布林肯')) && rows.some((row) => row.includes('苏布拉马尼亚姆·苏杰生'))) break;
      await page.waitForTimeout(500);
    }
    await screenshot('topics-chinese-names');
    assert.ok(rows.some((row) => /安东尼·布林肯\s*2 mentions · 1 source/.test(row)), `no row for 安东尼·布林肯 with 2 mentions: ${rows.join(' | ')}`);
    assert.ok(rows.some((row) => /苏布拉马尼亚姆·苏杰生\s*2 mentions · 1 source/.test(row)), `no row for 苏布拉马尼亚姆·苏杰生 with 2 mentions: ${rows.join(' | ')}`);

    await page.locator('.editor-group-container .tab').filter({ hasText: 'draft.md' }).first().click();
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type('草稿：布林肯将再次访问新德里。', { delay: 10 });
    await page.keyboard.press('Enter');
    const shown = await hoverWordUntil(page, '布林肯', (text) => text.includes('安东尼·布林肯') && text.includes('伙伴关系'));
    await screenshot('hover-chinese-surname');
    assert.ok(shown.includes('安东尼·布林肯'), `the card does not name 安东尼·布林肯: ${shown}`);
    assert.ok(shown.includes('会见印度外长') && shown.includes('美国重视与印度的伙伴关系'), `the card does not cite both passages: ${shown}`);
  });
});
