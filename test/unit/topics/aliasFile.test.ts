import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addAlias, hideTopic, mergeTopics, parseAliasFile } from '../../../src/core/topics/aliasFile';

const userFile = `{
    "version": 1,
    "comment": "my corrections",
    "topics": [
        { "name": "S. Jaishankar", "kind": "person", "aliases": ["Su Jiesheng"], "note": "Indian EAM" },
        { "name": "Vladimir Putin", "aliases": ["Poutine"] }
    ]
}
`;

test('a well-formed file parses into entries with defaults', () => {
  const result = parseAliasFile(userFile);
  assert.ok(result.ok);
  assert.deepEqual(result.table.entries, [
    { name: 'S. Jaishankar', kind: 'person', aliases: ['Su Jiesheng'], hidden: false },
    { name: 'Vladimir Putin', kind: undefined, aliases: ['Poutine'], hidden: false },
  ]);
  assert.deepEqual(parseAliasFile('').ok && parseAliasFile('').ok, true);
  assert.deepEqual(parseAliasFile('  \n').ok ? 'empty' : 'error', 'empty');
});

test('malformed JSON reports the line and column of the mistake', () => {
  const broken = '{\n  "topics": [\n    { "name": "Quad" }\n    { "name": "RELOS" }\n  ]\n}\n';
  const result = parseAliasFile(broken);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.line, 4);
  assert.equal(result.column, 5);
  assert.match(result.message, /not valid JSON.*line 4/);
  const unterminated = parseAliasFile('{ "topics": [ { "name": "Quad');
  assert.equal(unterminated.ok, false);
  const trailingComma = parseAliasFile('{\r\n "topics": [\r\n  { "name": "Quad" },\r\n ]\r\n}');
  assert.ok(!trailingComma.ok && trailingComma.line === 4);
});

test('wrong shapes are reported clearly, at the offending value', () => {
  const cases: Array<[string, RegExp, number]> = [
    ['[]', /must be a JSON object/, 1],
    ['{ "topics": {} }', /"topics" must be a list/, 1],
    ['{\n "topics": [\n  { "aliases": ["x"] }\n ]\n}', /needs a non-empty "name"/, 3],
    ['{\n "topics": [\n  { "name": "Quad",\n    "kind": "alliance" }\n ]\n}', /"kind" of "Quad" must be one of person, place/, 4],
    ['{ "topics": [ { "name": "Quad", "aliases": "quad" } ] }', /"aliases" of "Quad" must be a list of strings/, 1],
    ['{ "topics": [ { "name": "Quad", "hidden": "yes" } ] }', /"hidden" of "Quad" must be true or false/, 1],
    ['{ "version": 7, "topics": [] }', /newer Sourcebook/, 1],
  ];
  for (const [text, message, line] of cases) {
    const result = parseAliasFile(text);
    assert.equal(result.ok, false, text);
    if (!result.ok) {
      assert.match(result.message, message);
      assert.equal(result.line, line, text);
    }
  }
});

test('a "__proto__" key is plain data, not a prototype change', () => {
  const result = parseAliasFile('{ "__proto__": { "polluted": true }, "topics": [] }');
  assert.ok(result.ok);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('addAlias adds to the existing entry and keeps unknown fields, order and indentation', () => {
  const edited = addAlias(userFile, 'S Jaishankar', 'Jaishankar');
  const parsed = JSON.parse(edited);
  assert.equal(parsed.comment, 'my corrections');
  assert.deepEqual(parsed.topics[0], { name: 'S. Jaishankar', kind: 'person', aliases: ['Su Jiesheng', 'Jaishankar'], note: 'Indian EAM' });
  assert.equal(parsed.topics[1].name, 'Vladimir Putin');
  assert.match(edited, /^ {4}"version"/m, 'keeps four-space indentation');
  assert.equal(addAlias(edited, 'S. Jaishankar', 'jaishankar’s'), edited, 'a variant of a known name is not added twice');
});

test('addAlias creates the entry (and the file) when needed, with a kind', () => {
  const created = JSON.parse(addAlias('', 'BrahMos', 'Bramos', 'system'));
  assert.deepEqual(created, { version: 1, topics: [{ name: 'BrahMos', aliases: ['Bramos'], kind: 'system' }] });
  const appended = JSON.parse(addAlias(userFile, 'COP26', 'UN Climate Change Conference'));
  assert.equal(appended.topics.length, 3);
  assert.deepEqual(appended.topics[2], { name: 'COP26', aliases: ['UN Climate Change Conference'] });
  const variantOnly = JSON.parse(addAlias(userFile, 'COP26', 'Cop 26'));
  assert.deepEqual(variantOnly.topics[2].aliases, [], 'a spelling variant needs no alias: normalisation already joins it');
});

test('mergeTopics folds names and aliases into one entry and removes the others', () => {
  const withQuad = addAlias(userFile, 'Quad', 'Quadrilateral Security Dialogue');
  const merged = JSON.parse(mergeTopics(withQuad, 'Vladimir Putin', ['S. Jaishankar', 'President Putin']));
  assert.equal(merged.topics.length, 2);
  const putin = merged.topics.find((t: { name: string }) => t.name === 'Vladimir Putin');
  assert.deepEqual(putin.aliases, ['Poutine', 'S. Jaishankar', 'Su Jiesheng', 'President Putin']);
  assert.equal(putin.note, 'Indian EAM', 'fields of the removed entry are carried over');
  assert.equal(putin.kind, 'person');
});

test('hideTopic marks the topic hidden, creating the entry when needed', () => {
  const hidden = JSON.parse(hideTopic(userFile, 'vladimir putin'));
  assert.equal(hidden.topics[1].hidden, true);
  const created = JSON.parse(hideTopic(userFile, 'Home Politics'));
  assert.deepEqual(created.topics[2], { name: 'Home Politics', hidden: true });
});

test('edits refuse a malformed file instead of overwriting it', () => {
  const broken = '{ "topics": [ { "name": "Quad" } ';
  assert.throws(() => addAlias(broken, 'Quad', 'quad'), /not changed.*line 1/);
  assert.throws(() => mergeTopics(broken, 'Quad', ['x']), /not changed/);
  assert.throws(() => hideTopic('{ "topics": 3 }', 'Quad'), /not changed.*"topics" must be a list/);
  assert.throws(() => addAlias(userFile, 'Quad', '  '), /must contain a letter or digit/);
});

test('an edit applied to a file changed since it was read keeps the other change', () => {
  const readByCommand = userFile;
  const changedMeanwhile = readByCommand.replace('"comment": "my corrections"', '"comment": "edited by hand meanwhile"')
    .replace('{ "name": "Vladimir Putin", "aliases": ["Poutine"] }', '{ "name": "Vladimir Putin", "aliases": ["Poutine", "Putine"] }');
  const written = JSON.parse(hideTopic(changedMeanwhile, 'Vladimir Putin'));
  assert.equal(written.comment, 'edited by hand meanwhile');
  assert.deepEqual(written.topics[1], { name: 'Vladimir Putin', aliases: ['Poutine', 'Putine'], hidden: true });
});

test('CRLF files stay CRLF', () => {
  const crlf = userFile.replace(/\n/g, '\r\n');
  const edited = addAlias(crlf, 'Vladimir Putin', 'Putine');
  assert.ok(!/[^\r]\n/.test(edited));
});
