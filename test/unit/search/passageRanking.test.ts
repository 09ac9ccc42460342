import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SearchHit } from '../../../src/core/model';
import type { PassageSearchOptions } from '../../../src/core/search/passageIndex';
import { bundledIndex } from './bundledCorpus';

const { index } = bundledIndex();

function topThree(query: string, options?: PassageSearchOptions): Array<{ text: string; outlet?: string; hit: SearchHit }> {
  return index.search(query, { limit: 3, ...options }).map((hit) => {
    const passage = index.passage(hit.passageId)!;
    return { text: passage.text, outlet: index.articleMeta(passage.articleId)?.outlet, hit };
  });
}

function assertInTopThree(query: string, expected: string, options?: PassageSearchOptions): void {
  const top = topThree(query, options);
  assert.ok(
    top.some(({ text }) => text.includes(expected)),
    `"${query}" should rank the passage with "${expected}" in the top three; got:\n${top.map(({ text }) => `- ${text.slice(0, 120)}`).join('\n')}`,
  );
}

function highlighted(hit: SearchHit): string[] {
  return hit.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end));
}

describe('ranking on the bundled corpus', () => {
  it('"surface-to-air missile" finds the S400 purchase', () => {
    assertInTopThree('surface-to-air missile', 'India has also purchased the state-of-the-art surface-to-air missile system S400 from Russia');
  });

  it('"maritime route" finds the Chennai-Vladivostok route first', () => {
    const [first] = topThree('maritime route');
    assert.match(first.text, /Chennai-Vladivostok maritime route is an example of Indian-Russian cooperation/);
  });

  it('"Far East investment" finds the passage with both, first', () => {
    const [first] = topThree('Far East investment');
    assert.match(first.text, /Some of Russia’s Far East regions have expressed interest in Indian investment in oil and gas projects/);
  });

  it('the typo "Afganistan" finds Afghanistan and highlights the real spelling', () => {
    const top = topThree('Afganistan');
    assert.ok(top.length >= 2);
    assert.ok(top.some(({ text }) => text.includes('The International Conference on Afghanistan held in Moscow on March 18')));
    assert.ok(top.every(({ hit }) => highlighted(hit).includes('Afghanistan')));
  });

  it('"Lavorv" (a swap) finds Lavrov', () => {
    assertInTopThree('Lavorv Jaishankar', 'Russian Foreign Minister Sergey Lavrov will land late night on Sunday');
  });

  it('a quoted phrase matches exactly and only where the words are adjacent', () => {
    const hits = index.search('"Far East"', { limit: 50 });
    assert.ok(hits.length >= 1);
    for (const hit of hits) {
      assert.match(index.passage(hit.passageId)!.text, /Far East/);
    }
    assert.equal(index.search('"East Far"').length, 0);
  });

  it('a quoted phrase with surrounding words: "joint military exercise" Bengal', () => {
    assertInTopThree('"joint military exercise" Bengal', 'in the Bay of Bengal');
  });

  it('outlet:rfi keeps only RFI passages', () => {
    const top = topThree('outlet:rfi Putin');
    assert.equal(top.length, 3);
    assert.ok(top.every(({ outlet }) => outlet === 'RFI'));
    assert.match(top.map(({ text }) => text).join('\n'), /Vladimir Putin/);
  });

  it('outlet:"Associated Press" with a quoted name', () => {
    const top = topThree('outlet:"Associated Press" Ladakh');
    assert.equal(top.length, 1);
    assert.equal(top[0].outlet, 'Associated Press');
    assert.match(top[0].text, /eastern Ladakh, where deadly clashes broke out last year/);
  });

  it('"RELOS" finds the logistics agreement', () => {
    const [first] = topThree('RELOS');
    assert.match(first.text, /The Reciprocal Exchange of Logistics Agreement \(RELOS\)/);
    assert.deepEqual(highlighted(first.hit), ['RELOS']);
  });

  for (const spelling of ['S400', 'S 400', 's-400', 'S-400']) {
    it(`"${spelling}" finds S-400, S400 and "S 400" alike`, () => {
      const hits = index.search(spelling, { limit: 50 });
      const texts = hits.map((hit) => index.passage(hit.passageId)!.text);
      assert.ok(texts.some((text) => text.includes('purchase of S-400 air defence missile system')));
      assert.ok(texts.some((text) => text.includes('But the purchase of Russian S400 rockets')));
      assert.ok(texts.some((text) => text.includes('starting to be delivered in S 400')));
    });
  }

  it('"Sputnik" finds the vaccine passage', () => {
    assertInTopThree('Sputnik', 'its flagship serum against the coronavirus, Sputnik V.');
  });

  it('"Lavrov Jaishankar" finds the one passage naming both, first', () => {
    const [first] = topThree('Lavrov Jaishankar');
    assert.match(first.text, /Sergey Lavrov will land late night on Sunday\. He will hold a bilateral meeting with his counterpart Dr S Jaishankar/);
  });

  it('"Su Jiesheng" finds the YCPress meeting', () => {
    const [first] = topThree('Su Jiesheng');
    assert.match(first.text, /Lavrov held a meeting with Indian Foreign Minister Su Jiesheng on the 6th/);
    assert.equal(first.outlet, 'YCPress');
  });

  it('"2+2 dialogue" finds the passage introducing the maiden 2+2 dialogue', () => {
    assertInTopThree('2+2 dialogue', 'the maiden 2+2 dialogue involving the defence and foreign ministers of the two countries');
    assert.ok(topThree('2+2 dialogue').every(({ text }) => text.includes('2+2 dialogue')));
  });

  it('"Ladakh clashes" ranks the AP passage with both words first, the NHK-style one after', () => {
    const top = topThree('Ladakh clashes');
    assert.match(top[0].text, /eastern Ladakh, where deadly clashes broke out last year/);
    assert.ok(top.some(({ text }) => text.includes('northern Ladakh region')));
  });

  it('"Jaishankar" accent- and case-folded: "JAISHANKAR" and "Jaíshankar" find it too', () => {
    for (const query of ['JAISHANKAR', 'Jaíshankar']) {
      assertInTopThree(query, 'his counterpart Dr S Jaishankar');
    }
  });

  it('words in the article title count: "balancing act" finds the News18 article', () => {
    const [first] = topThree('balancing act Putin');
    assert.equal(first.outlet, 'News18');
  });

  it('plural and singular match: "missiles" finds "missile system"', () => {
    assertInTopThree('missiles', 'surface-to-air missile system');
  });

  it('snippets of long passages are trimmed around the match, with ellipses', () => {
    const [first] = topThree('Vibrant Gujarat');
    assert.ok(first.text.length > 200);
    assert.ok(first.hit.snippet.text.length <= 200);
    assert.match(first.hit.snippet.text, /^….*Vibrant Gujarat Summit/);
    assert.deepEqual(highlighted(first.hit), ['Vibrant', 'Gujarat']);
  });

  it('a caller filter (as for topic:) and a boost are applied', () => {
    const rfiArticle = index.passage(topThree('outlet:rfi Putin')[0].hit.passageId)!.articleId;
    const rfiOnly = (passageId: string): boolean => index.passage(passageId)!.articleId === rfiArticle;
    const top = topThree('Putin', { filter: rfiOnly });
    assert.ok(top.length > 0 && top.every(({ outlet }) => outlet === 'RFI'));
    const boosted = index.search('Putin', { limit: 1, boost: (passageId) => (index.passage(passageId)!.text.includes('Olympics') ? 10 : 1) });
    assert.match(index.passage(boosted[0].passageId)!.text, /promised China a visit for the Olympics/);
  });

  it('a caller filter may itself search the index (as a topic filter asking who else is named), and both searches answer whole', () => {
    const alone = index.search('Putin', { limit: 20 }).map((hit) => hit.passageId);
    const inner: string[][] = [];
    const outer = index.search('Putin', {
      limit: 20,
      filter: (passageId) => {
        if (inner.length < 3) inner.push(index.search('Modi summit', { limit: 5 }).map((hit) => hit.passageId));
        return true;
      },
    }).map((hit) => hit.passageId);
    assert.deepEqual(outer, alone, 'the outer search is not disturbed by the inner ones');
    const modi = index.search('Modi summit', { limit: 5 }).map((hit) => hit.passageId);
    assert.ok(modi.length > 0);
    for (const found of inner) assert.deepEqual(found, modi, 'each inner search answers as on its own');
  });

  it('search as you type: an unfinished last word matches the words it begins', () => {
    assertInTopThree('Vibrant Guj', 'Vibrant Gujarat Summit', { prefixLastWord: true });
    const [first] = index.search('Afgh', { limit: 1, prefixLastWord: true });
    assert.deepEqual(highlighted(first), ['Afghanistan', 'Afghanistan']);
    assert.equal(index.search('Afgh ', { prefixLastWord: true }).length, 0, 'a finished word is taken as typed');
    assert.equal(index.search('Afgh').length, 0, 'off unless asked');
  });

  it('pathological queries are plain text and never throw', () => {
    const queries = ['(a+)+$', '[', ']]]', '\\', '"', '""', '"unterminated', 'outlet:', 'topic:', 'outlet:"', '*'.repeat(70_000), 'a'.repeat(100_000), '\u0000\u200b\ud800', '$(zap)', '   ', ''];
    for (const query of queries) assert.doesNotThrow(() => index.search(query), `query of ${query.length} characters`);
    assert.equal(index.search('[').length, 0);
    assert.equal(index.search('outlet:nowhere Putin').length, 0);
  });
});
