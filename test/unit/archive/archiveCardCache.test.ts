import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArchiveCardCache } from '../../../src/core/archive/archiveCardCache';
import type { ArchiveOutcome } from '../../../src/core/archive/archiveClient';
import type { TopicCard } from '../../../src/core/present/topicCard';

const card: TopicCard = {
  topicId: 'topic:quillmarsh',
  name: 'Quillmarsh',
  kind: 'place',
  matchQuality: 'exact',
  passageCount: 1,
  sourceCount: 1,
  spellings: [],
  passages: [{ passageId: 'a1.x', articleTitle: 'Dredging resumes', outlet: 'Coast Ledger', snippet: { text: 'The Quillmarsh channel', highlights: [{ start: 4, end: 14 }] } }],
};

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An archive that answers after `ms`, counting its requests. */
function slowArchive(ms: number, answer: () => ArchiveOutcome<TopicCard | null>) {
  const asked: string[] = [];
  const fetchCard = async (term: string) => {
    asked.push(term);
    await delay(ms);
    return answer();
  };
  return { asked, fetchCard };
}

test('a card later than the wait is not shown, but kept: the next hover shows it without asking again', async () => {
  const archive = slowArchive(300, () => ({ ok: true, value: card, dropped: 0 }));
  const cache = new ArchiveCardCache(archive.fetchCard);
  assert.equal(await cache.cardFor('Quillmarsh', 3, 20), undefined);
  assert.equal(await cache.cardFor('Quillmarsh', 3, 20), undefined, 'still on its way');
  await delay(400);
  const shown = await cache.cardFor('Quillmarsh', 3, 20);
  assert.equal(shown?.passages[0].snippet.text, 'The Quillmarsh channel');
  assert.deepEqual(archive.asked, ['Quillmarsh'], 'one request for three hovers');
});

test('a card within the wait is shown at once; "no such topic" is kept too', async () => {
  const archive = slowArchive(5, () => ({ ok: true, value: null, dropped: 0 }));
  const cache = new ArchiveCardCache(archive.fetchCard);
  assert.equal(await cache.cardFor('the', 3, 2000), null);
  assert.equal(await cache.cardFor('the', 3, 2000), null);
  assert.equal(archive.asked.length, 1);
});

test('a failure is not kept: the next hover asks again', async () => {
  let fail = true;
  const archive = slowArchive(1, () => (fail ? { ok: false, state: 'unreachable', message: 'down' } : { ok: true, value: card, dropped: 0 }));
  const cache = new ArchiveCardCache(archive.fetchCard);
  assert.equal(await cache.cardFor('Quillmarsh', 3, 1000), undefined);
  fail = false;
  assert.equal((await cache.cardFor('Quillmarsh', 3, 1000))?.name, 'Quillmarsh');
  assert.equal(archive.asked.length, 2);
});

test('cards expire, the oldest go past the capacity, and clear() drops answers still on their way', async () => {
  let clock = 0;
  const archive = slowArchive(1, () => ({ ok: true, value: card, dropped: 0 }));
  const cache = new ArchiveCardCache(archive.fetchCard, { capacity: 2, lifetimeMs: 1000, now: () => clock });
  await cache.cardFor('a', 3, 1000);
  await cache.cardFor('b', 3, 1000);
  await cache.cardFor('c', 3, 1000);
  await cache.cardFor('a', 3, 1000);
  assert.deepEqual(archive.asked, ['a', 'b', 'c', 'a'], '"a" went first past the capacity');
  clock += 1001;
  await cache.cardFor('c', 3, 1000);
  assert.equal(archive.asked.length, 5, 'an expired card is asked again');
  const slow = slowArchive(50, () => ({ ok: true, value: card, dropped: 0 }));
  const cleared = new ArchiveCardCache(slow.fetchCard);
  assert.equal(await cleared.cardFor('x', 3, 1), undefined);
  cleared.clear();
  await delay(100);
  assert.equal(await cleared.cardFor('x', 3, 1), undefined, 'the answer to the old connection was not kept');
  assert.equal(slow.asked.length, 2);
});

test('malformed records an answer dropped are reported once per answer', async () => {
  const reported: string[] = [];
  const archive = slowArchive(1, () => ({ ok: true, value: card, dropped: 2 }));
  const cache = new ArchiveCardCache(archive.fetchCard, { onDropped: (term, dropped) => reported.push(`${term}:${dropped}`) });
  await cache.cardFor('Quillmarsh', 3, 1000);
  await cache.cardFor('Quillmarsh', 3, 1000);
  assert.deepEqual(reported, ['Quillmarsh:2']);
});
