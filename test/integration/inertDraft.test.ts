/**
 * Inert in the draft too (issue 19, item 4), in a real VS Code: a source whose passages and
 * title carry a tracking pixel, a command link, `<img onerror>`, an autolink and bidi controls
 * is quoted into the writer's drafts. In a markdown draft the words arrive escaped, and VS
 * Code's own markdown preview renderer (`markdown.api.render`) shows them with no image, no
 * command link and no HTML; in a plain-text draft they arrive as written; in both no bidi or
 * invisible character arrives. The misquote quick fix writes the source's words the same way,
 * and the quote it wrote is then word for word (no warning left behind).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import type { Passage } from '../../src/core/model';
import { activateSourcebook, openDraft, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

const corpusFolder = 'inert-sources';
const config = () => vscode.workspace.getConfiguration('sourcebook');
const citationFormat = '> {quote}\n>\n> — {outlet}, {title}, {date}';

const hostileTitle = 'Zircon \u202eevil\u202c ![t](https://tracker.example/t.gif) <b>report</b>';
const hostilePassage =
  'The Zircon crew ![pixel](https://tracker.example/p.gif) landed, [click me](command:workbench.action.terminal.new) said <img src=x onerror=alert(1)> the pilot, see <https://tracker.example/a> and \u202edetpecca\u202c \u2066isolated\u2069 words.';
/** What a reader must still see of the passage (bidi controls gone, words kept). */
const passageWords = ['The Zircon crew', '![pixel](https://tracker.example/p.gif) landed,', '[click me](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', 'the pilot', '<https://tracker.example/a>', 'detpecca isolated words.'];
const misquotedPassage = 'Officials said the [Zircon] missile *never* failed <b>in</b> any test since the first launch in 2020.';

// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/;

/** VS Code's markdown preview renderer, or undefined where the built-in markdown extension does not answer. */
async function renderedByPreview(markdown: string): Promise<string | undefined> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    return typeof html === 'string' ? html : undefined;
  } catch {
    return undefined;
  }
}

