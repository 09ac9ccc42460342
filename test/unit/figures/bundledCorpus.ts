import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Article } from '../../../src/core/model';

/** The repository's bundled corpus folder (tests run from out/test/unit/...). */
export const corpusFolder = join(__dirname, '..', '..', '..', '..', 'corpus');

/** The five bundled articles, read the way the extension reads them, keyed by file name. */
export function loadBundledCorpus(): Map<string, Article> {
  const articles = new Map<string, Article>();
  for (const fileName of readdirSync(corpusFolder).filter((name) => name.endsWith('.txt')).sort()) {
    const outcome = ingestFile({ uri: `file:///corpus/${fileName}`, fileName, bytes: readFileSync(join(corpusFolder, fileName)) });
    if (outcome.kind !== 'articles') throw new Error(`${fileName} was skipped: ${outcome.detail}`);
    for (const article of outcome.articles) articles.set(fileName, article);
  }
  return articles;
}
