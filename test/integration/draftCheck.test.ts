/**
 * The story ledger as a writer meets it in a real VS Code (node and web-worker hosts alike):
 * the Draft Check view on the demo draft and on a draft with a claim of every status, a click
 * that selects a claim, a deciding passage that opens its source and inserts as a quote, the
 * view following the writer's typing, the compare view explaining the arms share, and the
 * exported fact-check report whose links open the passages.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CompareSourcesResult } from '../../src/commands/compareSources';
import type { ClaimMarksState } from '../../src/views/claimMarks';
import type { SourcebookApi } from '../../src/extension';
import type { LedgerReport } from '../../src/core/ledger/storyLedger';
import type { ClaimNode, DraftCheckNode, NoteNode, PassageNode, StatusNode } from '../../src/views/draftCheckTree';
import { activateSourcebook, extensionId, hoverMarkdownAt, openDraft, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';

const ARMS_SHARE = 'Russia still supplies more than 60% of India\'s arms imports.';
const DIFFERENT_MEASURES = 'different measures: share of weapons imported since 2010 (“Russian President Vladimir Putin will…”: more than 60%) · share of Indian army’s armaments, citing the Indian Express (YCPress: more than 80%) · current share (RFI: fallen below 50%)';

/** One claim of each status, as the fixture decides them. */
const EVERY_STATUS = [
  '# Checking the ledger',
  '',
  'India has invited 30 governors of Russia\'s Far East to the Vibrant Gujarat Summit.',
  '',
  'Russia sold India 36 Rafale fighter jets.',
  '',
  'More than 80% of the Indian army\'s armaments come from Russia.',
  '',
  'Russia\'s share of India\'s arms market has fallen below 50%.',
  '',
  'Putin\'s trip to India was his second trip abroad since the pandemic began.',
  '',
].join('\n');

