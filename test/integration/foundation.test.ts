/**
 * The walking skeleton, checked inside a real VS Code extension host: the extension
 * activates, contributes its commands, lists the bundled articles and answers a
 * hover over a term of the demo draft with text from the sources.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { foldSpace, longestQuotedRun, markdownToPlainText } from './quotedText';
import { activatedByItself } from './sourcebookTestKit';

const EXTENSION_ID = 'sourcebook.sourcebook';

/** What `activate()` returns for tests (and for other extensions). */
interface SourcebookTestApi {
  /** Resolves when the first index build has finished. */
  ready(): Promise<void>;
  /** The titles the Articles view shows, in any order. */
  articleTitles(): Promise<string[]>;
}

/** Titles a reader sees at the top of four of the bundled articles (web cruft removed). */
const HEADLINES = [
  'Vladimir Putin in India to strengthen ties and maintain a balance',
  'What signal did the Russian Foreign Minister send when he visited India at the delicate moment of the joint military exercise of the five countries?',
  'India Does Balancing Act Between Russia and US as Putin Arrives on Short But Packed Visit Today',
  'India receives Putin because it balances relations with Russia and the United States',
];
/** The fifth article has no headline; its first sentence stands in for one. */
const HEADLINELESS_OPENING = 'Russian President Vladimir Putin will visit India on the 6th';

suite('Extension host', () => {
  test('runs the vscode API with the demo workspace open', async () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const draft = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, 'draft.md'));
    assert.equal(draft.type, vscode.FileType.File);
  });

  test('runs a VS Code at least as new as engines.vscode', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    assert.ok(manifest, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    const required = String(manifest.engines.vscode).replace(/^[^\d]*/, '');
    assert.ok(compareVersions(vscode.version, required) >= 0, `VS Code ${vscode.version} is older than ${required}`);
  });
});

suite('Foundation', () => {
  let extension: vscode.Extension<SourcebookTestApi>;
  let api: SourcebookTestApi;

  let activatedOnItsOwn = false;

  suiteSetup(async () => {
    const found = vscode.extensions.getExtension<SourcebookTestApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    extension = found;
    activatedOnItsOwn = await activatedByItself();
    api = await extension.activate();
    assert.ok(api && typeof api.ready === 'function' && typeof api.articleTitles === 'function',
      'activate() must return the test API { ready(), articleTitles() }');
    await withTimeout(api.ready(), 45_000, 'the first index build (api.ready()) did not finish within 45 s');
  });

  test('opening the markdown draft activates the extension by itself (onLanguage:markdown), before any test asks it to', () => {
    assert.ok(extension.packageJSON.activationEvents.includes('onLanguage:markdown'));
    assert.equal(activatedOnItsOwn, true, 'Sourcebook was not active 30 s after draft.md was open');
  });

  test('every contributed command is registered', async () => {
    const contributed: string[] = extension.packageJSON.contributes.commands.map((entry: { command: string }) => entry.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('the Articles view lists the five bundled articles by title', async () => {
    const titles = await api.articleTitles();
    assert.equal(titles.length, 5, `expected 5 articles, got ${titles.length}: ${JSON.stringify(titles)}`);
    for (const headline of HEADLINES) {
      assert.ok(titles.includes(headline), `no article titled "${headline}" in ${JSON.stringify(titles, null, 1)}`);
    }
    assert.ok(
      titles.some((title) => title.startsWith(HEADLINELESS_OPENING)),
      `no article titled "${HEADLINELESS_OPENING}..." in ${JSON.stringify(titles, null, 1)}`,
    );
  });

  test('a hover on "S-400" in the draft quotes a source passage and names its article', async () => {
    const draft = await openDraft();
    const position = positionOf(draft, 'S-400');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, position);
    const shown = renderedText(hovers ?? []);
    assert.ok(shown.length > 0, 'no hover at all on "S-400"');
    assert.match(shown, /S-?400/i, `the hover does not mention S-400: ${shown}`);

    const corpus = await readBundledCorpus(extension.extensionUri);
    const quoted = longestQuotedRun(shown, corpus);
    assert.ok(quoted.split(' ').length >= 8,
      `the hover quotes no run of 8 words from the corpus (longest: "${quoted}"). Hover text:\n${shown}`);
    const allTitles = [...HEADLINES, HEADLINELESS_OPENING];
    assert.ok(allTitles.some((title) => shown.includes(title)), `the hover names no article title. Hover text:\n${shown}`);
  });
});

async function openDraft(): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open (the harness opens a copy of demo/)');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'draft.md'));
  await vscode.window.showTextDocument(document);
  return document;
}

/** A position inside the first occurrence of `term`, as a user would hover it. */
function positionOf(document: vscode.TextDocument, term: string): vscode.Position {
  const offset = document.getText().indexOf(term);
  assert.ok(offset >= 0, `"${term}" is not in ${document.uri.toString()}`);
  return document.positionAt(offset + 1);
}

/** The hover contents as the reader sees them: markdown syntax and escapes removed, white space folded. */
function renderedText(hovers: vscode.Hover[]): string {
  const parts = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
  return markdownToPlainText(parts.join('\n'));
}

async function readBundledCorpus(extensionUri: vscode.Uri): Promise<string> {
  const corpusUri = vscode.Uri.joinPath(extensionUri, 'corpus');
  const entries = await vscode.workspace.fs.readDirectory(corpusUri);
  const texts = await Promise.all(
    entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.txt'))
      .map(async ([name]) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(corpusUri, name)))),
  );
  return foldSpace(texts.join('\n'));
}

function compareVersions(left: string, right: string): number {
  const a = left.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const b = right.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
