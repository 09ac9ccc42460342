import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticleFigures } from '../../../src/core/figures/extractFigures';
import { groupFigures, groupFiguresInSlices } from '../../../src/core/figures/groupFigures';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { runToCompletion } from '../../../src/core/scheduling/timeSlice';

const corpus = join(__dirname, '..', '..', '..', '..', 'corpus');

test('grouping in slices gives the same groups as grouping at once, however often it yields', () => {
  const figures = readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => {
      const outcome = ingestFile({ uri: `file:///corpus/${name}`, fileName: name, bytes: readFileSync(join(corpus, name)) });
      return outcome.kind === 'articles' ? outcome.articles.flatMap((article) => extractArticleFigures(article)) : [];
    });
  assert.ok(figures.length > 20);
  let yields = 0;
  const alwaysDue = { due: () => true };
  const work = groupFiguresInSlices(figures, {}, alwaysDue);
  const counted = (function* () {
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      yields++;
      yield;
    }
  })();
  const sliced = runToCompletion(counted);
  assert.ok(yields > 10, `it yielded ${yields} times`);
  assert.deepEqual(sliced, groupFigures(figures));
  assert.ok(sliced.some((group) => group.disagreement), 'the arms-share disagreement is still found');
});
