import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addNotSame, mergeTopics, parseAliasFile } from '../../../src/core/topics/aliasFile';

/** What Accept and Dismiss write (src/commands/acceptSuggestion.ts, dismissSuggestion.ts), without VS Code. */
const writers = `{
    "version": 1,
    "topics": [
        { "name": "Vladimir Putin", "aliases": ["Poutine"], "note": "keep me" },
        { "name": "Omicron", "hidden": true }
    ],
    "mine": { "anything": true }
}
`;

test('Accept adds the other name as an alias of the kept topic and leaves every other entry and field as written', () => {
  const after = mergeTopics(writers, 'S. Jaishankar', ['Su Jiesheng']);
  const parsed = parseAliasFile(after);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.table.entries.map((e) => [e.name, e.aliases, e.hidden]), [
    ['Vladimir Putin', ['Poutine'], false],
    ['Omicron', [], true],
    ['S. Jaishankar', ['Su Jiesheng'], false],
  ]);
  const json = JSON.parse(after);
  assert.equal(json.topics[0].note, 'keep me');
  assert.deepEqual(json.mine, { anything: true });
  assert.ok(after.includes('\n    "version": 1'), 'the file keeps its four-space indentation');
  assert.equal(mergeTopics(after, 'S. Jaishankar', ['Su Jiesheng']), after, 'accepting twice changes nothing');
  assert.equal(JSON.parse(mergeTopics('', 'S. Jaishankar', ['Su Jiesheng'])).topics[0].aliases[0], 'Su Jiesheng', 'a missing file is created');
});

test('Dismiss records the pair under "notSame" once, whatever the order, and the parser reads it back', () => {
  const once = addNotSame(writers, 'Rajnath Singh', 'Singh');
  const twice = addNotSame(once, 'singh', 'Rajnath Singh');
  assert.equal(twice, once);
  const parsed = parseAliasFile(twice);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.table.notSame, [['Rajnath Singh', 'Singh']]);
  assert.equal(parsed.table.entries.length, 2, 'no topic changes');
  assert.deepEqual(JSON.parse(twice).mine, { anything: true });
  const bad = parseAliasFile('{ "topics": [], "notSame": [["only one"]] }');
  assert.ok(!bad.ok);
  assert.match(bad.message, /"notSame" must be a list of pairs of names/);
});

test('a file Sourcebook cannot parse (comments, a trailing comma) is never overwritten by Accept or Dismiss', () => {
  const withComment = '{\n  // my notes\n  "topics": []\n}\n';
  assert.throws(() => mergeTopics(withComment, 'S. Jaishankar', ['Su Jiesheng']), /was not changed/);
  assert.throws(() => addNotSame(withComment, 'A', 'B'), /was not changed/);
});
