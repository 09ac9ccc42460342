import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Passage } from '../../../src/core/model';
import { QuotationIndex } from '../../../src/core/quotes/quotationIndex';
import { runCooperatively, TimeSlice, type SliceClock } from '../../../src/core/scheduling/timeSlice';

/** A clock that is always due: the work yields before every passage. */
const alwaysDue: SliceClock = { due: () => true };

const corpus = join(__dirname, '..', '..', '..', '..', 'corpus');

function bundledPassages(): Passage[] {
  return readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => {
      const outcome = ingestFile({ uri: `file:///corpus/${name}`, fileName: name, bytes: readFileSync(join(corpus, name)) });
      return outcome.kind === 'articles' ? outcome.articles.flatMap((article) => article.passages) : [];
    });
}

test('an index built in slices answers exactly like one built at once', async () => {
  const passages = bundledPassages();
  let yields = 0;
  const work = QuotationIndex.buildInSlices(passages, alwaysDue);
  let step = work.next();
  while (!step.done) {
    yields++;
    step = work.next();
  }
  const sliced = step.value;
  assert.equal(yields, passages.length, 'an always-due clock yields before every passage');
  const whole = new QuotationIndex(passages);
  for (const quote of [
    'The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday',
    'the Reciprocal Exchange of Logistic Agreement is expected to be signed on Monday',
    'a sentence that no source ever wrote about bananas and Mars',
  ]) {
    assert.deepEqual(sliced.check(quote), whole.check(quote));
  }
  assert.equal(sliced.check('The Reciprocal Exchange of Logistics Agreement (RELOS) is also expected to be inked on Monday').verdict, 'verbatim');
});

test('a cancelled build gives nothing', async () => {
  const passages = bundledPassages();
  const clock = new TimeSlice(0);
  let yields = 0;
  const built = await runCooperatively(QuotationIndex.buildInSlices(passages, clock), clock, { yieldNow: async () => { yields++; }, isCancelled: () => yields > 0 });
  assert.equal(built, undefined);
  assert.equal(yields, 1, 'dropped at the first yield after cancellation');
});
