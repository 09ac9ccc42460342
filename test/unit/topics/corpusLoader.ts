import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { Article } from '../../../src/core/model';
import { parseAliasFile, type AliasTable } from '../../../src/core/topics/aliasFile';

/** The repository root, from out/test/unit/topics. */
export const repositoryRoot = join(__dirname, '..', '..', '..', '..');

/** The five bundled articles, read the way the extension reads them; `fileOf` maps article id to the file-name prefix ("000"). */
export function loadBundledCorpus(): { articles: Article[]; fileOf: Map<string, string>; aliasTable: AliasTable } {
  const dir = join(repositoryRoot, 'corpus');
  const articles: Article[] = [];
  const fileOf = new Map<string, string>();
  for (const fileName of readdirSync(dir).filter((name) => name.endsWith('.txt')).sort()) {
    const outcome = ingestFile({ uri: `file:///corpus/${fileName}`, fileName, bytes: readFileSync(join(dir, fileName)) });
    if (outcome.kind !== 'articles') throw new Error(`${fileName} was skipped: ${outcome.detail}`);
    for (const article of outcome.articles) {
      articles.push(article);
      fileOf.set(article.id, fileName.slice(0, 3));
    }
  }
  const parsed = parseAliasFile(readFileSync(join(dir, 'topics.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return { articles, fileOf, aliasTable: parsed.table };
}

/**
 * The bundled alias table after the writer accepted the suggestion "Su Jiesheng ↔ S. Jaishankar"
 * (the writer's `.sourcebook/topics.json` comes before the bundled file, as in the extension).
 */
export function withJaishankarAccepted(table: AliasTable): AliasTable {
  return { entries: [{ name: 'S. Jaishankar', aliases: ['Su Jiesheng'], hidden: false }, ...table.entries] };
}
