import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Topic } from '../../src/core/model';
import { extractTopics } from '../../src/core/topics/topicIndex';
import { normaliseTerm } from '../../src/core/topics/normaliseTerm';
import { loadSotuArticles } from './sotuCorpus';
import { loadBundledCorpus } from '../unit/topics/corpusLoader';
import { loadTrustFixture, measureTrust, type TrustFigures } from '../unit/topics/trustFigures';

/** The first year of the State of the Union addresses judged for issue 14: the twentieth and twenty-first centuries. */
export const SOTU_FIRST_YEAR = 1900;

/** The State of the Union addresses since {@link SOTU_FIRST_YEAR}, read by our own ingestion. */
export function modernSotuArticles(): Article[] {
  return loadSotuArticles().filter((article) => Number(article.sourceUri.match(/\/(\d{4})_/)?.[1] ?? 0) >= SOTU_FIRST_YEAR);
}

/** Every topic of {@link modernSotuArticles}, most sources first. */
export function sotuTopics(): readonly Topic[] {
  return extractTopics(modernSotuArticles(), { entries: [] }).topics();
}

/** The hand-written judgements of test/fixtures/topics/sotuJudgements.json, and the figures before issue 14's topic filters. */
export interface SotuJudgements {
  before: { junk: number; wrongKind: number; duplicates: number };
  judgements: TopicJudgement[];
}

/** Reads the judgement fixture (from out/test/bench or out/test/unit/topics alike: both sit under out/test). */
export function loadSotuJudgements(): SotuJudgements {
  const outTest = join(__dirname, '..');
  return JSON.parse(readFileSync(join(outTest, '..', '..', 'test', 'fixtures', 'topics', 'sotuJudgements.json'), 'utf8')) as SotuJudgements;
}

/** One topic as a reader judged it. */
export interface TopicJudgement {
  name: string;
  verdict: 'ok' | 'junk' | 'duplicate';
  /** The kinds a reader would accept; `other` is never counted wrong. */
  kinds?: string[];
  /** For a duplicate: the name of the topic it repeats. */
  of?: string;
  why?: string;
}

/** What the judgements say of a list of topics. */
export interface JudgedFigures {
  junk: string[];
  wrongKind: string[];
  duplicates: string[];
  unjudged: string[];
}

/**
 * Applies the judgements to `top` by each topic's normalised name. A duplicate counts only while the
 * topic it repeats is still a topic of its own (in `all`); a kind other than `other` outside the
 * accepted kinds is a wrong kind.
 */
export function judgeTopics(top: readonly Topic[], all: readonly Topic[], judgements: readonly TopicJudgement[]): JudgedFigures {
  const byName = new Map(judgements.map((j) => [normaliseTerm(j.name), j]));
  const names = new Set(all.map((t) => normaliseTerm(t.name)));
  const figures: JudgedFigures = { junk: [], wrongKind: [], duplicates: [], unjudged: [] };
  for (const topic of top) {
    const judgement = byName.get(normaliseTerm(topic.name));
    if (!judgement) {
      figures.unjudged.push(topic.name);
      continue;
    }
    if (judgement.verdict === 'junk') figures.junk.push(topic.name);
    if (judgement.verdict === 'duplicate' && judgement.of && names.has(normaliseTerm(judgement.of))) figures.duplicates.push(`${topic.name} (${judgement.of})`);
    if (judgement.verdict !== 'junk' && topic.kind !== 'other' && !(judgement.kinds ?? []).includes(topic.kind)) figures.wrongKind.push(`${topic.name} as ${topic.kind}`);
  }
  return figures;
}

/** The judged figures of the 100 topics in most sources, with the fixture's figures from before the filters. */
export function measureSotuJudgements(): { before: SotuJudgements['before']; after: JudgedFigures } {
  const fixture = loadSotuJudgements();
  const all = sotuTopics();
  return { before: fixture.before, after: judgeTopics(all.slice(0, 100), all, fixture.judgements) };
}

/**
 * False cards and variant recall before issue 14's matching rule, measured with the same harness
 * (test/unit/topics/trustFigures.ts) at commit 6039e0b, where the fixture was written.
 */
export const HOVER_TRUST_BEFORE = {
  bundled: { falseCards: 20, absent: 163, recall: 0.9 },
  sotu: { falseCards: 71, absent: 126 },
} as const;

/** What hovering the fixture's names shows now: on the bundled corpus, and on the modern addresses (absent names only, those the addresses do not contain). */
export function measureHoverTrust(): { bundled: TrustFigures & { absent: number; variants: number }; sotu: TrustFigures & { absent: number } } {
  const fixture = loadTrustFixture();
  const { articles, aliasTable } = loadBundledCorpus();
  const bundled = measureTrust(extractTopics(articles, aliasTable), fixture);
  const modern = modernSotuArticles();
  const text = modern.flatMap((article) => article.passages.map((passage) => passage.text)).join('\n').toLowerCase();
  const absent = fixture.absent.filter((name) => !text.includes(name.toLowerCase()));
  const sotu = measureTrust(extractTopics(modern, { entries: [] }), { absent, variants: [] });
  return { bundled: { ...bundled, absent: fixture.absent.length, variants: fixture.variants.length }, sotu: { ...sotu, absent: absent.length } };
}
