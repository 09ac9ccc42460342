import type { Article } from '../../../src/core/model';

/** One article per text, as a writer's folder of short sources. */
export function articlesOf(texts: string[]): Article[] {
  return texts.map((text, i) => ({
    id: `a${i}`,
    sourceUri: `file:///a${i}.txt`,
    format: 'txt' as const,
    meta: { title: `a${i}` },
    passages: [{ id: `a${i}:p0`, articleId: `a${i}`, ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: text.length } }],
    droppedLines: [],
  }));
}
