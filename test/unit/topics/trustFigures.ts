import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopicIndex } from '../../../src/core/topics/topicIndex';
import { repositoryRoot } from './corpusLoader';

/** test/fixtures/topics/trustFixture.json: names the bundled sources never mention, and variants that should find a topic. */
export interface TrustFixture {
  absent: string[];
  variants: Array<{ term: string; topic: string }>;
}

export function loadTrustFixture(): TrustFixture {
  return JSON.parse(readFileSync(join(repositoryRoot, 'test', 'fixtures', 'topics', 'trustFixture.json'), 'utf8')) as TrustFixture;
}

/** What a writer would see for the fixture, the way the hover and the underline ask the index. */
export interface TrustFigures {
  /** Absent names that showed a card when hovered anywhere inside them, with the card's topic. */
  falseCards: Array<{ term: string; topic: string }>;
  /** Absent names with any underline inside them. */
  falseUnderlines: Array<{ term: string; topic: string }>;
  falseCardsPer100: number;
  /** Variants whose hover (the middle of the term's last word, so "President Putin" is hovered on "Putin") shows the expected topic. */
  recall: number;
  missedVariants: Array<{ term: string; expected: string; got: string | undefined }>;
}

/** Each term is put in the same draft line the hover tests use. */
export function draftLine(term: string): string {
  return `The writer mentions ${term} in passing.`;
}

export function measureTrust(index: TopicIndex, fixture: TrustFixture): TrustFigures {
  const falseCards: TrustFigures['falseCards'] = [];
  const falseUnderlines: TrustFigures['falseUnderlines'] = [];
  for (const term of fixture.absent) {
    const line = draftLine(term);
    const start = line.indexOf(term);
    const end = start + term.length;
    for (let offset = start; offset < end; offset++) {
      const match = index.matchAt(line, offset);
      if (match && match.end > start && match.start < end) {
        falseCards.push({ term, topic: `${match.topic.name} (${match.quality})` });
        break;
      }
    }
    const underline = index.findInText(line).find((match) => match.end > start && match.start < end);
    if (underline) falseUnderlines.push({ term, topic: `${underline.topic.name} (${underline.quality})` });
  }
  const missedVariants: TrustFigures['missedVariants'] = [];
  for (const { term, topic } of fixture.variants) {
    const line = draftLine(term);
    const lastWord = term.split(/[\s-]/).pop() ?? term;
    const match = index.matchAt(line, line.indexOf(term) + term.length - lastWord.length + Math.floor(lastWord.length / 2));
    if (match?.topic.name !== topic) missedVariants.push({ term, expected: topic, got: match?.topic.name });
  }
  return {
    falseCards,
    falseUnderlines,
    falseCardsPer100: Math.round((falseCards.length * 10000) / fixture.absent.length) / 100,
    recall: Math.round(((fixture.variants.length - missedVariants.length) * 1000) / fixture.variants.length) / 1000,
    missedVariants,
  };
}
