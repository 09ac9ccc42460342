/**
 * Hover cards as a writer meets them: `vscode.executeHoverProvider` over a draft, asserting the
 * topic, the source counts and outlets, the quoted passage, and that hostile text stays inert.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { activateSourcebook, hoverMarkdownAt, openDraft } from './sourcebookTestKit';

interface HoverExpectation {
  /** The term as the writer types it. */
  term: string;
  /** The card's canonical name. */
  topic: string;
  /** "N passages in M sources": M. */
  sources: number;
  /** Outlets (or article titles for sources without one) that at least one shown passage cites. */
  cites?: string[];
  /** Words that must appear in the shown passages. */
  quotes?: string;
}

/** How the card cites article 000, the machine-translated one with no outlet: "Unknown outlet · " and its title, its first line. */
const MACHINE_TRANSLATED = 'Russian President Vladimir Putin will visit India on the 6th';

const expectations: HoverExpectation[] = [
  { term: 'S-400', topic: 'S-400', sources: 5, quotes: 'S-400' },
  { term: 'S400', topic: 'S-400', sources: 5 },
  { term: 'S 400', topic: 'S-400', sources: 5 },
  { term: 'RELOS', topic: 'RELOS', sources: 1, quotes: 'Reciprocal Exchange of Logistics Agreement' },
  { term: 'Reciprocal Exchange of Logistics Agreement', topic: 'RELOS', sources: 1 },
  { term: 'BrahMos', topic: 'BrahMos', sources: 1, cites: ['YCPress'], quotes: 'Bramos' },
  { term: 'Byden', topic: 'Joe Biden', sources: 2, cites: ['RFI', MACHINE_TRANSLATED] },
  { term: 'Biden', topic: 'Joe Biden', sources: 2, cites: ['RFI', MACHINE_TRANSLATED] },
  // Until the writer accepts the suggestion "Su Jiesheng ↔ S. Jaishankar" (sameTopicSuggestions.test.ts), they are two topics.
  { term: 'Su Jiesheng', topic: 'Su Jiesheng', sources: 1, cites: ['YCPress'] },
  { term: 'Jaishankar', topic: 'S. Jaishankar', sources: 1 },
  { term: 'Poutine', topic: 'Vladimir Putin', sources: 5 },
  { term: 'Putin', topic: 'Vladimir Putin', sources: 5 },
  { term: 'Modi', topic: 'Narendra Modi', sources: 5 },
  { term: 'Lavrov', topic: 'Sergey Lavrov', sources: 2, cites: ['YCPress'] },
  { term: 'Quad', topic: 'Quad', sources: 2 },
  { term: 'Sputnik V', topic: 'Sputnik V', sources: 1, cites: ['RFI'], quotes: 'Sputnik V' },
  { term: 'AK-203', topic: 'AK-203', sources: 1, quotes: 'AK-203 rifles' },
  { term: 'AK203', topic: 'AK-203', sources: 1 },
  { term: '2+2 dialogue', topic: '2+2 dialogue', sources: 2 },
  { term: 'Ladakh', topic: 'Ladakh', sources: 2, cites: ['Associated Press'] },
  { term: 'Indo-Pacific', topic: 'Indo-Pacific', sources: 4 },
  { term: 'COP26', topic: 'COP26', sources: 2, cites: ['RFI'] },
  { term: 'Cop 26', topic: 'COP26', sources: 2 },
  { term: 'Chennai-Vladivostok', topic: 'Chennai-Vladivostok maritime route', sources: 1 },
  { term: 'Afghanistan', topic: 'Afghanistan', sources: 2, cites: ['YCPress'] },
];

