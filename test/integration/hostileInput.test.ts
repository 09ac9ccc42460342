/**
 * Hostile input in a real VS Code: one source file per row of the bad-input table in
 * /work/shared/SECURITY.md, in a folder the writer points `sourcebook.corpus.paths` at. Each
 * row ends in its expected outcome (a counted skip, or text decoded correctly), and after all
 * of them nothing crashed (commands, hover), nothing hung (every step has a timeout), nothing
 * was lost (a good control file is indexed) and hostile text stays inert in hovers and trees.
 *
 * Symlinks, unreadable files and the 6,000-file burst need node's `fs`; in the web-worker
 * extension host those tests are skipped (pending) with the reason in their title.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import type { Article, Passage } from '../../src/core/model';
import { activateSourcebook, forEachConcurrently, hoverMarkdownAt, nodeFs, openDraft, waitFor, workspaceFolder, writeWorkspaceFile } from './sourcebookTestKit';
import { withoutOurIsolates } from '../../src/core/present/bidiIsolation';


const corpusFolder = 'hostile-sources';
const outsideFolder = 'hostile-outside';
const burstFolder = 'burst';
/** Small enough that the "huge" fixture stays small on disk, large enough for the 70k-star file. */
const maxFileSizeMB = 0.1;
const config = () => vscode.workspace.getConfiguration('sourcebook');
const utf8 = (text: string) => new TextEncoder().encode(text);

const russianTitle = 'Визит в Нью-Дели';
const russianPassages = [
  'Президент России Владимир Путин прибыл в Нью-Дели на переговоры с премьер-министром Индии.',
  'Стороны обсудили оборонное сотрудничество, поставки систем С-400 и торговлю.',
];
const russianText = `${russianTitle}\n\n${russianPassages.join('\n\n')}\n`;
const frenchTitle = 'Le café de Genève';
const frenchPassage = '“Nous préférons le dialogue”, a déclaré le ministre – sans détour.';
const lineEndingSource = ['Title line', '', 'First paragraph spans', 'two lines.', '', 'Second paragraph.', ''];

