import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassageIndex } from '../../../src/core/search/passageIndex';
import { deserializePassageIndex, PASSAGE_INDEX_FORMAT_VERSION, serializePassageIndex, serializePassageIndexInSlices } from '../../../src/core/search/passageIndexPersistence';
import { bundledIndex } from './bundledCorpus';

const { index, articles } = bundledIndex();
articles.forEach((article, at) => index.addArticle(article, `mtime=${1_700_000_000 + at};size=${at * 100}`));
const bytes = serializePassageIndex(index);

function load(data: Uint8Array): PassageIndex {
  const loaded = deserializePassageIndex(data);
  assert.ok(loaded instanceof PassageIndex, `expected an index, got ${JSON.stringify(loaded)}`);
  return loaded;
}

function failureOf(data: Uint8Array): string {
  const loaded = deserializePassageIndex(data);
  assert.ok(!(loaded instanceof PassageIndex), 'expected the data to be rejected');
  return loaded.error;
}

describe('persisted passage index', () => {
  it('round-trips: same articles, stamps, passages and search results', () => {
    const loaded = load(bytes);
    assert.equal(loaded.passageCount, index.passageCount);
    assert.deepEqual(loaded.articleIds().sort(), index.articleIds().sort());
    for (const article of articles) {
      assert.deepEqual(loaded.article(article.id), article);
      assert.equal(loaded.sourceStampOf(article.id), index.sourceStampOf(article.id));
    }
    for (const query of ['surface-to-air missile', 'Afganistan', '"Far East"', 'outlet:rfi Putin', 'S 400']) {
      assert.deepEqual(loaded.search(query), index.search(query), query);
    }
  });

  it('keeps the page of a PDF passage through the cache, and no page for passages without one', () => {
    const withPages = bundledIndex().index;
    const report = {
      id: 'areport',
      sourceUri: 'file:///sources/report.pdf',
      format: 'pdf' as const,
      meta: { title: 'Annual Report', author: 'Jane Doe' },
      droppedLines: [{ line: 2, text: 'ACME Quarterly', reason: 'running header (on 2 of 2 pages)', page: 2 }],
      passages: [
        { id: 'areport.1', articleId: 'areport', ordinal: 0, text: 'The first page speaks of logistics.', range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 35 }, page: 1 },
        { id: 'areport.2', articleId: 'areport', ordinal: 1, text: 'The second page speaks of international trade.', range: { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 46 }, page: 2 },
      ],
    };
    withPages.addArticle(report);
    const loaded = load(serializePassageIndex(withPages));
    assert.deepEqual(loaded.article('areport'), report);
    assert.equal(loaded.passage(loaded.search('international trade')[0].passageId)!.page, 2);
    assert.equal('page' in loaded.passage(loaded.search('Sputnik')[0].passageId)!, false);
  });

  it('accepts articles added and removed after a warm start, as the host does for changed files', () => {
    const loaded = load(bytes);
    const rfi = articles.find((article) => article.meta.outlet === 'RFI')!;
    loaded.removeArticle(rfi.id);
    assert.equal(loaded.search('Sputnik').length, 0);
    assert.equal(loaded.search('outlet:rfi Putin').length, 0);
    loaded.addArticle(rfi, 'mtime=2;size=2');
    assert.match(loaded.passage(loaded.search('Sputnik')[0].passageId)!.text, /Sputnik V\./);
    assert.equal(loaded.sourceStampOf(rfi.id), 'mtime=2;size=2');
    const again = load(serializePassageIndex(loaded));
    assert.deepEqual(again.search('Sputnik'), loaded.search('Sputnik'));
  });

  it('loads from a Uint8Array that is not 4-byte aligned (a slice of a bigger buffer)', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    assert.equal(load(shifted.subarray(1)).passageCount, index.passageCount);
    const nodeBuffer = Buffer.concat([Buffer.alloc(3), Buffer.from(bytes)]).subarray(3);
    assert.deepEqual(load(nodeBuffer).search('Sputnik'), index.search('Sputnik'));
  });

  it('rejects truncated data', () => {
    for (const length of [0, 3, 19, 100, bytes.length >> 1, bytes.length - 1]) {
      assert.ok(['truncated', 'not-an-index'].includes(failureOf(bytes.slice(0, length))), `length ${length}`);
    }
    assert.equal(failureOf(bytes.slice(0, bytes.length - 4)), 'truncated');
  });

  it('rejects corrupt data: any flipped byte is caught', () => {
    for (const position of [16, 20, 200, bytes.length >> 1, bytes.length - 5]) {
      const corrupt = bytes.slice();
      corrupt[position] ^= 0x5a;
      assert.equal(failureOf(corrupt), 'corrupt', `byte ${position}`);
    }
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    assert.equal(failureOf(longer), 'corrupt');
  });

  it('rejects another format version and data that is not an index', () => {
    const older = bytes.slice();
    new DataView(older.buffer).setUint32(4, PASSAGE_INDEX_FORMAT_VERSION - 1, true);
    assert.equal(failureOf(older), 'unsupported-version');
    assert.equal(failureOf(new TextEncoder().encode('{"articles": []}')), 'not-an-index');
    assert.equal(failureOf(new Uint8Array(1000)), 'not-an-index');
  });

  it('an empty index round-trips', () => {
    const empty = load(serializePassageIndex(new PassageIndex()));
    assert.equal(empty.passageCount, 0);
    assert.deepEqual(empty.search('anything'), []);
  });

  it('built in slices, yielding at every chance, gives the same bytes; changes made between slices do not reach them', () => {
    const working = load(bytes);
    const alwaysDue = { due: () => true };
    const work = serializePassageIndexInSlices(working, alwaysDue);
    let yields = 0;
    let step = work.next();
    const rfi = articles.find((article) => article.meta.outlet === 'RFI')!;
    while (!step.done) {
      yields++;
      // The host keeps indexing while the cache is written.
      if (yields === 3) working.removeArticle(rfi.id);
      step = work.next();
    }
    assert.ok(yields > 50, `only ${yields} yields: the work is not sliced`);
    assert.deepEqual(step.value, serializePassageIndex(load(bytes)), 'the sliced bytes differ from the bytes of the index as it was when the save began');
    assert.ok(load(step.value).article(rfi.id), 'the article removed during the save is in the saved bytes, as it was when the save began');
  });
});
