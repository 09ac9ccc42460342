import type { Article } from '../../../src/core/model';

/** A small article for ledger tests: one passage per paragraph, one line each, from `outlet` on `date`. */
export function storyArticle(id: string, outlet: string, date: string, paragraphs: string[]): Article {
  return {
    id,
    sourceUri: `file:///${id}.txt`,
    meta: { title: `${outlet} story`, outlet, date },
    passages: paragraphs.map((text, ordinal) => ({ id: `${id}:${ordinal}`, articleId: id, ordinal, text, range: { startLine: ordinal, startCharacter: 0, endLine: ordinal, endCharacter: text.length } })),
  } as Article;
}
