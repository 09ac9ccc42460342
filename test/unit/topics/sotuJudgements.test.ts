import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './corpusLoader';
import { judgeTopics, sotuTopics, type TopicJudgement } from './sotuTopics';

interface Judgements {
  before: { junk: number; wrongKind: number; duplicates: number };
  judgements: TopicJudgement[];
}

const fixture: Judgements = JSON.parse(readFileSync(join(repositoryRoot, 'test', 'fixtures', 'topics', 'sotuJudgements.json'), 'utf8'));

test('State of the Union since 1900: the 100 topics in most sources, judged by hand, hold at most 2 junk, 5 wrong kinds and no duplicates', () => {
  const all = sotuTopics();
  const figures = judgeTopics(all.slice(0, 100), all, fixture.judgements);
  const { before } = fixture;
  console.log(`top 100 of the State of the Union since 1900: junk ${before.junk} -> ${figures.junk.length}, wrong kind ${before.wrongKind} -> ${figures.wrongKind.length}, duplicates ${before.duplicates} -> ${figures.duplicates.length}`);
  console.log(`still junk: ${figures.junk.join('; ') || 'none'}; wrong kind: ${figures.wrongKind.join('; ') || 'none'}; duplicates: ${figures.duplicates.join('; ') || 'none'}`);
  assert.deepEqual(figures.unjudged, [], 'every topic of the top 100 has a judgement in sotuJudgements.json');
  assert.ok(figures.junk.length <= 2, `junk: ${figures.junk.join('; ')}`);
  assert.ok(figures.wrongKind.length <= 5, `wrong kind: ${figures.wrongKind.join('; ')}`);
  assert.deepEqual(figures.duplicates, []);
});