suite('Hover cards', () => {
  let api: SourcebookApi;

  suiteSetup(async () => {
    api = await activateSourcebook();
  });

  for (const expected of expectations) {
    test(`"${expected.term}" shows ${expected.topic} from ${expected.sources} source(s)`, async () => {
      const line = `The writer mentions ${expected.term} in passing.`;
      const draft = await openDraft(line);
      const at = line.indexOf(expected.term) + Math.floor(expected.term.length / 2);
      const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, at));
      assert.ok(markdown, `no hover for "${expected.term}"`);
      const header = markdown.split('\n')[0];
      assert.ok(header.includes(`**${escapeForCard(expected.topic)}**`), `card is for another topic: ${header}`);
      assert.match(markdown, new RegExp(`passages? in ${expected.sources} sources?`), `wrong source count in: ${markdown.slice(0, 300)}`);
      for (const outlet of expected.cites ?? []) assert.ok(cites(markdown, outlet), `no passage cites ${outlet}: ${markdown}`);
      if (expected.quotes) assert.ok(plain(markdown).includes(expected.quotes), `no passage quotes "${expected.quotes}"`);
      const passage = api.index.topics().lookup(expected.topic, 1)[0]?.topic;
      assert.ok(passage, `topic ${expected.topic} not in the index`);
    });
  }

  test('"Biden" in the demo draft: Joe Biden from 2 sources, citing the machine-translated article ("the Biden administration") and RFI', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    const draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'draft.md'));
    await vscode.window.showTextDocument(draft);
    const offset = draft.getText().indexOf('Biden');
    assert.ok(offset >= 0, 'the demo draft names Biden');
    const markdown = await hoverMarkdownAt(draft, draft.positionAt(offset + 2));
    assert.ok(markdown, 'no hover on "Biden" in the demo draft');
    assert.ok(markdown.split('\n')[0].includes('**Joe Biden**'), markdown.split('\n')[0]);
    assert.match(markdown, /passages? in 2 sources/);
    for (const source of ['RFI', MACHINE_TRANSLATED]) assert.ok(cites(markdown, source), `no passage cites ${source}: ${markdown}`);
    assert.ok(plain(markdown).includes('Biden administration'), 'a passage of article 000 quotes "the Biden administration"');
  });

  test('names the sources never mention get no card and no underline; misspellings get a labelled closest match', async () => {
    const absent = ['Hillary Clinton', 'Hunter Biden', 'Manmohan Singh', 'Kyiv', 'Pune', 'Chita', 'Jane Austen', 'South China Sea', 'S-500', 'Emmanuel Macron'];
    const variants: Array<[term: string, topic: string, fuzzy: boolean]> = [
      ['Byden', 'Joe Biden', true], ['Joe Byden', 'Joe Biden', true], ['Lavarov', 'Sergey Lavrov', true], ['Jaishanker', 'S. Jaishankar', true],
      ['Bramos', 'BrahMos', false], ['S400', 'S-400', false], ['Joe Biden', 'Joe Biden', false],
    ];
    const lines = [...absent.map((name) => `Today ${name} was in the news.`), ...variants.map(([term]) => `Today ${term} was in the news.`)];
    const draft = await openDraft(lines.join('\n'));
    const editor = await vscode.window.showTextDocument(draft);
    const underlined = api.decorations.rangesFor(editor);
    const closest = api.decorations.closestMatchRangesFor(editor);
    const start = 'Today '.length;
    for (const [line, name] of absent.entries()) {
      for (let at = start; at < start + name.length; at++) {
        const markdown = await hoverMarkdownAt(draft, new vscode.Position(line, at));
        assert.equal(markdown, undefined, `"${name}" got a card at ${at}: ${markdown?.split('\n')[0]}`);
      }
      assert.deepEqual(underlined.filter((range) => range.start.line === line).map((range) => draft.getText(range)), [], `"${name}" is underlined`);
    }
    for (const [i, [term, topic, fuzzy]] of variants.entries()) {
      const line = absent.length + i;
      const markdown = await hoverMarkdownAt(draft, new vscode.Position(line, start + term.length - 1));
      assert.ok(markdown, `no card for "${term}"`);
      const header = markdown.split('\n')[0];
      assert.ok(header.startsWith(`**${escapeForCard(topic)}**`), `"${term}" shows another card: ${header}`);
      assert.equal(header.includes(`closest match for “${escapeForCard(term)}”`), fuzzy, `"${term}": ${header}`);
      assert.deepEqual(underlined.filter((range) => range.start.line === line).map((range) => draft.getText(range)), [term], `"${term}" underline`);
      assert.deepEqual(closest.filter((range) => range.start.line === line).map((range) => draft.getText(range)), fuzzy ? [term] : [], `"${term}" underline style`);
    }
  });

  test('the card shows real passage text with outlet, date and actions', async () => {
    const draft = await openDraft('Deliveries of the S-400 had started.');
    const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, 20));
    assert.ok(markdown);
    assert.ok(plain(markdown).includes('the purchase of S-400 air defence missile system from Russia'), plain(markdown));
    assert.ok(markdown.includes('**S\\-400**'), 'the term is in bold in the passage');
    assert.ok(markdown.includes('2021\\-12\\-06'), 'the dated source shows its date');
    assert.ok(markdown.includes('command:sourcebook.openPassage?'), 'an Open action');
    assert.ok(markdown.includes('command:sourcebook.insertQuote?'), 'an Insert Quote action');
    assert.ok(markdown.includes('command:sourcebook.showTopic?'), 'a Show all action');
    assert.ok(markdown.includes('Spelled'), 'spellings per source are listed when they differ');
  });

  test('the longest topic wins anywhere inside a multi-word name', async () => {
    const line = 'They signed the Reciprocal Exchange of Logistics Agreement on Monday.';
    const draft = await openDraft(line);
    for (const word of ['Reciprocal', 'Exchange', 'of Logistics', 'Agreement']) {
      const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, line.indexOf(word) + 1));
      assert.ok(markdown?.startsWith('**RELOS**'), `hover at "${word}" is not RELOS's card: ${markdown?.slice(0, 80)}`);
    }
  });

  test('words that are not topics get no card', async () => {
    const line = 'the visit was about a banana and nothing else';
    const draft = await openDraft(line);
    for (const word of ['the', 'visit', 'banana', 'nothing']) {
      const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, line.indexOf(word) + 1));
      assert.equal(markdown, undefined, `"${word}" got a card: ${markdown?.slice(0, 80)}`);
    }
  });

  test('hover is off when sourcebook.hover.enabled is false, and for other languages', async () => {
    const config = vscode.workspace.getConfiguration('sourcebook');
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const draft = await openDraft('The S-400 again.');
      assert.equal(await hoverMarkdownAt(draft, new vscode.Position(0, 6)), undefined);
    } finally {
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    const json = await openDraft('{ "x": "S-400" }', 'json');
    assert.equal(await hoverMarkdownAt(json, new vscode.Position(0, 10)), undefined);
  });

  test('the Open action opens the source with the passage selected', async () => {
    const draft = await openDraft('RELOS matters.');
    const markdown = await hoverMarkdownAt(draft, new vscode.Position(0, 2));
    const args = /command:sourcebook\.openPassage\?([^ )"]+)/.exec(markdown ?? '');
    assert.ok(args, 'no Open link');
    const [passageId] = JSON.parse(decodeURIComponent(args[1]));
    await vscode.commands.executeCommand('sourcebook.openPassage', passageId);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.ok(editor.document.uri.path.endsWith('003_9f5badaf90869d35.txt'), editor.document.uri.toString());
    assert.ok(editor.document.getText(editor.selection).includes('The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday.'));
  });

  test('Insert Quote puts the passage and its citation into the draft as one undoable edit', async () => {
    const draft = await openDraft('Intro line.\n');
    const editor = await vscode.window.showTextDocument(draft);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const passage = api.index.topics().lookup('RELOS', 1)[0].topic.mentions[0].passageId;
    await vscode.commands.executeCommand('sourcebook.insertQuote', passage);
    const text = draft.getText();
    assert.ok(text.startsWith('Intro line.\n> The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday.'), text);
    assert.ok(text.includes('> — unknown outlet, 2021-12-06') || /> — [^,\n]+, 2021-12-06/.test(text), text);
    await vscode.commands.executeCommand('undo');
    assert.equal(draft.getText(), 'Intro line.\n');
  });

  test('command links refuse ids that are not in the index', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    await vscode.commands.executeCommand('sourcebook.openPassage', '../../etc/passwd');
    await vscode.commands.executeCommand('sourcebook.openPassage', { passage: { id: 'file:///etc/passwd' } });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });
});

/** Whether a passage of the card cites `source`: its outlet (in italics), or for a source without one its title after the outlet. */
function cites(markdown: string, source: string): boolean {
  return markdown.includes(`*${escapeForCard(source)}`) || markdown.includes(`* · ${escapeForCard(source)}`);
}

function escapeForCard(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}

function plain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\*\*/g, '').replace(/\s+/g, ' ');
}
