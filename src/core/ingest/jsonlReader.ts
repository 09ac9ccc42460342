import type { ArticleMetadata } from '../model';
import type { LineIndex } from './lineIndex';
import { pushBlankLine, type ProseLine } from './proseLines';
import type { TextPiece } from './textBlock';
import { setMetadataField } from './textMetadata';

/** One article read from one line of a .jsonl file. */
export interface JsonlArticle {
  /** Zero-based line of the file. */
  line: number;
  metadata: Partial<ArticleMetadata>;
  /** The article text, one prose line per line of the text; every piece points into the JSON string in the source. */
  lines: ProseLine[];
}

/** What a .jsonl file yielded, and which lines could not be read. */
export interface JsonlContent {
  articles: JsonlArticle[];
  badLines: number[];
  /** Lines nested deeper than `MAX_JSON_NESTING`, of which only the top-level string fields were read. */
  deepLines: number[];
  /** True when the file held more articles than the limit allowed. */
  truncated: boolean;
}

const textKeys = ['text', 'body', 'content', 'article'];

/**
 * Arrays and objects nested deeper than this in one line are not parsed: a line of a few
 * megabytes of `[` made `JSON.parse` build millions of arrays (264 MB for 5 MB, measured). The
 * article is read from the line's top-level string fields, which is all Sourcebook reads anyway.
 */
export const MAX_JSON_NESTING = 256;
/** Record keys that name a metadata field, in order of preference. A Map, so `constructor` or `__proto__` name nothing. */
const fieldKeys = new Map<string, keyof ArticleMetadata>(Object.entries({
  title: 'title', headline: 'title',
  outlet: 'outlet', source: 'outlet', publication: 'outlet', publisher: 'outlet', site: 'outlet',
  author: 'author', byline: 'author',
  date: 'date', published: 'date', published_at: 'date', publishedAt: 'date',
  url: 'url', link: 'url',
  language: 'language', lang: 'language',
} as const));

/**
 * Reads a .jsonl archive export: one JSON object per line with the article text under
 * `text` (or `body`, `content`) and optional title/outlet/author/date/url/language. A line
 * that is not such an object is skipped and reported, never fatal for the file.
 */
export function readJsonl(index: LineIndex, maxArticles: number): JsonlContent {
  const articles: JsonlArticle[] = [];
  const badLines: number[] = [];
  const deepLines: number[] = [];
  let truncated = false;
  for (let line = 0; line < index.lineCount; line++) {
    if (index.isBlankLine(line)) {
      continue;
    }
    const raw = index.lineText(line);
    if (articles.length >= maxArticles) {
      truncated = true;
      break;
    }
    let parsed: unknown;
    if (nestedDeeperThan(raw, MAX_JSON_NESTING)) {
      parsed = topLevelStringRecord(raw);
      deepLines.push(line);
    } else {
      try {
        parsed = JSON.parse(raw);
      } catch {
        badLines.push(line);
        continue;
      }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      badLines.push(line);
      continue;
    }
    const record = parsed as Record<string, unknown>;
    const textKey = textKeys.find((key) => typeof ownField(record, key) === 'string');
    if (!textKey) {
      badLines.push(line);
      continue;
    }
    const lineStart = index.lineStart(line);
    const literal = findTopLevelString(raw, textKey);
    const lines = literal
      ? proseLinesFromLiteral(raw, literal, lineStart, line)
      : [{ line, text: record[textKey] as string, pieces: [{ text: record[textKey] as string, start: lineStart, end: lineStart + raw.length }] }];
    articles.push({ line, metadata: metadataFrom(record), lines });
  }
  return { articles, badLines, deepLines, truncated };
}

function metadataFrom(record: Record<string, unknown>): Partial<ArticleMetadata> {
  const metadata: Partial<ArticleMetadata> = {};
  for (const [key, field] of fieldKeys) {
    const value = ownField(record, key);
    if (typeof value !== 'string' || metadata[field] !== undefined) {
      continue;
    }
    const text = value.replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 500) {
      continue;
    }
    setMetadataField(metadata, field, text);
  }
  return metadata;
}

