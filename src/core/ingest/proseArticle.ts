import type { ArticleMetadata, DroppedLine, SourceFormat } from '../model';
import type { ArticleDraft } from './buildArticle';
import { cleanArticle, droppedLinesOf, TitleLinePolicy } from './cleanArticle';
import { paragraphsFromLines, ProseLine } from './proseLines';

/** What a format reader hands over to become an article draft. */
export interface ProseSource {
  sourceUri: string;
  format: SourceFormat;
  part?: string;
  lines: ProseLine[];
  /** Metadata known before reading the text (manifest, front matter, HTML meta), already merged in that order of precedence. */
  known: Partial<ArticleMetadata>;
  /** Whether an unmarked first line is the headline (pasted text) or a paragraph (markdown, HTML). */
  titleLine?: TitleLinePolicy;
  /** The title when neither the known metadata nor the text gives one (the file name). */
  fallbackTitle: string;
  /** Text the format reader left out of `lines`, with the reason (headings, HTML navigation and footers). */
  dropped?: DroppedLine[];
}

/**
 * Cleans the lines, picks the title, and merges metadata: what was known beforehand wins,
 * then what the text states (byline, dateline, stamps); nothing else is ever filled in.
 */
export function draftFromProse(source: ProseSource): ArticleDraft {
  const knownTitle = source.known.title?.trim() || undefined;
  const cleaned = cleanArticle(source.lines, knownTitle, source.titleLine);
  let blocks = paragraphsFromLines(source.lines, (index) => index !== cleaned.titleIndex && !cleaned.dropped.has(index));
  if (blocks.length === 0 && cleaned.titleIndex !== undefined) {
    // A file that is one headline ("Putin arrives in Delhi") is that text, not an empty file.
    blocks = paragraphsFromLines(source.lines, (index) => !cleaned.dropped.has(index));
  }
  const meta: ArticleMetadata = { ...definedOnly(cleaned.found), ...definedOnly(source.known), title: knownTitle ?? cleaned.title ?? source.fallbackTitle };
  return {
    sourceUri: source.sourceUri,
    format: source.format,
    part: source.part,
    meta,
    blocks,
    droppedLines: withReaderDrops(droppedLinesOf(source.lines, cleaned.dropped), source.dropped),
  };
}

/** The cleaner's dropped lines and the reader's, in source order. */
function withReaderDrops(cleaned: DroppedLine[], reader: DroppedLine[] | undefined): DroppedLine[] {
  return reader && reader.length > 0 ? [...cleaned, ...reader].sort((a, b) => a.line - b.line) : cleaned;
}

/** Copies only the fields that have a non-empty string value. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  const result: Partial<T> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && field.trim().length > 0) {
      (result as Record<string, string>)[key] = field.trim();
    }
  }
  return result;
}
