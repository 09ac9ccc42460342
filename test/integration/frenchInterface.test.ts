/**
 * The interface in the writer's language, checked in a real VS Code whose display language is
 * French: the harness's `french` tier starts code-server with `--locale fr` and a stub language
 * pack (see `displayLanguageStub` in scripts/codeServer.mjs), so VS Code loads
 * l10n/bundle.l10n.fr.json and package.nls.fr.json for Sourcebook as it would with the French
 * language pack installed. Skipped in the other tiers, whose VS Code speaks English.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StatusNode } from '../../src/views/draftCheckTree';
import { activateSourcebook, extensionId, hoverMarkdownAt, openDraft, workspaceFolder } from './sourcebookTestKit';

suite('Interface in French', () => {
  suiteSetup(async function () {
    if (vscode.env.language !== 'fr') this.skip();
    await activateSourcebook();
  });

  test('VS Code runs in French and hands Sourcebook its French bundle', () => {
    assert.equal(vscode.env.language, 'fr');
    assert.ok(vscode.l10n.bundle, 'no l10n bundle was loaded for the extension');
    assert.equal(vscode.l10n.t('Search Sources'), 'Rechercher dans les sources');
    assert.equal(vscode.l10n.t('$(book) Sourcebook: {0} articles', 5), '$(book) Sourcebook : 5 articles');
  });

  test('the command titles, view names and settings come from package.nls.fr.json', () => {
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: { commands: Array<{ command: string; title: string | { value: string; original: string } }>; views: Record<string, Array<{ id: string; name: string }>>; configuration: { properties: Record<string, { markdownDescription: string }> } };
    };
    // VS Code keeps a localized command title as { value, original }.
    const title = (command: string) => {
      const found = manifest.contributes.commands.find((entry) => entry.command === command)?.title;
      return typeof found === 'object' ? found.value : found;
    };
    assert.equal(title('sourcebook.search'), 'Rechercher dans les sources');
    assert.equal(title('sourcebook.insertQuote'), 'Insérer la citation');
    assert.deepEqual(manifest.contributes.views.sourcebook.map((view) => view.name), ['Articles', 'Sujets', 'Vérification du brouillon']);
    assert.equal(title('sourcebook.exportFactCheckReport'), 'Exporter le rapport de vérification...');
    assert.match(manifest.contributes.configuration.properties['sourcebook.hover.maxPassages'].markdownDescription, /^Nombre de passages/);
  });

  test('a hover card speaks French: its header and its links', async () => {
    const line = 'The writer mentions S-400 in passing.';
    const draft = await openDraft(line);
    const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, line.indexOf('S-400') + 2));
    assert.ok(markdown, 'no hover for S-400');
    assert.ok(markdown.startsWith('**S\\-400** — arme ou système  \n'), markdown.slice(0, 200));
    assert.match(markdown, /^\d+ passages dans 5 sources {2}$/m);
    assert.match(markdown, /Graphies : “S\\-400” \(/);
    assert.ok(markdown.includes('$(quote) Insérer la citation'), markdown.slice(0, 600));
    assert.ok(markdown.includes('$(diff-multiple) Comparer les sources'));
  });

  test('a message built in the pure core is French too (@vscode/l10n configured from the host\'s bundle)', async () => {
    const result = await vscode.commands.executeCommand<{ ok: boolean; message: string } | undefined>('sourcebook.addSourceFromUrl', 'ftp://example.org/page');
    assert.equal(result?.ok, false);
    assert.equal(result?.message, 'Seules les pages http:// et https:// peuvent être ajoutées, pas les adresses ftp:.');
  });

  test('the Draft Check view speaks French: its status groups and a note the background engine words ("different measures")', async () => {
    const api = await activateSourcebook();
    const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceFolder().uri, 'draft.md'), { preview: false });
    const report = await api.draftCheckTree.whenShowing(editor.document, 60_000);
    assert.ok(report, 'the Draft Check view never showed the draft');
    const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
    const roots = api.draftCheckTree.getChildren() as StatusNode[];
    assert.deepEqual(roots.map((node) => labelOf(api.draftCheckTree.getTreeItem(node)).replace(/\(\d+\)$/, '(n)')), ['Contesté (n)', 'Introuvable (n)', 'De seconde main (n)', 'Source unique (n)', 'Confirmé (n)']);
    assert.equal(labelOf(api.draftCheckTree.getTreeItem(roots[3])), `Source unique (${roots[3].claims.length})`);
    const single = roots.find((node) => node.status === 'single-source');
    assert.ok(single);
    const arms = single.claims.find((claim) => claim.text.startsWith('Russia still supplies more than 60%'));
    assert.ok(arms, 'the arms-share claim is not a single-source claim');
    assert.match(arms.summary, /^1 source$/);
    const note = arms.notes.find((text) => text.startsWith('mesures différentes : '));
    assert.ok(note, `the arms share's note is not in French: ${JSON.stringify(arms.notes)}`);
    assert.match(note, /^mesures différentes : part de weapons imported since 2010 \(/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
