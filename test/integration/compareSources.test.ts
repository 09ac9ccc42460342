/**
 * "Compare sources" as a writer meets it in a real VS Code: the compare view for a topic, the
 * draft check (a misquote flagged with the source's words, fixed by the quick fix), a figure
 * that contradicts every source, and the hover on a figure in the draft.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CompareSourcesResult } from '../../src/commands/compareSources';
import type { SourcebookApi } from '../../src/extension';
import { activateSourcebook, hoverMarkdownAt, openDraft, waitFor } from './sourcebookTestKit';

/** The five bundled sources as the view names them: outlet, else the start of the title. */
const FIVE_SOURCES = ['RFI', 'YCPress', 'Associated Press', '“Russian President Vladimir Putin will…”', '“India Does Balancing Act Between…”'];
/** Anish Goel's words in the bundled source, and a misquote of them. */
const SOURCE_WORDS = 'The United States is nervous about the summit meeting between Russia and India';
const MISQUOTE = 'The United States is worried about the summit meeting between Russia and India';

suite('Compare sources', () => {
  let api: SourcebookApi;

  suiteSetup(async () => {
    api = await activateSourcebook();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Compare Sources for S-400 shows all five sources and flags the arms-share disagreement', async () => {
    const topic = api.index.topics().lookup('S-400', 1)[0]?.topic;
    assert.ok(topic, 'S-400 is not a topic');
    const result = await vscode.commands.executeCommand<CompareSourcesResult | undefined>('sourcebook.compareSources', topic.id);
    assert.ok(result?.model, 'the command opened no view');
    const { model } = result;
    assert.equal(model.topicName, 'S-400');
    assert.deepEqual(model.sources.map((source) => source.label).sort(), [...FIVE_SOURCES].sort());
    for (const source of model.sources) {
      assert.ok(source.passages.length > 0, `${source.label} shows no passage`);
      assert.ok(source.passages.every((passage) => /S-?\s?400/i.test(passage.text)), `${source.label} shows a passage that does not mention the S-400`);
    }
    const share = model.disagreements.find((disagreement) => /60%/.test(disagreement.summary) && /80%/.test(disagreement.summary));
    assert.ok(share, `no disagreement on Russia's share of India's arms: ${JSON.stringify(model.disagreements.map((d) => d.summary))}`);
    assert.match(share.summary, /more than 60% \(“Russian President Vladimir Putin will…”, since 2010\)/);
    assert.match(share.summary, /more than 80% \(YCPress\)/);
    assert.match(share.summary, /below 50% \(RFI\)/);
    for (const statement of share.statements) assert.ok(api.index.passage(statement.passageId)?.text.includes(statement.text), `"${statement.text}" does not link to its passage`);

    const report = await result.whenRendered(20_000);
    assert.ok(report, 'the webview never reported that it rendered');
    assert.equal(report.topicId, topic.id);
    assert.equal(report.sources, 5, 'the webview shows five source columns');
    assert.equal(report.passages, model.sources.reduce((sum, source) => sum + source.passages.length, 0));
    assert.ok(report.disagreements >= 1);
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.input instanceof vscode.TabInputWebview);
    assert.equal(tab?.label, 'Compare: S-400');
  });

  test('the compare command refuses an id that is not a topic', async () => {
    const result = await vscode.commands.executeCommand<CompareSourcesResult | undefined>('sourcebook.compareSources', '../../etc/passwd');
    assert.equal(result, undefined);
    assert.ok(!vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview), 'a view opened for a bad id');
  });

  test('the S-400 hover card links to Compare Sources', async () => {
    const draft = await openDraft('Deliveries of the S-400 had started.');
    const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, 20));
    assert.ok(markdown);
    const topic = api.index.topics().lookup('S-400', 1)[0]?.topic;
    assert.ok(topic);
    assert.ok(markdown.includes(`command:sourcebook.compareSources?${encodeURIComponent(JSON.stringify([topic.id]))}`), 'no Compare sources link with the topic id');
  });

  test('a misquote in a draft gets a diagnostic with the source words, and the quick fix restores them', async () => {
    const draft = await openDraft(`# Notes\n\nAnish Goel said: "${MISQUOTE}," and left it there.\n`);
    await vscode.window.showTextDocument(draft);
    const diagnostics = await waitFor('a Sourcebook diagnostic on the misquote', () => {
      const found = vscode.languages.getDiagnostics(draft.uri).filter((diagnostic) => diagnostic.source === 'Sourcebook');
      return found.length > 0 ? found : undefined;
    });
    assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
    const [misquote] = diagnostics;
    assert.equal(misquote.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(misquote.message.includes(`has: “${SOURCE_WORDS}”`), misquote.message);
    assert.equal(draft.getText(misquote.range), `${MISQUOTE},`);
    const related = misquote.relatedInformation?.[0];
    assert.ok(related, 'no link to the passage');
    assert.ok(related.location.uri.path.endsWith('000_cc383362073219a8.txt'), related.location.uri.toString());
    const sourceLine = (await vscode.workspace.openTextDocument(related.location.uri)).getText(related.location.range);
    assert.ok(sourceLine.includes(SOURCE_WORDS), 'the link points at the passage with the source words');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft.uri, misquote.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.startsWith('Use the exact words'));
    assert.ok(fix?.edit, `no quick fix among: ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(draft.lineAt(2).text, `Anish Goel said: "${SOURCE_WORDS}," and left it there.`);
    await waitFor('the diagnostic to clear', () => vscode.languages.getDiagnostics(draft.uri).every((diagnostic) => diagnostic.source !== 'Sourcebook'));
    await vscode.commands.executeCommand('undo');
    assert.ok(draft.getText().includes(MISQUOTE), 'Undo brings the writer\'s words back');
  });

  test('Check Draft flags an invented quotation and a figure that contradicts every source', async () => {
    const draft = await openDraft('He wrote that "bananas grow on purple trees every winter" in Delhi.\n\nOnly 10% of India\'s arms imports come from Russia.\n', 'plaintext');
    await vscode.window.showTextDocument(draft);
    const found = await vscode.commands.executeCommand<vscode.Diagnostic[]>('sourcebook.checkDraft');
    const byCode = (code: string) => found.filter((diagnostic) => diagnostic.code === code);
    const [invented] = byCode('quote-not-found');
    assert.ok(invented, found.map((d) => d.message).join('\n'));
    assert.equal(invented.severity, vscode.DiagnosticSeverity.Information);
    assert.match(invented.message, /not in any of the sources/);
    const [figure] = byCode('figure-contradiction');
    assert.ok(figure, `no figure diagnostic among: ${found.map((d) => d.message).join(' | ')}`);
    assert.equal(draft.getText(figure.range), '10%');
    for (const sourceFigure of ['more than 60% (“Russian President Vladimir Putin will…”, since 2010)', 'more than 80% (YCPress)', 'below 50% (RFI)']) {
      assert.ok(figure.message.includes(sourceFigure), `the message does not give ${sourceFigure}: ${figure.message}`);
    }
    assert.equal(figure.relatedInformation?.length, 3, 'links to the three sources\' passages');
  });

  test('source files themselves are never checked', async () => {
    const sourceUri = api.index.files().find((uri) => uri.endsWith('000_cc383362073219a8.txt'));
    assert.ok(sourceUri);
    const source = await vscode.workspace.openTextDocument(vscode.Uri.parse(sourceUri));
    await vscode.window.showTextDocument(source);
    const found = await vscode.commands.executeCommand<vscode.Diagnostic[]>('sourcebook.checkDraft');
    assert.deepEqual(found, []);
    assert.deepEqual(vscode.languages.getDiagnostics(source.uri).filter((diagnostic) => diagnostic.source === 'Sourcebook'), []);
  });

  test('hovering a figure in the draft shows what each source says about the same thing', async () => {
    const line = 'Russia supplies 80% of India\'s arms imports, the minister said.';
    const draft = await openDraft(line);
    const markdown = await waitFor('a figure hover', () => hoverMarkdownAt(draft, new vscode.Position(0, line.indexOf('80%') + 1)));
    const text = plain(markdown);
    assert.ok(text.includes('Your figure, 80%'), text);
    assert.ok(text.includes('more than 60%'), text);
    assert.ok(text.includes('more than 80%'), text);
    assert.ok(text.includes('below 50%'), text);
    // The army's armaments are another measure than arms imports: the same number neither agrees nor contradicts.
    assert.ok(/more than 80% — YCPress — matches, but on a different measure \(share of Indian army’s armaments, citing the Indian Express\)/.test(text), text);
    assert.ok(/below 50% — RFI — contradicts/.test(text), text);
    // The story ledger's reading, in the order the group lists its figures.
    const measures = /different measures: (.*?) \[/.exec(text)?.[1].split(' · ').sort();
    assert.deepEqual(measures, [
      'current share (RFI: fallen below 50%)',
      'share of Indian army’s armaments, citing the Indian Express (YCPress: more than 80%)',
      'share of weapons imported since 2010 (“Russian President Vladimir Putin will…”: more than 60%)',
    ], text);
    assert.ok(markdown.includes('command:sourcebook.openPassage?'), 'links to the passages');
  });
});

/** The hover as a reader sees it: our emphasis marks dropped, escapes undone, white space folded. */
function plain(markdown: string): string {
  return markdown
    .replace(/(?<!\\)\*+/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ');
}
