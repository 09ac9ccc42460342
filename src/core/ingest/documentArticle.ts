import type { Article, ArticleMetadata, DroppedLine, SourceFormat } from '../model';
import { buildArticle } from './buildArticle';
import type { IngestOptions } from './ingestOptions';
import { LineIndex } from './lineIndex';
import { definedOnly } from './proseArticle';
import { foldWhitespace } from './splitPassages';
import type { TextBlock } from './textBlock';

/** A paragraph of a PDF or Word document as a reader reads it: its lines joined, hyphenation undone. */
export interface DocumentParagraph {
  /** White space already folded to single spaces (see `foldWhitespace`): `pages` offsets refer to this text. */
  text: string;
  /** Where pages start within `text` (offsets into it, ascending; the first at 0). Absent for documents without pages. */
  pages?: Array<{ at: number; page: number }>;
}

/** A line the reader left out (a running header, a page number), and before which paragraph it stood. */
export interface DocumentDroppedLine {
  beforeParagraph: number;
  text: string;
  reason: string;
  page?: number;
}

/** What a document reader found: the paragraphs in reading order, what the document says about itself, what was left out. */
export interface DocumentContent {
  paragraphs: DocumentParagraph[];
  /** Only what the document states (its properties); never guessed. */
  meta: Partial<ArticleMetadata>;
  dropped: DocumentDroppedLine[];
}

/**
 * The text Sourcebook shows for a document and addresses passages in: one paragraph per line,
 * a blank line between paragraphs. `Passage.range` of a PDF or Word passage is a range of this
 * text, so a view of the extracted text can select a passage exactly.
 */
export function documentText(content: DocumentContent): string {
  return content.paragraphs.map((paragraph) => foldWhitespace(paragraph.text)).join('\n\n');
}

/**
 * Cuts a document's paragraphs into an article: passages with stable ids and ranges into
 * `documentText`, each with the page it starts on when the document has pages.
 * Metadata known from elsewhere (a manifest) wins over the document's own properties.
 */
export function articleFromDocument(
  source: { uri: string; fileName: string; format: SourceFormat; known?: Partial<ArticleMetadata> },
  content: DocumentContent,
  options: IngestOptions,
  warnings: string[],
): Article {
  const folded = content.paragraphs.map((paragraph) => ({ ...paragraph, text: foldWhitespace(paragraph.text) }));
  const text = folded.map((paragraph) => paragraph.text).join('\n\n');
  const index = new LineIndex(text);
  const blocks: TextBlock[] = [];
  folded.forEach((paragraph, at) => {
    if (paragraph.text.length === 0) return;
    const start = index.lineStart(at * 2);
    blocks.push({ pieces: [{ text: paragraph.text, start, end: start + paragraph.text.length }] });
  });
  const meta: ArticleMetadata = { ...definedOnly(content.meta), ...definedOnly(source.known ?? {}), title: '' };
  meta.title = source.known?.title?.trim() || content.meta.title?.trim() || source.fileName;
  const droppedLines: DroppedLine[] = content.dropped.map((line) => {
    const dropped: DroppedLine = { line: Math.min(line.beforeParagraph, Math.max(0, folded.length - 1)) * 2, text: line.text, reason: line.reason };
    if (line.page !== undefined) dropped.page = line.page;
    return dropped;
  });
  const article = buildArticle({ sourceUri: source.uri, format: source.format, meta, blocks, droppedLines }, index, options, warnings);
  for (const passage of article.passages) {
    const pages = folded[passage.range.startLine / 2]?.pages;
    if (!pages || pages.length === 0) continue;
    let page = pages[0].page;
    for (const start of pages) if (start.at <= passage.range.startCharacter) page = start.page;
    passage.page = page;
  }
  return article;
}

/** `YYYY-MM-DD` from a W3C date-time (`2021-12-06T10:00:00Z`), when it is a real calendar date. */
export function calendarDate(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}
