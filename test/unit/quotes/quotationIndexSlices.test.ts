import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Passage } from '../../../src/core/model';
import { QuotationIndex } from '../../../src/core/quotes/quotationIndex';

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
  const sliced = await QuotationIndex.buildInSlices(passages, async () => { yields++; }, { sliceMs: -1 });
  assert.ok(sliced);
  assert.equal(yields, passages.length, 'a negative slice yields after every passage');
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
  const built = await QuotationIndex.buildInSlices(passages, async () => {}, { sliceMs: -1, isCancelled: () => true });
  assert.equal(built, undefined);
});
