/**
 * Sourcebook Archive from the writer's side, in a real VS Code (both extension hosts), against
 * the real service on a throwaway PostgreSQL holding test/fixtures/archive (started by the
 * harness, scripts/testArchive.mjs, which writes its address and token beside the workspace).
 * The archive's term, "Quillmarsh", is in no bundled source: a card for it can only come from
 * the archive. What a writer sees is asserted: the status bar's words, the hover's passage and
 * its "Archive" label, the search items, and local hovers still working once the database is
 * stopped mid-session.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { searchItemsWithArchive } from '../../src/commands/searchSources';
import { activateSourcebook, hoverMarkdownAt, openDraft, waitFor, workspaceFolder } from './sourcebookTestKit';

interface TestArchive {
  url?: string;
  token?: string;
  control?: string;
  unavailable?: string;
  required?: boolean;
}

async function testArchive(): Promise<TestArchive | undefined> {
  const file = vscode.Uri.joinPath(workspaceFolder().uri, '..', 'sourcebook-test-archive.json');
  return vscode.workspace.fs.readFile(file).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as TestArchive, () => undefined);
}

/** The hover a writer sees at a word of a one-line draft, polled until `expected` shows (a late archive card shows on a later hover). */
async function hoverShowing(document: vscode.TextDocument, word: string, expected: RegExp, timeoutMs = 30_000): Promise<string> {
  const at = document.getText().indexOf(word);
  assert.ok(at >= 0, `“${word}” is not in the draft`);
  return waitFor(`a hover on “${word}” showing ${expected}`, async () => {
    const markdown = await hoverMarkdownAt(document, document.positionAt(at + 2));
    return markdown && expected.test(markdown) ? markdown : undefined;
  }, timeoutMs);
}