suite('Draft Check', () => {
  let api: SourcebookApi;

  suiteSetup(async () => {
    api = await activateSourcebook();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  function labelOf(node: DraftCheckNode): string {
    const label = api.draftCheckTree.getTreeItem(node).label;
    return typeof label === 'string' ? label : label?.label ?? '';
  }

  async function showDraft(uri: vscode.Uri): Promise<{ editor: vscode.TextEditor; report: LedgerReport }> {
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const report = await api.draftCheckTree.whenShowing(editor.document, 60_000);
    assert.ok(report, 'the Draft Check view never showed the draft');
    return { editor, report };
  }

  function groups(): Map<string, StatusNode> {
    const roots = api.draftCheckTree.getChildren() as StatusNode[];
    return new Map(roots.map((node) => [node.status, node]));
  }

  test('on demo/draft.md the view shows every status group with counts; the arms share rests on one source and explains the other figures as different measures', async () => {
    await vscode.commands.executeCommand('sourcebook.draftCheck.focus');
    const draftUri = vscode.Uri.joinPath(workspaceFolder().uri, 'draft.md');
    const { editor, report } = await showDraft(draftUri);
    assert.ok(api.draftCheckView.visible, 'the Draft Check view is not visible in the Sourcebook sidebar');
    const roots = api.draftCheckTree.getChildren();
    // As test/fixtures/ledger/claims.json decides the demo's sentences (those marked draft: demo), except four the ledger cannot read and leaves
    // not found (never overstated): the day of the 2+2 dialogue (disputed), Biden's waiver and the subjects of the talks (single source), the
    // Ladakh standoff (supported). Before, only the arms share and the quotation were found.
    assert.deepEqual(roots.map(labelOf), ['Disputed (0)', 'Not found (7)', 'Second-hand (0)', 'Single source (4)', 'Supported (1)']);
    assert.equal(report.claims.length, 12);
    const sourcesOf = (status: string) => (api.draftCheckTree.getChildren(groups().get(status as never)) as ClaimNode[]).map((node) => [node.claim.text.slice(0, 40), node.claim.passages.map((passage) => passage.source).sort()]);
    assert.deepEqual(sourcesOf('single-source'), [
      ['Deliveries of the S-400 air defence syst', ['“India Does Balancing Act Between…”']],
      ['Russia still supplies more than 60% of I', ['“Russian President Vladimir Putin will…”']],
      ['The S400 deal, worth more than $5 billio', ['YCPress']],
      ['Washington was watching closely: "The Un', ['“Russian President Vladimir Putin will…”']],
    ]);
    assert.deepEqual(sourcesOf('supported'), [['India also sits in the Quad with the Uni', ['Associated Press', '“Russian President Vladimir Putin will…”']]]);
    const single = groups().get('single-source');
    assert.ok(single);
    const claims = (api.draftCheckTree.getChildren(single) as ClaimNode[]).filter((node) => node.claim.text === ARMS_SHARE);
    assert.equal(labelOf(claims[0]), ARMS_SHARE);
    const notFound = api.draftCheckTree.getChildren(groups().get('not-found')) as ClaimNode[];
    assert.ok(notFound.some((node) => node.claim.text.startsWith('A contract to make more than 600,000 AK-203 rifles in Amethi')));
    assert.ok(notFound.some((node) => node.claim.text.startsWith('Vladimir Putin spent barely six hours in New Delhi')));
    const arms = claims[0];
    const children = api.draftCheckTree.getChildren(arms);
    const passages = children.filter((node): node is PassageNode => node.kind === 'passage');
    const notes = children.filter((node): node is NoteNode => node.kind === 'note');
    assert.equal(passages.length, 1);
    assert.equal(passages[0].deciding.source, '“Russian President Vladimir Putin will…”');
    assert.match(labelOf(passages[0]), /^“Russian President Vladimir Putin will…”: …[^:]*since 2010, more than 60% of the weapons imported by India/);
    assert.equal(notes.length, 1);
    assert.match(notes[0].note, /^different measures: share of weapons imported since 2010 \(“Russian President Vladimir Putin will…”: more than 60%\) · /);
    assert.deepEqual(notes[0].note.split(' · ').slice(1).sort(), DIFFERENT_MEASURES.split(' · ').slice(1).sort());
    await api.draftCheckView.reveal(arms, { expand: true, select: true });

    // A click on the claim selects it in the draft.
    const claimItem = api.draftCheckTree.getTreeItem(arms);
    assert.ok(claimItem.command);
    await vscode.commands.executeCommand(claimItem.command.command, ...(claimItem.command.arguments ?? []));
    const selected = await waitFor('the claim selected in the draft', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === draftUri.toString() && active.document.getText(active.selection) === ARMS_SHARE ? active : undefined;
    });
    assert.equal(selected.document, editor.document);

    // A click on the deciding passage opens the source there.
    const passageItem = api.draftCheckTree.getTreeItem(passages[0]);
    assert.ok(passageItem.command);
    await vscode.commands.executeCommand(passageItem.command.command, ...(passageItem.command.arguments ?? []));
    await waitFor('the source opened at the deciding passage', () => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.toString() !== draftUri.toString() && active.document.getText(active.selection).includes('more than 60% of the weapons imported by India') ? active : undefined;
    });
  });

  test('Toggle Claim Marks marks each claim of demo/draft.md on its line with its status, the hover naming the deciding source; toggling again clears them', async () => {
    const draftUri = vscode.Uri.joinPath(workspaceFolder().uri, 'draft.md');
    const { editor } = await showDraft(draftUri);
    assert.equal(api.claimMarks.enabled, false, 'claim marks must be off by default');
    assert.deepEqual(api.claimMarks.marksOn(editor.document), []);
    const on = await vscode.commands.executeCommand<ClaimMarksState>('sourcebook.toggleClaimMarks');
    try {
      assert.equal(on?.enabled, true);
      const marks = on.marks;
      assert.equal(marks.length, 12, marks.map((mark) => `${mark.line} ${mark.status}`).join('\n'));
      assert.deepEqual(marks.filter((mark) => mark.status === 'single-source').map((mark) => [mark.line + 1, mark.text.slice(0, 40)]), [
        [4, 'Deliveries of the S-400 air defence syst'],
        [13, 'Russia still supplies more than 60% of I'],
        [13, 'The S400 deal, worth more than $5 billio'],
        [27, 'Washington was watching closely: "The Un'],
      ]);
      assert.equal(marks.filter((mark) => mark.status === 'supported').length, 1);
      assert.equal(marks.filter((mark) => mark.status === 'not-found').length, 7);
      assert.deepEqual(marks.find((mark) => mark.status === 'not-found' && mark.text.startsWith('Vladimir Putin spent barely six hours'))?.line, 2);
      const arms = marks.find((mark) => mark.line === 12);
      // The hover is markdown with the source's words escaped; read it as the writer does.
      const shown = (arms?.hover ?? '').replace(/\\(.)/g, '$1');
      assert.match(shown, /^\*\*Single source\*\* — 1 source\n- “Russian President Vladimir Putin will…” \(states it, more than 60%\): “[^”]*more than 60% of the weapons imported by India/);
      assert.match(shown, /\n\*different measures: share of weapons imported since 2010 [^*]*YCPress: more than 80%/);
      assert.deepEqual(api.claimMarks.marksOn(editor.document), marks);

      // Typing a claim: a moment after the writer stops, the new sentence is marked on its line.
      await editor.edit((builder) => builder.insert(new vscode.Position(editor.document.lineCount, 0), '\nRussia sold India 36 Rafale fighter jets.\n'));
      const typedLine = editor.document.lineCount - 2;
      const typed = await waitFor('the typed claim marked', () => api.claimMarks.marksOn(editor.document).find((mark) => mark.text === 'Russia sold India 36 Rafale fighter jets.'), 40_000);
      assert.deepEqual([typed.line, typed.status], [typedLine, 'not-found']);
      assert.equal(api.claimMarks.marksOn(editor.document).length, 13);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      const off = await vscode.commands.executeCommand<ClaimMarksState>('sourcebook.toggleClaimMarks');
      assert.equal(off?.enabled, false);
      assert.deepEqual(api.claimMarks.marksOn(editor.document), []);
    }
  });

  test('a draft with a claim of each status: disputed, not found, second-hand, single source and supported, each with its deciding source; the view follows the writer\'s typing', async () => {
    const uri = await writeWorkspaceFile('ledger-every-status.md', EVERY_STATUS);
    try {
      const { editor } = await showDraft(uri);
      const byStatus = groups();
      const claimsOf = (status: string) => (api.draftCheckTree.getChildren(byStatus.get(status as never)) as ClaimNode[]).map((node) => node.claim);
      assert.deepEqual(claimsOf('disputed').map((claim) => [claim.text, claim.passages.map((passage) => `${passage.role} ${passage.source} ${passage.figure}`)]), [
        ['India has invited 30 governors of Russia\'s Far East to the Vibrant Gujarat Summit.', ['disputes “India Does Balancing Act Between…” 11 governors']],
      ]);
      assert.deepEqual(claimsOf('not-found').map((claim) => claim.text), ['Russia sold India 36 Rafale fighter jets.']);
      assert.deepEqual(claimsOf('second-hand').map((claim) => [claim.text, claim.passages.map((passage) => `${passage.source}, citing ${passage.citing}`)]), [
        ['More than 80% of the Indian army\'s armaments come from Russia.', ['YCPress, citing the Indian Express']],
      ]);
      assert.deepEqual(claimsOf('single-source').map((claim) => [claim.text, claim.passages.map((passage) => passage.source)]), [
        ['Russia\'s share of India\'s arms market has fallen below 50%.', ['RFI']],
      ]);
      assert.deepEqual(claimsOf('supported').map((claim) => [claim.text, claim.passages.map((passage) => passage.source).sort()]), [
        ['Putin\'s trip to India was his second trip abroad since the pandemic began.', ['RFI', '“India Does Balancing Act Between…”']],
      ]);

      // The inline Insert Quote puts the deciding sentence, cited, after the claim's paragraph; the claim stays.
      const supported = (api.draftCheckTree.getChildren(byStatus.get('supported')) as ClaimNode[])[0];
      const rfi = (api.draftCheckTree.getChildren(supported) as DraftCheckNode[]).find((node): node is PassageNode => node.kind === 'passage' && node.deciding.source === 'RFI');
      assert.ok(rfi);
      assert.equal(await vscode.commands.executeCommand('sourcebook.insertLedgerQuote', rfi), true);
      const text = editor.document.getText();
      assert.ok(text.includes('Putin\'s trip to India was his second trip abroad since the pandemic began.\n\n> This is his second trip outside Russia\'s borders since the start of the pandemic after meeting Joe Biden in Geneva in June.\n>\n> — RFI'), text);

      // Typing a new claim: the view shows it after a pause, without a command.
      await editor.edit((builder) => builder.insert(new vscode.Position(editor.document.lineCount, 0), '\nIndia and Russia have set a goal of $30 billion in bilateral trade by 2025.\n'));
      const report = await waitFor('the typed claim in the Draft Check view', async () => {
        const shown = await api.draftCheckTree.whenShowing(editor.document, 20_000);
        return shown?.claims.some((claim) => claim.text.startsWith('India and Russia have set a goal of $30 billion')) ? shown : undefined;
      }, 40_000);
      const trade = report.claims.find((claim) => claim.text.startsWith('India and Russia have set a goal of $30 billion'));
      assert.equal(trade?.status, 'single-source');
      assert.ok(trade?.notes.some((note) => note.startsWith('not a contradiction: bilateral trade goal by 2025 (Associated Press: 30 billion U.S. dollars) vs investment target by 2025')), trade?.notes.join('\n'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  test('the figure hover reads measures: the arms share\'s other figures are "not a contradiction: a different measure", and the $30 billion trade goal is not contradicted by the investment target', async () => {
    // The hover as a reader sees it: escapes undone, emphasis dropped, white space folded.
    const shown = (markdown: string) => markdown.replace(/(?<!\\)\*+/g, '').replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\s+/g, ' ');
    const arms = await openDraft(`${ARMS_SHARE}\n`);
    const armsHover = shown(await waitFor('the arms-share hover', () => hoverMarkdownAt(arms, new vscode.Position(0, ARMS_SHARE.indexOf('60%')))));
    assert.match(armsHover, /Your figure, more than 60%: 1 of 3 source figures agree/);
    assert.match(armsHover, /more than 60% — “Russian President Vladimir Putin will…”, since 2010 — agrees/);
    assert.match(armsHover, /more than 80% — YCPress — not a contradiction: a different measure \(share of Indian army’s armaments, citing the Indian Express\)/);
    assert.match(armsHover, /fallen below 50% — RFI — not a contradiction: a different measure \(current share\)/);
    assert.doesNotMatch(armsHover, /contradicts/);

    const goal = 'India and Russia have set a goal of $30 billion in bilateral trade by 2025.';
    const trade = await openDraft(`${goal}\n`);
    const tradeHover = shown(await waitFor('the trade-goal hover with the ledger\'s note', async () => {
      const markdown = await hoverMarkdownAt(trade, new vscode.Position(0, goal.indexOf('30 billion')));
      return markdown?.includes('not a contradiction') ? markdown : undefined;
    }, 30_000));
    assert.match(tradeHover, /30 billion U\.S\. dollars — Associated Press, by the end of 2025 — agrees/);
    assert.match(tradeHover, /not a contradiction: bilateral trade goal by 2025 \(Associated Press: 30 billion U\.S\. dollars\) vs investment target by 2025 \(“India Does Balancing Act Between…”: \$30 billion\)/);
    assert.doesNotMatch(tradeHover, /contradicts/);
  });

  test('Compare Sources for S-400 says the arms-share figures are different measures', async () => {
    const topic = api.index.topics().lookup('S-400', 1)[0]?.topic;
    assert.ok(topic, 'S-400 is not a topic');
    const result = await vscode.commands.executeCommand<CompareSourcesResult | undefined>('sourcebook.compareSources', topic.id);
    assert.ok(result?.model);
    const share = result.model.disagreements.find((disagreement) => /60%/.test(disagreement.summary) && /80%/.test(disagreement.summary));
    assert.ok(share, JSON.stringify(result.model.disagreements.map((disagreement) => disagreement.summary)));
    // The statements follow the view's own order of sources, which rests on ids that differ between hosts.
    const statements = (text: string | undefined) => (text ?? '').replace(/^different measures: /, '').split(' · ').sort();
    assert.match(share.explanation ?? '', /^different measures: /);
    assert.deepEqual(statements(share.explanation), statements(DIFFERENT_MEASURES));
    const rendered = await result.whenRendered(20_000);
    assert.ok(rendered && rendered.explanations >= 1, 'the compare view did not show the explanation');
  });

  test('Export Fact-Check Report writes a report beside the draft whose first claim\'s link opens the passage', async () => {
    const uri = await writeWorkspaceFile('ledger-export.md', EVERY_STATUS);
    const reportUri = vscode.Uri.joinPath(workspaceFolder().uri, 'ledger-export.fact-check.md');
    try {
      await showDraft(uri);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('sourcebook.exportFactCheckReport', { replace: true });
      assert.equal(written?.toString(), reportUri.toString());
      const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(reportUri));
      assert.match(markdown, /^# Fact-check report: ledger-export\.md\n/);
      assert.match(markdown, /5 claims: Disputed: 1 · Not found: 1 · Second-hand: 1 · Single source: 1 · Supported: 1\./);
      assert.match(markdown, /## Disputed \(1\)\n\n### 1\. India has invited 30 governors/);
      assert.match(markdown, /## Disagreements explained\n/);
      // Where the bundled corpus shares the workspace's scheme and a folder with it (the web host's
      // test layout) its passages get relative links; elsewhere, the open-passage command.
      const relative = /\[open passage\]\(([^):#]+)#L(\d+),(\d+)\)/.exec(markdown);
      if (relative) {
        const target = vscode.Uri.joinPath(reportUri, '..', ...relative[1].split('/').map(decodeURIComponent));
        const article = api.index.articles().find((entry) => entry.sourceUri === target.toString());
        assert.ok(article, `the first link does not reach a source: ${target.toString()}`);
        const passage = article.passages.find((entry) => entry.range.startLine === Number(relative[2]) - 1 && entry.range.startCharacter === Number(relative[3]) - 1);
        assert.ok(passage?.text.includes('11 governors'), 'the first claim\'s link does not land on the deciding passage');
        return;
      }
      const link = /\[open passage\]\(command:sourcebook\.openPassage\?([^)]+)\)/.exec(markdown);
      assert.ok(link, 'the report has no open-passage link');
      const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
      assert.ok(Array.isArray(args) && typeof args[0] === 'string');
      const passage = api.index.passage(args[0] as string);
      assert.ok(passage?.text.includes('11 governors'), 'the first claim\'s link does not name the deciding passage');
      await vscode.commands.executeCommand('sourcebook.openPassage', ...args);
      await waitFor('the source opened at the first claim\'s passage', () => {
        const active = vscode.window.activeTextEditor;
        return active && active.document.getText(active.selection).includes('11 governors') ? active : undefined;
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(reportUri).then(undefined, () => undefined);
    }
  });
});

suite('The fact-check report\'s links to sources in the workspace', () => {
  let api: SourcebookApi;
  const config = () => vscode.workspace.getConfiguration('sourcebook');
  const sourceName = '002_f27318ddd049f123.txt';
  const claim = 'In October 2018 India signed an agreement to buy S-400 systems worth more than $5.4 billion.';

  suiteSetup(async () => {
    api = await activateSourcebook();
    // One bundled article as the writer's own source, in a folder of the workspace.
    const corpus = vscode.Uri.joinPath(vscode.extensions.getExtension(extensionId)!.extensionUri, 'corpus');
    for (const name of [sourceName, 'sourcebook.manifest.json']) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceFolder().uri, 'report-sources', name), await vscode.workspace.fs.readFile(vscode.Uri.joinPath(corpus, name)));
    }
    await config().update('corpus.paths', ['report-sources'], vscode.ConfigurationTarget.Workspace);
    await waitFor('the corpus to switch to the workspace folder', () => api.index.articles().length === 1 && api.index.articles()[0].sourceUri.endsWith(`/report-sources/${sourceName}`), 60_000);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, 'report-sources'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitFor('the bundled corpus to come back', () => api.index.articles().length === 5, 60_000);
    await api.ready();
  });

  test('a passage of a workspace source opens through a relative link at its line and column (what the Markdown preview follows), not a command link', async () => {
    const uri = await writeWorkspaceFile('ledger-links.md', `${claim}\n`);
    const reportUri = vscode.Uri.joinPath(workspaceFolder().uri, 'ledger-links.fact-check.md');
    try {
      await vscode.window.showTextDocument(uri, { preview: false });
      await api.draftCheckTree.whenShowing(vscode.window.activeTextEditor!.document, 60_000);
      await vscode.commands.executeCommand('sourcebook.exportFactCheckReport', { replace: true });
      const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(reportUri));
      assert.match(markdown, /1 claim: Disputed: 0 · Not found: 0 · Second-hand: 0 · Single source: 1 · Supported: 0\./);
      assert.doesNotMatch(markdown, /command:/);
      const link = /\[open passage\]\(([^)#]+)#L(\d+),(\d+)\)/.exec(markdown);
      assert.ok(link, markdown);
      const [, path, line, column] = link;
      assert.equal(path, `report-sources/${sourceName}`);
      const target = vscode.Uri.joinPath(reportUri, '..', path);
      assert.equal(target.toString(), api.index.articles()[0].sourceUri);
      const source = await vscode.workspace.openTextDocument(target);
      const from = source.offsetAt(new vscode.Position(Number(line) - 1, Number(column) - 1));
      const passage = api.index.articles()[0].passages.find((entry) => entry.range.startLine === Number(line) - 1 && entry.range.startCharacter === Number(column) - 1);
      assert.ok(passage && passage.text.includes('$5.4 billion'), 'the link does not point at the passage that states the deal');
      assert.equal(source.getText().slice(from).replace(/\s+/g, ' ').slice(0, 40), passage.text.slice(0, 40));
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(reportUri).then(undefined, () => undefined);
    }
  });
});
