import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { TopicAssembler, topicMessages } from '../../../src/core/derived/topicPieces';
import { buildTopics } from '../../../src/core/topics/buildTopics';
import { TopicIndex } from '../../../src/core/topics/topicIndex';
import { loadBundledCorpus } from '../topics/corpusLoader';

test('topics cut into small messages and put back together (through structured cloning) are the topics as built', () => {
  const corpus = loadBundledCorpus();
  const built = buildTopics(corpus.articles, corpus.aliasTable);
  const messages = [...topicMessages(built, 25)];
  assert.ok(messages.length > 10, `only ${messages.length} messages`);
  const assembler = new TopicAssembler();
  for (const message of messages) {
    const items = message.reduce((sum, piece) => sum + ('mentions' in piece ? piece.mentions.length : 'articleIds' in piece ? piece.articleIds.length : 'entries' in piece ? piece.entries.length : 1), 0);
    assert.ok(items <= 25 * 2, `a message of ${items} items`);
    assert.equal(assembler.result(), undefined, 'nothing is complete before the last message');
    assembler.add(deserialize(serialize(message)));
  }
  const assembled = assembler.result();
  assert.ok(assembled);
  assert.deepEqual(assembled.topics, built.topics);
  assert.deepEqual(assembled.hiddenIds, built.hiddenIds);
  assert.deepEqual(assembled.aliasNamesById, built.aliasNamesById);
  const index = new TopicIndex(assembled);
  assert.equal(index.matchAt('Talks on the Reciprocal Exchange of Logistics Agreement went on.', 20)?.topic.name, 'RELOS', 'the revived trie recognises names');
});

test('a topic with more mentions than a message holds is spread over several messages', () => {
  const corpus = loadBundledCorpus();
  const built = buildTopics(corpus.articles, corpus.aliasTable);
  const biggest = built.topics.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
  assert.ok(biggest.mentions.length > 10);
  const messages = [...topicMessages(built, 5)];
  const carrying = messages.filter((message) => message.some((piece) => piece.kind === 'mentions' && built.topics[piece.topic] === biggest));
  assert.ok(carrying.length >= Math.floor(biggest.mentions.length / 5), `${biggest.name}'s ${biggest.mentions.length} mentions went in ${carrying.length} messages`);
});
