import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Article } from '../../../src/core/model';
import { PassageIndex } from '../../../src/core/search/passageIndex';

/** The outlets named in the bundled articles themselves (a byline, a credit line or the site chrome). */
export const bundledOutlets: Record<string, string> = {
  '001_68714617578c8ffe.txt': 'RFI',
  '002_f27318ddd049f123.txt': 'YCPress',
  '003_9f5badaf90869d35.txt': 'News18',
  '004_80468003f30bc126.txt': 'Associated Press',
};

const corpusFolder = join(__dirname, '..', '..', '..', '..', 'corpus');

/** The five bundled articles, read by our own ingestion. */
export function loadBundledArticles(): Article[] {
  const articles: Article[] = [];
  for (const fileName of readdirSync(corpusFolder).filter((name) => name.endsWith('.txt')).sort()) {
    const outlet = bundledOutlets[fileName];
    const outcome = ingestFile({
      uri: `file:///corpus/${fileName}`,
      fileName,
      bytes: readFileSync(join(corpusFolder, fileName)),
      metadata: outlet ? { outlet } : undefined,
    });
    if (outcome.kind !== 'articles') {
      throw new Error(`${fileName} was skipped: ${outcome.reason} ${outcome.detail}`);
    }
    articles.push(...outcome.articles);
  }
  return articles;
}

/** A search index over the bundled corpus. */
export function bundledIndex(): { index: PassageIndex; articles: Article[] } {
  const articles = loadBundledArticles();
  const index = new PassageIndex();
  for (const article of articles) {
    index.addArticle(article);
  }
  return { index, articles };
}
