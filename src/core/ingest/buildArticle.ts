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

/**
 * The block cut to `maxChars` characters as its passages will show them: a run of white space
 * counts as the one space it folds to, so ten million newlines between two words do not use up
 * the block and push the second word out. The cut falls at white space when there is some in the
 * piece it cuts, so no passage ends in half a word.
 */
function boundBlock(block: TextBlock, maxChars: number): TextBlock {
  let total = 0;
  const pieces = [];
  for (const piece of block.pieces) {
    const fit = foldedFit(piece.text, Math.max(0, maxChars - total));
    if (fit.end === piece.text.length) {
      pieces.push(piece);
      total += fit.folded + 1;
      continue;
    }
    const previous = pieces[pieces.length - 1];
    const midWord = !previous || (piece.gapBefore === '' && /\S$/.test(previous.text) && /^\S/.test(piece.text));
    const room = wordCut(piece.text, fit.end, midWord);
    if (room > 0) {
      pieces.push({ text: piece.text.slice(0, room), start: piece.start, end: Math.min(piece.end, piece.start + room) });
    }
    return { pieces };
  }
  return block;
}

/** No word is longer than this: a longer run without white space (base64, 5 MB of backticks) is cut between characters. */
const maxWordLength = 64;

/**
 * Where to cut `text` to at most `limit` characters: after its last white space before the
 * limit, when the word it ends is a word (at most `maxWordLength`); else, when the piece starts
 * a new word, before it; else at a character that splits no cluster.
 */
function wordCut(text: string, limit: number, midWord: boolean): number {
  const end = Math.min(limit, text.length);
  const firstWord = text.search(/\S/);
  for (let i = end; i > firstWord && firstWord >= 0 && end - i <= maxWordLength; i--) {
    if (/\s/.test(text[i - 1])) {
      return i;
    }
  }
  if (firstWord >= 0 && end - firstWord > maxWordLength) {
    return safeCharacterCut(text, end);
  }
  return midWord ? safeCharacterCut(text, limit) : 0;
}

/** How much of `text` fits in `budget` characters once white space runs fold to one: where it stops, and how many folded characters that is. */
function foldedFit(text: string, budget: number): { end: number; folded: number } {
  let folded = 0;
  let inSpace = false;
  for (let offset = 0; offset < text.length; offset++) {
    const space = isWhiteSpace(text.charCodeAt(offset), text, offset);
    if (space && inSpace) {
      continue;
    }
    inSpace = space;
    if (folded === budget) {
      return { end: offset, folded };
    }
    folded++;
  }
  return { end: text.length, folded };
}

function isWhiteSpace(code: number, text: string, offset: number): boolean {
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(text[offset]);
}
