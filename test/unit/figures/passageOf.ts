import type { Passage } from '../../../src/core/model';

/** A passage holding `text`, for tests that need one outside the bundled corpus. */
export function passageOf(text: string, articleId = 'article-a', id = `${articleId}#0`): Passage {
  return { id, articleId, ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: text.length } };
}