suite('Sourcebook Archive', function () {
  let api: SourcebookApi;
  let archive: TestArchive;

  suiteSetup(async function () {
    const written = await testArchive();
    if (!written || written.unavailable) {
      assert.ok(!written?.required, `the archive suite must run here, but: ${written?.unavailable}`);
      this.skip();
    }
    archive = written as TestArchive;
    api = await activateSourcebook();
  });

  suiteTeardown(async () => {
    if (!archive?.url) return;
    if (archive.control) await fetch(`${archive.control}/database/start`).catch(() => undefined);
    await vscode.commands.executeCommand('sourcebook.disconnectArchive');
    await vscode.workspace.getConfiguration('sourcebook').update('archive.url', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Connect to Archive: the status bar says how many passages the archive holds', async () => {
    const connected = await vscode.commands.executeCommand<boolean>('sourcebook.connectArchive', archive.url, archive.token);
    assert.equal(connected, true, `did not connect: ${api.archiveStatusBar.text} — ${api.archiveStatusBar.tooltip}`);
    const text = await waitFor('the archive status bar item', () => (/Archive: [\d,]+ passages/.test(api.archiveStatusBar.text) ? api.archiveStatusBar.text : undefined));
    assert.match(text, /^\$\(database\) Archive: [1-9][\d,]* passages$/);
    assert.match(api.archiveStatusBar.tooltip, /4 articles/);
    assert.equal(vscode.workspace.getConfiguration('sourcebook').get('archive.url'), archive.url);
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('sourcebook').inspect('archive')).includes(archive.token ?? '\u0000'), 'the token is not in the settings');
  });

  test('a hover on a term only the archive knows shows its passage, labelled Archive, with Open and Insert Quote', async () => {
    const localMatch = api.index.topics().lookup('Quillmarsh', 1)[0];
    assert.ok(!localMatch || !/quillmarsh/i.test(localMatch.topic.name), 'no local source knows Quillmarsh');
    // Room for every archive passage on the card, the hostile notice's too.
    await vscode.workspace.getConfiguration('sourcebook').update('hover.maxPassages', 10, vscode.ConfigurationTarget.Global);
    const document = await openDraft('The Quillmarsh channel is silting up again.');
    await vscode.window.showTextDocument(document);
    const markdown = await hoverShowing(document, 'Quillmarsh', /click here/).finally(() => vscode.workspace.getConfiguration('sourcebook').update('hover.maxPassages', undefined, vscode.ConfigurationTarget.Global));
    assert.match(markdown, /Archive/);
    assert.match(markdown, /Quillmarsh/);
    assert.match(markdown, /Coast Ledger|Northern Wire/, 'the passage names its outlet');
    assert.match(markdown, /channel|harbour|quay/, 'the passage text is shown');
    assert.match(markdown, /command:sourcebook\.openArchivePassage/);
    assert.match(markdown, /command:sourcebook\.insertArchiveQuote/);
    assert.doesNotMatch(markdown, /command:sourcebook\.openPassage\?/, 'no local link for an archive passage');
    assert.doesNotMatch(markdown, /\]\(command:workbench/, 'an archive article\'s link stays text');
    assert.doesNotMatch(markdown, /<img|<script/, 'archive HTML stays text');
  });

  test('Open on an archive passage shows the article read-only at the passage', async () => {
    const document = await openDraft('Quillmarsh');
    await vscode.window.showTextDocument(document);
    const markdown = await hoverShowing(document, 'Quillmarsh', /openArchivePassage/);
    const link = /command:sourcebook\.openArchivePassage\?([^ )"]+)/.exec(markdown);
    assert.ok(link, 'an Open link');
    // The link names the passage and the article the archive says it is in, and runs with both, as a click does.
    const [passageId, articleId] = JSON.parse(decodeURIComponent(link[1])) as [string, string];
    assert.equal(typeof articleId, 'string', 'the archive named the passage\'s article');
    assert.ok(passageId.startsWith(`${articleId}.`), `${passageId} is in ${articleId}`);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('sourcebook.openArchivePassage', passageId, articleId);
    assert.ok(editor, 'the passage opened');
    assert.equal(editor.document.uri.scheme, 'sourcebook-archive');
    assert.match(editor.document.getText(editor.selection), /Quillmarsh/);
  });

  test('Insert Quote on an archive passage puts it in the draft with its outlet and date', async () => {
    const [hit] = await api.archive.search('Varnhagen', 1);
    assert.ok(hit, 'the archive finds the harbour master');
    const draft = await openDraft('Notes:\n');
    const editor = await vscode.window.showTextDocument(draft);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const inserted = await vscode.commands.executeCommand<boolean>('sourcebook.insertArchiveQuote', hit.passageId, hit.articleId);
    assert.equal(inserted, true);
    const text = draft.getText();
    assert.match(text, /> Harbour master Ilse Varnhagen said the Quillmarsh channel would be kept at nine metres until the autumn storms\./);
    assert.match(text, /— Coast Ledger, 2019-04-11/);
  });

  test('Search Sources merges archive hits after the local ones, labelled Archive', async () => {
    const items = await searchItemsWithArchive(api.index, api.archive, 'Delhi');
    const local = items.findIndex((item) => item.passageId && item.description !== 'Archive');
    const fromArchive = items.findIndex((item) => item.description === 'Archive');
    assert.ok(local >= 0, `a local hit: ${JSON.stringify(items.slice(0, 3))}`);
    assert.ok(fromArchive > local, `an archive hit after the local ones: ${JSON.stringify(items.map((item) => item.label))}`);
    assert.match(items[fromArchive].label, /Delhi/);
    assert.match(items[fromArchive].detail ?? '', /Coast Ledger/);
  });

  test('with the database stopped mid-session, local hovers keep working and the status bar says the archive is lost', async () => {
    assert.ok(archive.control);
    const stopped = await fetch(`${archive.control}/database/stop`);
    assert.equal(stopped.status, 200, await stopped.text());
    const document = await openDraft('Vladimir Putin met the Quillmarsh board about Narendra Modi.');
    await vscode.window.showTextDocument(document);
    const local = await hoverShowing(document, 'Putin', /Putin/, 30_000);
    assert.match(local, /command:sourcebook\.openPassage/, 'the local card is shown');
    // A term the archive was not asked about yet goes to the service, which finds its database gone.
    await hoverMarkdownAt(document, document.positionAt(document.getText().indexOf('Modi') + 1));
    const text = await waitFor('the status bar to show the archive lost', () => (/unreachable|too slow/.test(api.archiveStatusBar.text) ? api.archiveStatusBar.text : undefined), 30_000);
    assert.match(text, /Archive (unreachable|too slow)/);
    assert.match(api.archiveStatusBar.tooltip, /local sources meanwhile/);
    const again = await hoverShowing(document, 'Putin', /Putin/);
    assert.match(again, /command:sourcebook\.openPassage/, 'local hovers still work after the archive is lost');
  });
});
