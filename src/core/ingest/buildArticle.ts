import type { Article, ArticleMetadata, DroppedLine, Passage, SourceFormat } from '../model';
import type { IngestOptions } from './ingestOptions';
import type { LineIndex } from './lineIndex';
import { foldWhitespace, safeCharacterCut, splitPassages } from './splitPassages';
import { stableHash } from './stableHash';
import type { TextBlock } from './textBlock';

/** Everything a format reader found in one article, before passages are cut. */
export interface ArticleDraft {
  sourceUri: string;
  format: SourceFormat;
  /** Distinguishes several articles in one file (the .jsonl line); omitted for single-article files. */
  part?: string;
  meta: ArticleMetadata;
  blocks: TextBlock[];
  droppedLines: DroppedLine[];
}

/** The stable article id: derived from the source URI and, for .jsonl, the line. */
export function articleIdFor(sourceUri: string, part?: string): string {
  return 'a' + stableHash(part === undefined ? sourceUri : `${sourceUri}#${part}`);
}

/**
 * Cuts the draft's blocks into passages with stable ids and exact ranges. A passage id
 * depends only on the article id, the passage's normalised text and how many identical
 * passages precede it, so it survives a reindex, and edits elsewhere in the file.
 */
export function buildArticle(draft: ArticleDraft, index: LineIndex, options: IngestOptions, warnings: string[]): Article {
  const id = articleIdFor(draft.sourceUri, draft.part);
  const passages: Passage[] = [];
  const seen = new Map<string, number>();
  let truncated = false;
  let shortened = 0;
  for (const block of draft.blocks) {
    const bounded = boundBlock(block, options.maxBlockChars);
    if (bounded !== block) {
      shortened++;
    }
    for (const cut of splitPassages(bounded, options.maxPassageChars)) {
      if (passages.length >= options.maxPassagesPerArticle) {
        truncated = true;
        break;
      }
      const normalised = cut.text.normalize('NFC');
      const occurrence = seen.get(normalised) ?? 0;
      seen.set(normalised, occurrence + 1);
      passages.push({
        id: `${id}.${stableHash(`${id}\u0000${normalised}\u0000${occurrence}`)}`,
        articleId: id,
        ordinal: passages.length,
        text: cut.text,
        range: index.range(cut.start, cut.end),
      });
    }
    if (truncated) {
      break;
    }
  }
  if (shortened > 0) {
    warnings.push(`${shortened} paragraph(s) of more than ${options.maxBlockChars} characters were shortened.`);
  }
  if (truncated) {
    warnings.push(`Only the first ${options.maxPassagesPerArticle} passages were kept.`);
  }
  return {
    id,
    sourceUri: draft.sourceUri,
    format: draft.format,
    meta: { ...draft.meta, title: foldWhitespace(draft.meta.title) },
    passages,
    droppedLines: draft.droppedLines,
  };
}

/** The block cut to `maxChars` characters, at white space when there is some in the piece it cuts, so no passage ends in half a word. */
function boundBlock(block: TextBlock, maxChars: number): TextBlock {
  let total = 0;
  const pieces = [];
  for (const piece of block.pieces) {
    if (total + piece.text.length <= maxChars) {
      pieces.push(piece);
      total += piece.text.length + 1;
      continue;
    }
    const previous = pieces[pieces.length - 1];
    const midWord = !previous || (piece.gapBefore === '' && /\S$/.test(previous.text) && /^\S/.test(piece.text));
    const room = wordCut(piece.text, Math.max(0, maxChars - total), midWord);
    if (room > 0) {
      pieces.push({ text: piece.text.slice(0, room), start: piece.start, end: Math.min(piece.end, piece.start + room) });
    }
    return { pieces };
  }
  return block;
}

/**
 * Where to cut `text` to at most `limit` characters: after its last white space before the
 * limit; else, when the piece starts a new word, before it; else at a character that splits no cluster.
 */
function wordCut(text: string, limit: number, midWord: boolean): number {
  const firstWord = text.search(/\S/);
  for (let i = Math.min(limit, text.length); i > firstWord && firstWord >= 0; i--) {
    if (/\s/.test(text[i - 1])) {
      return i;
    }
  }
  return midWord ? safeCharacterCut(text, limit) : 0;
}