/** The text a reader sees in rendered HTML: tags dropped, the usual entities read, white space folded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function passageContaining(api: SourcebookApi, words: string): Passage {
  const passage = api.index.articles().flatMap((article) => article.passages).find((candidate) => candidate.text.includes(words));
  assert.ok(passage, `no passage with "${words}"`);
  return passage;
}

suite('Inert in the draft: quoting a hostile source writes its words and nothing live', function () {
  this.timeout(120_000);
  let api: SourcebookApi;

  suiteSetup(async function () {
    this.timeout(120_000);
    api = await activateSourcebook();
    await writeWorkspaceFile(`${corpusFolder}/hostile-quote.txt`, `${hostileTitle}\n\n${hostilePassage}\n\n${misquotedPassage}\n`);
    await config().update('citation.format', citationFormat, vscode.ConfigurationTarget.Workspace);
    await config().update('corpus.paths', [corpusFolder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the hostile source to load', () => api.loadSummary()?.usingBundled === false && api.index.articles().some((article) => article.sourceUri.endsWith('/hostile-quote.txt')), 60_000);
    await api.ready();
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, corpusFolder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('citation.format', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('completion.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
  });

  test('the source really is hostile: the index keeps its markup and bidi controls as written', () => {
    const passage = passageContaining(api, 'The Zircon crew');
    assert.ok(passage.text.includes('![pixel](https://tracker.example/p.gif)') && passage.text.includes('\u202e'), passage.text);
    assert.ok(api.index.article(passage.articleId)?.meta.title.includes('\u202e'));
  });

  test('Insert Quote into a markdown draft: no image, link or HTML in the draft or its preview, and the words are there', async function () {
    const draft = await openDraft('Intro line.\n');
    const editor = await vscode.window.showTextDocument(draft);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    assert.ok(await vscode.commands.executeCommand('sourcebook.insertQuote', passageContaining(api, 'The Zircon crew').id), 'Insert Quote did not insert');
    const text = draft.getText();
    assert.ok(text.startsWith('Intro line.\n> The Zircon crew'), text);
    assert.ok(!unsafeCharacters.test(text), `a bidi, invisible or control character in the draft: ${JSON.stringify(text)}`);
    assert.ok(!text.includes('!['), `an image can start in the draft:\n${text}`);
    assert.ok(!/(^|[^\\])\]\(/.test(text), `a link can close in the draft:\n${text}`);
    assert.ok(!/<(img|b|https?:)/i.test(text), `raw HTML or an autolink in the draft:\n${text}`);
    assert.ok(text.includes('\\[click me\\](command:workbench.action.terminal.new)') && text.includes('&lt;img src=x onerror=alert(1)>'), text);
    assert.ok(text.includes('Zircon evil !\\[t\\](https://tracker.example/t.gif) &lt;b>report&lt;/b>'), `the title, inert, is in the citation:\n${text}`);

    const html = await renderedByPreview(text);
    if (html !== undefined) {
      assert.ok(!/<img|<b>|<script/i.test(html), `the preview renders live HTML or an image:\n${html}`);
      for (const link of html.matchAll(/<a\s[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)) {
        assert.ok(/^https?:/.test(link[1]) && visibleText(link[2]) === link[1].replace(/&amp;/g, '&'), `a link in the preview that is not a bare address shown as itself: ${link[0]}`);
      }
      const shown = visibleText(html);
      for (const words of passageWords) assert.ok(shown.includes(words), `the preview does not show "${words}":\n${shown}`);
      assert.ok(shown.includes('Zircon evil ![t](https://tracker.example/t.gif) <b>report</b>'), shown);
    } else {
      this.test!.title += ' (markdown.api.render did not answer here: the preview check was left out)';
    }
    await vscode.commands.executeCommand('undo');
    assert.equal(draft.getText(), 'Intro line.\n');
  });

  test('Insert Quote into a plain-text draft: the words as written, no backslash added, no bidi control', async () => {
    const draft = await openDraft('Intro line.\n', 'plaintext');
    const editor = await vscode.window.showTextDocument(draft);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    assert.ok(await vscode.commands.executeCommand('sourcebook.insertQuote', passageContaining(api, 'The Zircon crew').id));
    const text = draft.getText();
    assert.ok(!unsafeCharacters.test(text), `a bidi, invisible or control character in the draft: ${JSON.stringify(text)}`);
    assert.ok(!text.includes('\\'), `a backslash in a plain-text draft:\n${text}`);
    for (const words of passageWords) assert.ok(text.includes(words), `"${words}" is not in the draft:\n${text}`);
    assert.ok(text.includes('Zircon evil ![t](https://tracker.example/t.gif) <b>report</b>'), text);
  });

  test('the misquote quick fix writes the source\'s words inert, and they then check as word for word', async () => {
    const misquote = 'Officials said the Zircon missile never failed in a single test since the first launch in 2020';
    const draft = await openDraft(`# Notes\n\nThe ministry wrote: "${misquote}," and moved on.\n`);
    await vscode.window.showTextDocument(draft);
    const found = await vscode.commands.executeCommand<vscode.Diagnostic[]>('sourcebook.checkDraft');
    const diagnostic = found.find((candidate) => candidate.code === 'misquote');
    assert.ok(diagnostic, `no misquote among: ${found.map((candidate) => candidate.message).join(' | ')}`);
    // The message names the source by its title, which carries a right-to-left override: the Problems panel gets the words without it.
    assert.match(diagnostic.message, /Zircon evil/);
    for (const message of [diagnostic.message, ...(diagnostic.relatedInformation ?? []).map((related) => related.message)]) {
      assert.ok(!unsafeCharacters.test(message), `a bidi, invisible or control character in the Problems panel: ${JSON.stringify(message)}`);
    }
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.startsWith('Use the exact words'));
    assert.ok(fix?.edit, `no quick fix among: ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const line = draft.lineAt(2).text;
    assert.equal(line, 'The ministry wrote: "Officials said the \\[Zircon\\] missile \\*never\\* failed &lt;b>in&lt;/b> any test since the first launch in 2020," and moved on.');
    const html = await renderedByPreview(line);
    if (html !== undefined) {
      assert.ok(!/<(b|em|a)\b/i.test(html), html);
      assert.ok(visibleText(html).includes('Officials said the [Zircon] missile *never* failed <b>in</b> any test'), html);
    }
    const after = await vscode.commands.executeCommand<vscode.Diagnostic[]>('sourcebook.checkDraft');
    assert.deepEqual(after.filter((candidate) => candidate.code === 'misquote').map((candidate) => candidate.message), [], 'the fixed quote is still flagged');
  });

  test('topic completions insert plain text with no bidi or invisible character', async () => {
    await config().update('completion.enabled', true, vscode.ConfigurationTarget.Workspace);
    const draft = await openDraft('Zirc');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', draft.uri, new vscode.Position(0, 4));
    const ours = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
    assert.ok(ours.length > 0, `no topic completion for "Zirc": ${list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).join(', ')}`);
    for (const item of ours) {
      assert.ok(typeof item.insertText === 'string', 'a topic completion is inserted as plain text, never as a snippet');
      assert.ok(!unsafeCharacters.test(item.insertText), JSON.stringify(item.insertText));
    }
  });
});
