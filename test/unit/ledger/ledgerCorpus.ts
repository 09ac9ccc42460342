import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFigureGroups } from '../../../src/core/figures/compareSources';
import { StoryLedger } from '../../../src/core/ledger/storyLedger';
import type { ClaimStatus } from '../../../src/core/ledger/storyLedger';
import { QuotationIndex } from '../../../src/core/quotes/quotationIndex';
import { neverDue, runToCompletion } from '../../../src/core/scheduling/timeSlice';
import { buildTopics } from '../../../src/core/topics/buildTopics';
import { loadBundledCorpus } from '../figures/bundledCorpus';

/** One hand-written claim of the fixture. */
export interface FixtureClaim {
  text: string;
  status: ClaimStatus;
  /** File-name prefixes (`000`...`004`) of the articles that decide it. */
  articles: string[];
  note?: 'different measures' | 'not a contradiction';
  /** `demo`: a sentence of demo/draft.md. */
  draft?: 'demo';
  /** The fact of another claim in other words. */
  paraphrase?: boolean;
  /** One fact of a source sentence changed, most of its words kept: must not come out supported. */
  trap?: boolean;
  /** Why the expected status is what it is. */
  why?: string;
}

export const ledgerFixture = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ledger', 'claims.json'), 'utf8')) as { claims: FixtureClaim[] }).claims;

/** The ledger over the bundled corpus, built the way the engine builds it, and the file prefix of each article id. */
export function bundledLedger(): { ledger: StoryLedger; fileOf: (articleId: string) => string } {
  const byFile = loadBundledCorpus();
  const articles = [...byFile.values()];
  const quotations = runToCompletion(QuotationIndex.buildInSlices(articles.flatMap((article) => article.passages), neverDue));
  const topics = buildTopics(articles, { entries: [] }).topics.map((topic) => ({ name: topic.name, spellings: topic.aliases }));
  const ledger = new StoryLedger(articles, { figureGroups: buildFigureGroups(articles), checkQuote: (quote) => quotations.check(quote), topics });
  const files = new Map([...byFile].map(([fileName, article]) => [article.id, fileName.slice(0, 3)]));
  return { ledger, fileOf: (articleId) => files.get(articleId) ?? articleId };
}
