import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureSotuJudgements } from '../../bench/topicJudgements';

test('State of the Union since 1900: the 100 topics in most sources, judged by hand, hold at most 2 junk, 5 wrong kinds and no duplicates', () => {
  const { before, after } = measureSotuJudgements();
  console.log(`top 100 of the State of the Union since 1900: junk ${before.junk} -> ${after.junk.length}, wrong kind ${before.wrongKind} -> ${after.wrongKind.length}, duplicates ${before.duplicates} -> ${after.duplicates.length}`);
  console.log(`still junk: ${after.junk.join('; ') || 'none'}; wrong kind: ${after.wrongKind.join('; ') || 'none'}; duplicates: ${after.duplicates.join('; ') || 'none'}`);
  assert.deepEqual(after.unjudged, [], 'every topic of the top 100 has a judgement in test/fixtures/topics/sotuJudgements.json');
  assert.ok(after.junk.length <= 2, `junk: ${after.junk.join('; ')}`);
  assert.ok(after.wrongKind.length <= 5, `wrong kind: ${after.wrongKind.join('; ')}`);
  assert.deepEqual(after.duplicates, []);
});
