import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Article } from '../../../src/core/model';

const corpusDir = join(__dirname, '..', '..', '..', '..', 'corpus');

function ingestBundled(fileName: string): Article {
  const outcome = ingestFile({ uri: `file:///corpus/${fileName}`, fileName, bytes: readFileSync(join(corpusDir, fileName)) });
  assert.equal(outcome.kind, 'articles');
  assert.equal(outcome.articles.length, 1);
  return outcome.articles[0];
}

/** One-based line numbers, as a writer sees them in the editor gutter. */
function droppedAsSeenInEditor(article: Article): Array<[number, string, string]> {
  return article.droppedLines.map((dropped) => [dropped.line + 1, dropped.reason, dropped.text]);
}

function passageTexts(article: Article): string[] {
  return article.passages.map((passage) => passage.text);
}

test('000: nothing is dropped from a clean article; its sub-headings stay', () => {
  const article = ingestBundled('000_cc383362073219a8.txt');
  assert.deepEqual(droppedAsSeenInEditor(article), []);
  assert.equal(article.meta.title, 'Russian President Vladimir Putin will visit India on the 6th to hold a summit meeting with Prime Minister Modi.');
  assert.deepEqual(Object.keys(article.meta), ['title']);
  assert.equal(passageTexts(article)[0], article.meta.title, 'a first line that is a full sentence stays a passage');
  assert.ok(passageTexts(article).includes('Official visit to President Putin in Corona'));
  assert.equal(article.passages.length, 31);
});

test('001 (RFI): caption, byline, reading time, ads, newsletter, app badge and tags are dropped', () => {
  const article = ingestBundled('001_68714617578c8ffe.txt');
  assert.deepEqual(droppedAsSeenInEditor(article), [
    [3, 'photo caption', 'Russian President Vladimir Putin (R) and Indian Prime Minister Narendra Modi (L) in 2019. POOL / AFP'],
    [5, 'byline', 'Text by: RFI Follow'],
    [7, 'reading time', '2 min'],
    [15, 'advertising', 'Advertising'],
    [17, 'read-more link', 'Read more'],
    [21, 'lone punctuation', ','],
    [67, 'newsletter prompt', 'Newsletter'],
    [69, 'newsletter prompt', 'Receive all international news directly in your mailbox'],
    [71, 'newsletter prompt', 'I subscribe'],
    [73, 'app-store badge', 'Follow all the international news by downloading the RFI application'],
    [75, 'app-store badge', 'google-play-badge_FR'],
    [77, 'tag list', '• India'],
    [79, 'tag list', '• Russia'],
    [81, 'tag list', '• Vladimir Poutine'],
    [83, 'tag list', '• Narendra Damodardas Modi'],
  ]);
  assert.deepEqual(article.meta, { title: 'Vladimir Putin in India to strengthen ties and maintain a balance', outlet: 'RFI' });
  const texts = passageTexts(article);
  assert.equal(texts[0], 'Vladimir Putin was absent from the G20 and Cop 26, but he is in New Delhi this Monday, December 6.');
  assert.ok(texts.includes('With our correspondent in Moscow'), 'attribution lines are not cruft');
  assert.ok(texts.includes('Christophe Jaffrelot, research director at CERI Sc-Po'));
  assert.equal(texts[texts.length - 1], 'Altin Lazaj');
});

test('002 (YCPress): the breadcrumb, another article\'s headline and the byline are dropped; the repeated headline is the title', () => {
  const article = ingestBundled('002_f27318ddd049f123.txt');
  assert.deepEqual(droppedAsSeenInEditor(article), [
    [1, 'breadcrumb', 'Home Politics What signal did the Russian Foreign Minister send when he visited India at the delicate moment of the joint military exercise of the five countries?'],
    [2, 'headline of another article', 'Mr Putin accused the West of collective silence over the coup plot in Belarus'],
    [6, 'byline', 'by YCPress'],
  ]);
  assert.deepEqual(article.meta, {
    title: 'What signal did the Russian Foreign Minister send when he visited India at the delicate moment of the joint military exercise of the five countries?',
    outlet: 'YCPress',
  });
  const texts = passageTexts(article);
  assert.ok(texts[0].startsWith('Russian Foreign Minister Lavrov ended his visit to India on the 6th.'));
  assert.ok(texts.includes('believes that India hopes to maintain a certain balance between the United States and Russia. While deepening cooperation with the United States, India will not overly snub Russia, a traditional strategic partner.'));
});

test('003: breadcrumb, byline, stamps, dateline, the twice-printed caption and the promo line are dropped', () => {
  const article = ingestBundled('003_9f5badaf90869d35.txt');
  const caption = 'India is only the second country Russian President Vladimir Putin is travelling to since the Covid-19 pandemic broke out. (Sputnik/Evgeniy Paulin/Kremlin via REUTERS)';
  assert.deepEqual(droppedAsSeenInEditor(article), [
    [1, 'breadcrumb', 'Home » News » India » India Does Balancing Act Between Russia and US as Putin Arrives on Short But Packed Visit Today'],
    [5, 'byline', 'By: Maha Siddiqui'],
    [8, 'updated stamp', 'Last Updated: December 06, 2021, 00:06 IST'],
    [10, 'dateline', 'New Delhi'],
    [12, 'photo caption', caption],
    [14, 'photo caption', caption],
    [43, 'read-more link', 'Read all the Latest News, Breaking News and Coronavirus News here.'],
    [45, 'published stamp', 'first published:December 05, 2021, 14:54 IST'],
    [46, 'updated stamp', 'last updated:December 06, 2021, 00:06 IST'],
  ]);
  assert.deepEqual(article.meta, {
    title: 'India Does Balancing Act Between Russia and US as Putin Arrives on Short But Packed Visit Today',
    author: 'Maha Siddiqui',
    date: '2021-12-06',
  });
  const texts = passageTexts(article);
  assert.ok(texts[0].startsWith('Several key agreements are likely to be signed between India and Russia during Putin’s visit'));
  assert.ok(texts[texts.length - 1].startsWith('Russian Foreign Minister Sergey Lavrov will land late night on Sunday.'));
});

test('004: the comment form and "Source link" are dropped; the AP dateline names the outlet', () => {
  const article = ingestBundled('004_80468003f30bc126.txt');
  assert.deepEqual(droppedAsSeenInEditor(article), [
    [21, 'source link', 'Source link'],
    [23, 'comment form', 'Leave a Reply'],
    [25, 'comment form', 'Your email address will not be published.'],
  ]);
  assert.deepEqual(article.meta, { title: 'India receives Putin because it balances relations with Russia and the United States', outlet: 'Associated Press' });
  const texts = passageTexts(article);
  assert.ok(texts[0].startsWith('New Delhi (Associated Press)-Indian Prime Minister Narendra Modi met with Russian President Vladimir Putin on Monday'));
  assert.equal(texts[texts.length - 1], 'India and Russia are also expected to strengthen trade agreements. They have set a goal of reaching 30 billion U.S. dollars in bilateral trade by the end of 2025.');
});
