import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestString, onlyArticle } from './ingestTestSupport';

const pasted = [
  'Home › World › Asia',
  'Putin and Modi sign defence deals in New Delhi',
  'By Priya Sharma',
  'Updated: 6 December 2021 18:45 IST',
  '3 min read',
  'Share this article',
  'Facebook Twitter WhatsApp Email',
  'Modi and Putin met on Monday and signed 28 agreements on trade, energy and defence.',
  'Story continues below advertisement',
  'Also read: Quad leaders meet in Washington',
  'The two leaders also held their first 2+2 dialogue with foreign and defence ministers.',
  '***',
  'Subscribe to our newsletter',
  'Download the NewsNow app for Android and iOS',
  'Follow us on Twitter',
  'Comments',
  'Tags: India, Russia, S-400',
].join('\n\n');

test('each kind of cruft in a pasted page is dropped, with its reason', () => {
  const article = onlyArticle(ingestString('pasted.txt', pasted));
  assert.deepEqual(article.droppedLines.map((dropped) => [dropped.text, dropped.reason]), [
    ['Home › World › Asia', 'breadcrumb'],
    ['By Priya Sharma', 'byline'],
    ['Updated: 6 December 2021 18:45 IST', 'updated stamp'],
    ['3 min read', 'reading time'],
    ['Share this article', 'share/follow line'],
    ['Facebook Twitter WhatsApp Email', 'share/follow line'],
    ['Story continues below advertisement', 'advertising'],
    ['Also read: Quad leaders meet in Washington', 'read-more link'],
    ['***', 'lone punctuation'],
    ['Subscribe to our newsletter', 'newsletter prompt'],
    ['Download the NewsNow app for Android and iOS', 'app-store badge'],
    ['Follow us on Twitter', 'share/follow line'],
    ['Comments', 'comment form'],
    ['Tags: India, Russia, S-400', 'tag list'],
  ]);
  assert.deepEqual(article.meta, { title: 'Putin and Modi sign defence deals in New Delhi', author: 'Priya Sharma', date: '2021-12-06' });
  assert.deepEqual(article.passages.map((passage) => passage.text), [
    'Modi and Putin met on Monday and signed 28 agreements on trade, energy and defence.',
    'The two leaders also held their first 2+2 dialogue with foreign and defence ministers.',
  ]);
});

test('sentences that merely resemble cruft are kept', () => {
  const text = [
    'Headline about the summit',
    'Follow the money, one analyst said of the arms deals.',
    'Share of Russian arms in Indian imports fell below 50%.',
    'Subscribers to the defence journal had predicted the deal.',
    'Comments by the foreign ministry were brief.',
    'Read more carefully, the statement reveals a shift.',
    'Home to the Quad, the Indo-Pacific is contested.',
    'Updated figures will be released next month.',
    'Tags on the missiles were in Russian.',
  ].join('\n\n');
  const article = onlyArticle(ingestString('real.txt', text));
  assert.deepEqual(article.droppedLines, []);
  assert.equal(article.passages.length, 8);
});