/** A record's own field: what JSON.parse made, never something inherited through a prototype. */
function ownField(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Whether the arrays and objects of `raw` nest deeper than `limit` (strings are skipped). */
function nestedDeeperThan(raw: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charCodeAt(i);
    if (char === 0x22) {
      const end = endOfString(raw, i + 1);
      if (end < 0) return false;
      i = end;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * The top-level string fields of an object written on one line, decoded, as a record with no
 * prototype (so `__proto__` is a key like any other); null when the line is not an object or a
 * string in it does not decode.
 */
function topLevelStringRecord(raw: string): Record<string, unknown> | null {
  if (!raw.trimStart().startsWith('{')) return null;
  const record: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  try {
    for (const [key, { start, end }] of topLevelStrings(raw)) record[key] = JSON.parse(raw.slice(start - 1, end + 1)) as string;
  } catch {
    return null;
  }
  return record;
}

/** The raw span `[start, end)` of the string value of a top-level key, quotes excluded; the last one, as JSON.parse keeps the last of repeated keys. */
function findTopLevelString(raw: string, key: string): { start: number; end: number } | undefined {
  return topLevelStrings(raw, key).get(key);
}

/** The raw spans of the string values of the top-level keys of `raw` (of `only`, when given), quotes excluded; for a repeated key the last. */
function topLevelStrings(raw: string, only?: string): Map<string, { start: number; end: number }> {
  const found = new Map<string, { start: number; end: number }>();
  let depth = 0;
  let expectingKey = false;
  let lastKey: string | undefined;
  let afterColon = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '"') {
      const end = endOfString(raw, i + 1);
      if (end < 0) {
        return found;
      }
      if (depth === 1 && afterColon && lastKey !== undefined && (only === undefined || lastKey === only)) {
        found.set(lastKey, { start: i + 1, end });
      }
      if (depth === 1 && expectingKey) {
        lastKey = JSON.parse(raw.slice(i, end + 1)) as string;
        expectingKey = false;
      }
      afterColon = false;
      i = end;
    } else if (char === '{' || char === '[') {
      depth++;
      expectingKey = depth === 1 && char === '{';
      afterColon = false;
    } else if (char === '}' || char === ']') {
      depth--;
    } else if (char === ':' && depth === 1) {
      afterColon = true;
    } else if (char === ',' && depth === 1) {
      expectingKey = true;
      afterColon = false;
    }
  }
  return found;
}

function endOfString(raw: string, from: number): number {
  for (let i = from; i < raw.length; i++) {
    if (raw[i] === '\\') {
      i++;
    } else if (raw[i] === '"') {
      return i;
    }
  }
  return -1;
}

/**
 * Decodes a JSON string literal into prose lines (split at its `\n`s). Unescaped runs are
 * verbatim pieces and each run of escapes is a piece of its own, so offsets into the source
 * stay exact at every piece's ends. A run of blank lines is one blank line, so a million
 * escaped newlines (or tabs) cost one object, not a million.
 */
function proseLinesFromLiteral(raw: string, literal: { start: number; end: number }, lineStart: number, line: number): ProseLine[] {
  const lines: ProseLine[] = [];
  let pieces: TextPiece[] = [];
  let escapes: { text: string[]; start: number; end: number } | undefined;
  const flushEscapes = (): void => {
    if (escapes) {
      pieces.push({ text: escapes.text.join(''), start: lineStart + escapes.start, end: lineStart + escapes.end, gapBefore: '' });
      escapes = undefined;
    }
  };
  const finishLine = (): void => {
    flushEscapes();
    const text = pieces.map((piece) => piece.text).join('');
    if (text.trim().length > 0) {
      lines.push({ line, text, pieces, startsParagraph: true });
    } else {
      pushBlankLine(lines, line);
    }
    pieces = [];
  };
  let runStart = literal.start;
  const flushRun = (end: number): void => {
    if (end > runStart) {
      flushEscapes();
      pieces.push({ text: raw.slice(runStart, end), start: lineStart + runStart, end: lineStart + end, gapBefore: '' });
    }
  };
  let i = literal.start;
  while (i < literal.end) {
    if (raw[i] !== '\\') {
      i++;
      continue;
    }
    flushRun(i);
    const escape = raw[i + 1];
    let length = 2;
    let decoded: string;
    if (escape === 'u') {
      length = 6;
      decoded = String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
    } else {
      decoded = ({ n: '\n', r: '\r', t: '\t', b: ' ', f: ' ', '"': '"', '\\': '\\', '/': '/' } as Record<string, string>)[escape] ?? escape;
    }
    if (decoded === '\n') {
      finishLine();
    } else if (decoded !== '\r') {
      escapes ??= { text: [], start: i, end: i };
      escapes.text.push(decoded);
      escapes.end = i + length;
    }
    i += length;
    runStart = i;
  }
  flushRun(literal.end);
  finishLine();
  return lines;
}
