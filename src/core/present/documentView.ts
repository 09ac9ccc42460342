import { LineIndex } from '../ingest/lineIndex';
import { foldWhitespace } from '../ingest/splitPassages';
import type { Article, Passage, SourceRange } from '../model';
import { pageLabel } from './pageLabel';

/** Formats whose passages are opened in a read-only view of their extracted text, not in the file itself (a binary file). */
export function opensAsDocumentView(article: Pick<Article, 'format'>): boolean {
  return article.format === 'pdf' || article.format === 'docx';
}

/** The title of that view: the file name, and the page for a PDF passage (`report.pdf — p. 12`). */
export function documentViewTitle(fileName: string, page?: number): string {
  const label = pageLabel(page);
  return label ? `${fileName} — ${label}` : fileName;
}

/**
 * Where a passage is in its document's extracted text (`documentText`): its own range when the
 * text there is still the passage's, else where the passage's words are now (the file changed
 * since it was indexed, and the passage moved), else undefined (the passage is gone).
 */
export function passageRangeIn(text: string, passage: Pick<Passage, 'text' | 'range'>): SourceRange | undefined {
  const index = new LineIndex(text);
  const { startLine, startCharacter, endLine, endCharacter } = passage.range;
  if (endLine < index.lineCount) {
    const start = index.lineStart(startLine) + startCharacter;
    const end = index.lineStart(endLine) + endCharacter;
    if (start <= end && end <= index.lineEnd(endLine) && foldWhitespace(text.slice(start, end)) === passage.text) return passage.range;
  }
  const at = passage.text.length > 0 ? text.indexOf(passage.text) : -1;
  return at < 0 ? undefined : index.range(at, at + passage.text.length);
}
