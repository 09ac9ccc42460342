import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { looksLikeDemonym } from '../../../src/core/topics/findCandidates';
import { extractTopics } from '../../../src/core/topics/topicIndex';

function topicNamesOf(text: string): string[] {
  const outcome = ingestFile({ uri: 'file:///sources/brief.txt', fileName: 'brief.txt', bytes: new TextEncoder().encode(text) });
  assert.equal(outcome.kind, 'articles');
  return outcome.kind === 'articles' ? extractTopics(outcome.articles, { entries: [] }).topics().map((topic) => topic.name) : [];
}

describe('a demonym by its shape', () => {
  it('demonyms ending in -an, -ian, -ese, -ish, -stani are demonyms', () => {
    for (const word of ['american', 'african', 'korean', 'cuban', 'rwandan', 'tongan', 'alaskan', 'angolan', 'german', 'samoan', 'tibetan', 'nicaraguan', 'kenyan', 'indian', 'russian', 'chinese', 'turkish', 'pakistani', 'koreans']) {
      assert.equal(looksLikeDemonym(word), true, word);
    }
  });

  it('names that end in -han, -ran, -san, -wan, -pan are not (Manmohan, Jonathan, Kiran, Susan, Taiwan, Japan)', () => {
    for (const word of ['manmohan', 'mohan', 'chauhan', 'jonathan', 'kiran', 'susan', 'taiwan', 'japan']) assert.equal(looksLikeDemonym(word), false, word);
  });

  it('Manmohan Singh stays a whole name, not "Singh" after a demonym', () => {
    const names = topicNamesOf('In 2013, Manmohan Singh visited Moscow. Manmohan Singh said the talks went well.\n\nIndian officials said so.');
    assert.ok(names.includes('Manmohan Singh'), names.join(', '));
    assert.ok(!names.includes('Singh'), names.join(', '));
  });

  it('a demonym before a name is still dropped (Indian Prime Minister Modi is Modi)', () => {
    const names = topicNamesOf('Russian President Vladimir Putin met Modi in Delhi. Vladimir Putin said the talks went well.');
    assert.ok(names.includes('Vladimir Putin'), names.join(', '));
    assert.ok(!names.some((name) => name.startsWith('Russian')), names.join(', '));
  });
});