/** One file per row of the table (the rows that need node `fs` are made in suiteSetup). */
function hostileFiles(): Array<[string, Uint8Array]> {
  const emojiSentence = 'Talks 😀 went on. '.repeat(100);
  return [
    ['control.md', utf8('---\ntitle: Control article\noutlet: Control Desk\ndate: 2021-12-06\n---\n\nThe S-400 air defence system reached India in December, officials said.\n\nA second S-400 regiment follows next year.\n')],
    ['empty.txt', new Uint8Array(0)],
    ['whitespace-only.txt', utf8('   \n\t\n  \r\n')],
    ['front-matter-only.md', utf8('---\ntitle: Nothing but metadata\noutlet: Nobody\n---\n')],
    ['huge.txt', utf8(`Huge file\n\n${'A sentence that repeats to make the file large. '.repeat(4500)}\n`)],
    ['one-line.txt', utf8(`Attachment\n\n${'TWFu'.repeat(20_000)}\n\nA real closing paragraph about Kaliningrad.\n`)],
    ['binary.txt', new Uint8Array([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x00, 0x00, 0x01, 0x02, 0x00, 0xff, 0xfe, 0x00, 0x00, 0x00, 0x89, 0x50, 0x4e, 0x47])],
    ['utf8-bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Visit to New Delhi\n\nPutin met Modi and the Brahmos deal went ahead.\n')])],
    ['utf16le-bom.txt', utf16(russianText, 'le')],
    ['utf16be-bom.txt', utf16(russianText, 'be')],
    ['windows-1251.txt', windows1251(russianText)],
    ['koi8-r.txt', koi8r(russianText)],
    ['windows-1252.txt', windows1252(`${frenchTitle}\n\n${frenchPassage}\n`)],
    ['crlf.txt', utf8(lineEndingSource.join('\r\n'))],
    ['lone-cr.txt', utf8(lineEndingSource.join('\r'))],
    ['mixed-endings.txt', utf8('Title line\r\n\nFirst paragraph spans\rtwo lines.\r\n\r\nSecond paragraph.\n')],
    ['surrogates.txt', utf8(`Cut points\n\n${emojiSentence}\n\n${'e\u0301'.repeat(2000)}\n\n${'😀'.repeat(1500)}\n`)],
    ['malformed.html', utf8('<html><head><title>Broken page</title></head><body><article><p>First para about <b>Sevastopol <i>harbour</p><p>Second para <<<>> about the Black Sea Fleet<div><span>unclosed</table></td>&amp &notanentity; <p>Third para mentions Feodosia')],
    ['nested.html', utf8(`<html><head><title>Deep page</title></head><body>${'<div>'.repeat(6000)}<p>Deep text about Murmansk.</p>${'</div>'.repeat(6000)}</body></html>`)],
    ['stars.md', utf8('*'.repeat(70_000))],
    ['command-link.md', utf8('Command link\n\nThe Tu-160 story [click me](command:workbench.action.terminal.new) ends here.\n')],
    ['img-onerror.html', utf8('<html><head><title>Image page</title></head><body><p>The Tu-160 picture <img src=x onerror="alert(1)"> and &lt;img src=x onerror=alert(2)&gt; as text.</p></body></html>')],
    ['script.html', utf8('<html><head><title>Script page</title><script>alert("head")</script></head><body><p>The Tu-160 flight <script>alert("owned")</script> was short, &lt;script&gt;alert(3)&lt;/script&gt; said the text.</p></body></html>')],
    ['tracking-pixel.md', utf8('Tracking pixel\n\nThe Tu-160 crew ![pixel](https://tracker.example.com/p.gif?u=writer) landed.\n')],
    ['theme-icon.txt', utf8('Icon text\n\nThe Tu-160 engines $(zap) $(terminal) roared.\n')],
    ['$(zap) [x](command:foo).txt', utf8('Hostile name\n\nThe file name of this Tu-160 note is hostile.\n')],
    ['bidi \u202egnp.md', utf8('---\ntitle: "Bidi \u202eevil\u202c title \u200b with \\a bell (a YAML escape) and a very long tail: ' + 'words '.repeat(60) + '"\noutlet: "Outlet \u2066isolated\u2069 \u202eoverride"\n---\n\nThe bidi Tu-160 note is indexed.\n')],
    ['zz-doomed.txt', utf8('Doomed file\n\nThis file about Novorossiysk is deleted while indexing.\n')],
  ];
}

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i + (order === 'le' ? 0 : 1)] = unit & 0xff;
    bytes[2 + 2 * i + (order === 'le' ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

function singleByte(text: string, encode: (character: string) => number | undefined): Uint8Array {
  return Uint8Array.from([...text], (character) => {
    const byte = character.charCodeAt(0) < 0x80 ? character.charCodeAt(0) : encode(character);
    if (byte === undefined) throw new Error(`cannot encode ${JSON.stringify(character)}`);
    return byte;
  });
}

const windowsPunctuation: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96 };

function windows1251(text: string): Uint8Array {
  return singleByte(text, (character) => {
    const code = character.charCodeAt(0);
    if (code >= 0x410 && code <= 0x44f) return 0xc0 + code - 0x410;
    return { Ё: 0xa8, ё: 0xb8 }[character] ?? windowsPunctuation[character];
  });
}

function koi8r(text: string): Uint8Array {
  const lower = 'юабцдефгхийклмнопярстужвьызшэщчъ';
  return singleByte(text, (character) => {
    const small = lower.indexOf(character);
    if (small >= 0) return 0xc0 + small;
    const capital = lower.toUpperCase().indexOf(character);
    return capital >= 0 ? 0xe0 + capital : undefined;
  });
}

function windows1252(text: string): Uint8Array {
  return singleByte(text, (character) => (character.charCodeAt(0) < 0x100 ? character.charCodeAt(0) : windowsPunctuation[character]));
}

/** The file's path inside the workspace, as the index saw it. */
function relativePathOf(article: Article): string {
  const path = vscode.Uri.parse(article.sourceUri).path;
  const root = workspaceFolder().uri.path.replace(/\/$/, '');
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

function articlesFrom(api: SourcebookApi, fileName: string): Article[] {
  return api.index.articles().filter((article) => relativePathOf(article) === `${corpusFolder}/${fileName}`);
}

function onlyArticleFrom(api: SourcebookApi, fileName: string): Article {
  const articles = articlesFrom(api, fileName);
  assert.equal(articles.length, 1, `${fileName}: ${articles.length} articles; indexed files: ${api.index.articles().map(relativePathOf).join(', ')}`);
  return articles[0];
}

function allPassages(api: SourcebookApi): Passage[] {
  return api.index.articles().flatMap((article) => article.passages);
}

function passageIds(api: SourcebookApi): string[] {
  return allPassages(api).map((passage) => passage.id).sort();
}

/** How two sorted id lists differ, short enough for a failure message. */
function idDifference(before: string[], after: string[]): string {
  const afterSet = new Set(after);
  const beforeSet = new Set(before);
  const lost = before.filter((id) => !afterSet.has(id));
  const gained = after.filter((id) => !beforeSet.has(id));
  return `${before.length} before, ${after.length} after; only before: ${lost.slice(0, 5).join(' ')}${lost.length > 5 ? ` (+${lost.length - 5})` : ''}; only after: ${gained.slice(0, 5).join(' ')}${gained.length > 5 ? ` (+${gained.length - 5})` : ''}`;
}

/** Waits until the index has stopped changing for `quietMs` (the watcher's coalescing and any rescan are done). */
async function waitForQuiet(api: SourcebookApi, what: string, quietMs = 1500, timeoutMs = 60_000): Promise<void> {
  let lastCount = api.index.changeCount;
  let lastChange = Date.now();
  await waitFor(
    what,
    async () => {
      await api.ready();
      if (api.index.changeCount !== lastCount) {
        lastCount = api.index.changeCount;
        lastChange = Date.now();
        return false;
      }
      return Date.now() - lastChange >= quietMs;
    },
    timeoutMs,
  );
}

interface TreeRow {
  label: string;
  description: string;
  tooltip: string;
}

async function treeRows<T>(provider: vscode.TreeDataProvider<T>, depth: number, parent?: T): Promise<TreeRow[]> {
  const rows: TreeRow[] = [];
  for (const node of (await provider.getChildren(parent)) ?? []) {
    const item = await provider.getTreeItem(node);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
    rows.push({ label: typeof item.label === 'string' ? item.label : item.label?.label ?? '', description: String(item.description ?? ''), tooltip });
    if (depth > 1) rows.push(...(await treeRows(provider, depth - 1, node)));
  }
  return rows;
}

const noNodeFs = 'the web-worker extension host has no node fs for symlinks, permissions or a fast burst of writes';

/** Skips a test (mocha counts it as pending) with the reason in its title, so the report says why. */
function skipBecause(context: Mocha.Context, reason: string): never {
  if (context.test) context.test.title += ` (skipped: ${reason})`;
  context.skip();
}

const unsafeLabelCharacters = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

suite('Hostile input: one file per bad-input row, in a real VS Code', function () {
  this.timeout(120_000);
  let api: SourcebookApi;
  const fs = nodeFs();
  const root = () => vscode.Uri.joinPath(workspaceFolder().uri, corpusFolder);
  let unreadableSkipReason: string | undefined = noNodeFs;
  let firstLoadMillis = 0;

  suiteSetup(async function () {
    this.timeout(120_000);
    api = await activateSourcebook();
    for (const [name, bytes] of hostileFiles()) await writeWorkspaceFile(`${corpusFolder}/${name}`, bytes);
    await writeWorkspaceFile(`${outsideFolder}/secret.txt`, 'Secret notes\n\nThe Ultrasecret plan must never be indexed through a symlink.\n');
    if (fs) {
      const base = root().fsPath;
      fs.symlinkSync('.', `${base}/loop`, 'dir');
      fs.symlinkSync(`../${outsideFolder}`, `${base}/outside`, 'dir');
      fs.symlinkSync(`../${outsideFolder}/secret.txt`, `${base}/leak.txt`, 'file');
      const unreadable = `${base}/unreadable.txt`;
      fs.writeFileSync(unreadable, 'Locked\n\nNobody may read this Arkhangelsk file.\n');
      fs.chmodSync(unreadable, 0o000);
      try {
        fs.readFileSync(unreadable);
        unreadableSkipReason = `chmod 000 does not stop this process from reading (uid ${process.getuid?.() ?? '?'}: root ignores file permissions)`;
        fs.rmSync(unreadable);
      } catch {
        unreadableSkipReason = undefined;
      }
    }
    await config().update('corpus.maxFileSizeMB', maxFileSizeMB, vscode.ConfigurationTarget.Workspace);
    await config().update('hover.maxPassages', 10, vscode.ConfigurationTarget.Workspace);
    await config().update('corpus.paths', [corpusFolder], vscode.ConfigurationTarget.Workspace);
    await waitFor('the hostile corpus to load', () => api.loadSummary()?.usingBundled === false && articlesFrom(api, 'control.md').length === 1, 60_000);
    await waitForQuiet(api, 'the hostile corpus to settle');
    firstLoadMillis = api.loadSummary()?.millis ?? -1;
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    const fsRoot = fs ? root().fsPath : undefined;
    if (fs && fsRoot) {
      // Permissions first, so the recursive delete can enter everything.
      fs.rmSync(`${fsRoot}/unreadable.txt`, { force: true });
      fs.rmSync(fsRoot, { recursive: true, force: true });
    } else {
      await vscode.workspace.fs.delete(root(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, outsideFolder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('corpus.maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('hover.maxPassages', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
  });

  test('the hostile corpus loaded, with the good control file indexed', function () {
    // A hang fails suiteSetup's wait; how long the load took is reported, not judged (CI machines are shared).
    assert.ok(firstLoadMillis >= 0, 'no load summary after the hostile corpus loaded');
    this.test!.title += ` (load ${firstLoadMillis} ms)`;
    const control = onlyArticleFrom(api, 'control.md');
    assert.equal(control.meta.title, 'Control article');
    assert.equal(api.index.search('air defence system reached India')[0]?.passage.text, 'The S-400 air defence system reached India in December, officials said.');
  });

  test('the skips are counted by reason in the load summary', () => {
    const skipped = api.loadSummary()?.skipped ?? {};
    assert.equal(skipped.empty, 4, `empty, white-space-only, front-matter-only and 70k stars: ${JSON.stringify(skipped)}`);
    assert.equal(skipped['too-large'], 1, JSON.stringify(skipped));
    assert.equal(skipped.binary, 1, JSON.stringify(skipped));
    const symlinkSkips = fs ? 1 : 0;
    assert.equal(skipped['unsupported-format'] ?? 0, symlinkSkips, `the file symlink leak.txt: ${JSON.stringify(skipped)}`);
    assert.equal(skipped.unreadable ?? 0, fs && !unreadableSkipReason ? 1 : 0, JSON.stringify(skipped));
  });

  test('empty, white-space-only and front-matter-only files are skipped', () => {
    for (const name of ['empty.txt', 'whitespace-only.txt', 'front-matter-only.md']) assert.equal(articlesFrom(api, name).length, 0, name);
  });

  test('a file over sourcebook.corpus.maxFileSizeMB is skipped as too large', () => {
    assert.equal(articlesFrom(api, 'huge.txt').length, 0);
    assert.equal(api.index.search('sentence that repeats').length, 0);
  });

  test('one enormous line is capped into bounded passages; the paragraph after it is indexed', () => {
    const article = onlyArticleFrom(api, 'one-line.txt');
    assert.ok(article.passages.every((passage) => passage.text.length <= 800), `longest passage: ${Math.max(...article.passages.map((passage) => passage.text.length))}`);
    assert.ok(article.passages.length <= 130, `${article.passages.length} passages`);
    assert.equal(article.passages[article.passages.length - 1].text, 'A real closing paragraph about Kaliningrad.');
    assert.equal(api.index.search('Kaliningrad')[0]?.article.id, article.id);
  });

  test('a NUL-byte binary file with a .txt name is skipped', () => {
    assert.equal(articlesFrom(api, 'binary.txt').length, 0);
  });

  test('UTF-8 with BOM and UTF-16 LE/BE with BOM are decoded', () => {
    const bom = onlyArticleFrom(api, 'utf8-bom.txt');
    assert.equal(bom.meta.title, 'Visit to New Delhi');
    assert.deepEqual(bom.passages.map((passage) => passage.text), ['Putin met Modi and the Brahmos deal went ahead.']);
    for (const name of ['utf16le-bom.txt', 'utf16be-bom.txt']) {
      const article = onlyArticleFrom(api, name);
      assert.equal(article.meta.title, russianTitle, name);
      assert.deepEqual(article.passages.map((passage) => passage.text), russianPassages, name);
    }
  });

  test('windows-1251 and KOI8-R Russian and windows-1252 French are decoded; a Russian search finds the Cyrillic passage', () => {
    for (const name of ['windows-1251.txt', 'koi8-r.txt']) {
      const article = onlyArticleFrom(api, name);
      assert.equal(article.meta.title, russianTitle, name);
      assert.deepEqual(article.passages.map((passage) => passage.text), russianPassages, name);
    }
    const hits = api.index.search('переговоры');
    const files = new Set(hits.map((hit) => relativePathOf(hit.article)));
    for (const name of ['windows-1251.txt', 'koi8-r.txt', 'utf16le-bom.txt', 'utf16be-bom.txt']) assert.ok(files.has(`${corpusFolder}/${name}`), `${name} not found by a Russian search: ${[...files].join(', ')}`);
    assert.ok(hits.every((hit) => hit.passage.text === russianPassages[0]), hits.map((hit) => hit.passage.text).join('\n'));
    const french = onlyArticleFrom(api, 'windows-1252.txt');
    assert.equal(french.meta.title, frenchTitle);
    assert.deepEqual(french.passages.map((passage) => passage.text), [frenchPassage]);
  });

  test('no passage anywhere holds U+FFFD, a BOM or a lone surrogate', () => {
    for (const passage of allPassages(api)) {
      assert.ok(!/[\ufffd\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(passage.text), `${passage.id}: ${JSON.stringify(passage.text.slice(0, 80))}`);
    }
  });

  test('CRLF, lone CR and mixed line endings: each passage range selects its text in the editor', async () => {
    for (const name of ['crlf.txt', 'lone-cr.txt', 'mixed-endings.txt']) {
      const article = onlyArticleFrom(api, name);
      assert.deepEqual(article.passages.map((passage) => passage.text), ['First paragraph spans two lines.', 'Second paragraph.'], name);
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(article.sourceUri));
      for (const passage of article.passages) {
        const { startLine, startCharacter, endLine, endCharacter } = passage.range;
        const selected = document.getText(new vscode.Range(startLine, startCharacter, endLine, endCharacter));
        assert.equal(selected.replace(/\s+/g, ' '), passage.text, `${name} at ${JSON.stringify(passage.range)}`);
      }
    }
  });

  test('surrogate pairs and combining marks at a cut point are never split', () => {
    const article = onlyArticleFrom(api, 'surrogates.txt');
    assert.ok(article.passages.length >= 3, `${article.passages.length} passages`);
    for (const passage of article.passages) {
      assert.ok(!/^[\udc00-\udfff\u0300-\u036f]|[\ud800-\udbff]$/.test(passage.text), JSON.stringify(passage.text.slice(0, 3) + '…' + passage.text.slice(-3)));
    }
  });

  test('malformed HTML is read by a real parser: every paragraph is indexed', () => {
    const article = onlyArticleFrom(api, 'malformed.html');
    const text = article.passages.map((passage) => passage.text).join('\n');
    for (const words of ['Sevastopol harbour', 'Black Sea Fleet', 'Third para mentions Feodosia']) assert.ok(text.includes(words), `${words} missing from:\n${text}`);
    assert.ok(!/<\/?(p|div|span|b|i|article|table|td)>/.test(text), text);
  });

  test('HTML nested 6,000 levels deep is read without overflow', () => {
    const article = onlyArticleFrom(api, 'nested.html');
    assert.deepEqual(article.passages.map((passage) => passage.text), ['Deep text about Murmansk.']);
  });

  test('70,000 asterisks parse within the load and leave no passage', () => {
    assert.equal(articlesFrom(api, 'stars.md').length, 0);
  });

  test('command links, <img onerror>, <script>, tracking pixels and $(icon) text render inert in the hover', async () => {
    const line = 'The Tu-160 bomber flew over the Baltic.';
    const draft = await openDraft(line);
    const markdown = await waitFor('a hover over Tu-160', () => hoverMarkdownAt(draft, new vscode.Position(0, line.indexOf('Tu-160') + 2)));
    for (const words of ['click me', 'picture', 'flight', 'crew', 'engines', 'file name']) assert.ok(markdown.includes(words), `the passage with "${words}" is not in the hover:\n${markdown}`);
    assert.ok(!/(^|[^\\])<(img|script)/i.test(markdown), `raw HTML from an article:\n${markdown}`);
    assert.ok(!markdown.includes('](command:workbench') && !markdown.includes('](https://tracker'), `a live link or image from an article:\n${markdown}`);
    assert.ok(!/(^|[^\\])\$\((zap|terminal)\)/.test(markdown.replace(/\\\$\\\(/g, '')), `a theme icon would render:\n${markdown}`);
    const links = [...markdown.matchAll(/\]\((\w+):([^)\s]*)/g)].map((match) => `${match[1]}:${match[2].split('?')[0]}`);
    assert.ok(links.length > 0 && links.every((link) => /^command:sourcebook\.(openPassage|insertQuote|showTopic|compareSources)$/.test(link)), `unexpected links: ${links}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, new vscode.Position(0, line.indexOf('Tu-160') + 2));
    for (const content of hovers.flatMap((hover) => hover.contents)) {
      if (!(content instanceof vscode.MarkdownString) || content.isTrusted === undefined || content.isTrusted === false) continue;
      assert.ok(!content.value.includes('click me') && !content.value.includes('Tu-160 crew'), 'article text in a trusted markdown string');
    }
  });

  test('hostile file names and titles: files are indexed, tree labels carry no bidi or control characters and are capped', async () => {
    onlyArticleFrom(api, '$(zap) [x](command:foo).txt');
    const bidi = onlyArticleFrom(api, 'bidi \u202egnp.md');
    assert.ok(bidi.meta.title.includes('\u202e'), 'the index keeps the title as written; the UI cleans it');
    const rows = [...(await treeRows(api.articlesTree, 3)), ...(await treeRows(api.topicsTree, 3))];
    assert.ok(rows.some((row) => row.label.startsWith('Bidi evil title')), rows.map((row) => row.label).join('\n'));
    for (const row of rows) {
      // Right-to-left text is shown inside one isolate of ours (FSI … PDI); nothing else of the kind may be there.
      assert.ok(!unsafeLabelCharacters.test(withoutOurIsolates(row.label)) && !unsafeLabelCharacters.test(withoutOurIsolates(row.description)), `unsafe characters in ${JSON.stringify(row)}`);
      assert.ok(row.label.length <= 120 && row.description.length <= 120, `over the cap: ${JSON.stringify(row.label)}`);
      assert.ok(!/(^|[^\\])\]\((command|https?|file|javascript):/.test(row.tooltip), `a live link in a tooltip: ${row.tooltip}`);
    }
  });

  test('the search quick pick shows hostile text inert: no $(icon) syntax, no bidi or control characters', async function () {
    // The items are built inside the command; the test sees them by wrapping createQuickPick
    // (the extension and this suite share one vscode API object).
    const window = vscode.window as { createQuickPick: typeof vscode.window.createQuickPick };
    const original = window.createQuickPick;
    const picks: Array<vscode.QuickPick<vscode.QuickPickItem>> = [];
    try {
      window.createQuickPick = (<T extends vscode.QuickPickItem>() => {
        const pick = original.call(vscode.window) as vscode.QuickPick<T>;
        picks.push(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
        return pick;
      }) as typeof original;
    } catch (error) {
      skipBecause(this, `vscode.window cannot be wrapped here (${String(error)})`);
    }
    if (window.createQuickPick === original) skipBecause(this, 'vscode.window cannot be wrapped here');
    try {
      void vscode.commands.executeCommand('sourcebook.search', 'Tu-160');
      const pick = await waitFor('the search quick pick with the hostile passages', () => picks.find((candidate) => candidate.items.length >= 5));
      const items = pick.items;
      assert.ok(items.some((item) => item.label.includes('engines')), items.map((item) => item.label).join('\n'));
      for (const item of items) {
        for (const text of [item.label, item.description ?? '', item.detail ?? '']) {
          assert.ok(!/\$\((zap|terminal)\)/.test(text), `theme icon syntax would render: ${JSON.stringify(text)}`);
          assert.ok(!unsafeLabelCharacters.test(withoutOurIsolates(text).replace(/\u200d/g, '')), `unsafe characters: ${JSON.stringify(text)}`);
        }
      }
    } finally {
      window.createQuickPick = original;
      for (const pick of picks) pick.hide();
    }
  });

  test('a symlink loop is not followed: no recursion, no duplicate articles', function () {
    if (!fs) skipBecause(this, noNodeFs);
    const paths = api.index.articles().map(relativePathOf);
    assert.ok(!paths.some((path) => path.includes('/loop/')), paths.filter((path) => path.includes('/loop/')).slice(0, 5).join(', '));
    assert.equal(new Set(paths).size, paths.length);
    assert.equal(api.index.search('air defence system reached India').length, 1);
  });

  test('a symlink pointing outside the corpus is not read (file link skipped and counted; folder link not followed)', function () {
    if (!fs) skipBecause(this, noNodeFs);
    assert.deepEqual(api.index.search('Ultrasecret').map((hit) => relativePathOf(hit.article)), []);
    assert.equal(articlesFrom(api, 'leak.txt').length, 0);
  });

  test('an unreadable file (chmod 000) is skipped and counted', function () {
    if (unreadableSkipReason) skipBecause(this, unreadableSkipReason);
    assert.equal(articlesFrom(api, 'unreadable.txt').length, 0);
    assert.equal(api.loadSummary()?.skipped.unreadable, 1);
  });

  test('nothing crashed: the extension is active, every command is registered, the hover answers on the control topic', async () => {
    const extension = vscode.extensions.getExtension('sourcebook.sourcebook');
    assert.ok(extension?.isActive);
    const contributed = ((extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } }).contributes?.commands ?? []).map((entry) => entry.command);
    assert.ok(contributed.length >= 10, `${contributed.length} contributed commands`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), []);
    const line = 'Delhi bought the S-400 system.';
    const draft = await openDraft(line);
    const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, line.indexOf('S-400') + 2));
    assert.ok(markdown?.includes('reached India in December'), markdown);
  });

  test('a file deleted while the index is being built is dropped; the index equals a fresh rescan', async () => {
    const doomed = vscode.Uri.joinPath(root(), 'zz-doomed.txt');
    assert.equal(articlesFrom(api, 'zz-doomed.txt').length, 1, 'the doomed file was indexed first');
    let deletion: Promise<void> | undefined;
    const stop = api.index.onDidChange(() => {
      if (deletion) return;
      // The first change of the rescan: the loader is past the file list, before the last file.
      deletion = fs ? Promise.resolve(fs.rmSync(doomed.fsPath)) : Promise.resolve(vscode.workspace.fs.delete(doomed));
    });
    try {
      await vscode.commands.executeCommand('sourcebook.reindex');
    } finally {
      stop();
    }
    assert.ok(deletion, 'the rescan changed nothing, so nothing was deleted mid-index');
    await deletion;
    await waitForQuiet(api, 'the watcher to settle after the deletion');
    assert.equal(articlesFrom(api, 'zz-doomed.txt').length, 0);
    assert.equal(api.index.search('Novorossiysk').length, 0);
    const before = passageIds(api);
    await vscode.commands.executeCommand('sourcebook.reindex');
    const after = passageIds(api);
    assert.deepEqual(after, before, idDifference(before, after));
    onlyArticleFrom(api, 'control.md');
  });

  test('6,000 files written at once, then half deleted: the final index equals a fresh rescan', async function () {
    if (!fs) skipBecause(this, noNodeFs);
    // Generous: the limits only catch a hang. 6,000 files are well past the 500 events after which
    // a burst ends with a rescan (the path under test) and keep the test short on a machine busy
    // with other work; at 20,000 files it took 120 s on a busy 2-core machine and over 300 s under
    // a load of 19. Scale itself is measured in `npm run bench:load`, not here.
    this.timeout(900_000);
    const folder = `${root().fsPath}/${burstFolder}`;
    const total = 6_000;
    const started = Date.now();
    fs.mkdirSync(folder, { recursive: true });
    const indices = Array.from({ length: total }, (_, i) => i);
    await forEachConcurrently(indices, 64, (i) => fs.promises.writeFile(`${folder}/note-${String(i).padStart(5, '0')}.txt`, `Burst note ${i}\n\nConvoy ${i} passed checkpoint ${i % 97} near Pskov.\n`));
    const written = Date.now();
    await forEachConcurrently(indices.filter((i) => i % 2 === 0), 64, (i) => fs.promises.rm(`${folder}/note-${String(i).padStart(5, '0')}.txt`));
    const deleted = Date.now();
    const others = api.index.articles().filter((article) => !relativePathOf(article).includes(`/${burstFolder}/`)).length;
    const expected = others + total / 2;
    await waitFor('the burst to be indexed', () => api.index.articles().length === expected, 300_000).catch((error: Error) => {
      throw new Error(`${error.message}: ${api.index.articles().length} articles, expected ${expected}; last load ${JSON.stringify(api.loadSummary())}`);
    });
    await waitForQuiet(api, 'the burst to settle', 2000, 120_000);
    const indexed = Date.now();
    const burstPaths = api.index.articles().map(relativePathOf).filter((path) => path.includes(`/${burstFolder}/`));
    assert.equal(burstPaths.length, total / 2);
    assert.ok(burstPaths.every((path) => Number(/note-(\d+)/.exec(path)?.[1]) % 2 === 1), 'a deleted file is still indexed');
    const before = passageIds(api);
    await vscode.commands.executeCommand('sourcebook.reindex');
    const rescanned = Date.now();
    const after = passageIds(api);
    assert.deepEqual(after, before, idDifference(before, after));
    this.test!.title += ` (write ${written - started} ms, delete ${deleted - written} ms, indexed ${indexed - deleted} ms after, full rescan ${rescanned - indexed} ms)`;
    await fs.promises.rm(folder, { recursive: true, force: true });
    const removing = Date.now();
    await waitFor('the burst folder to leave the index', () => api.index.articles().length === others, 300_000);
    this.test!.title += ` (folder of 3,000 deleted: out of the index in ${Date.now() - removing} ms)`;
  });
});
