import type { LineIndex } from './lineIndex';
import { pushBlankLine, type ProseLine } from './proseLines';
import type { TextPiece } from './textBlock';

/** The prose of a markdown body and its headings. */
export interface MarkdownProse {
  /** Lines with markup stripped; headings, rules and link definitions are blank lines (paragraph breaks). */
  lines: ProseLine[];
  /** Headings in order, with their level, as plain text. */
  headings: Array<{ level: number; text: string; line: number }>;
}

const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;
const linkDefinition = /^ {0,3}\[[^\]]{1,200}\]:[ \t]*\S+/;
/** Tested on the trimmed line: leading white space next to `\|?` would make it backtrack quadratically. */
const tableDelimiter = /^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?$/;
const listMarker = /^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const quoteMarker = /^ {0,3}>[ \t]?/;

/**
 * Reads the body of a markdown file (from `firstLine`) into plain prose lines. Only the
 * markup is removed, so every piece of text is a verbatim slice of the source and passage
 * ranges stay exact. Work is linear in the input: no backtracking regular expression
 * runs over a whole line, so pathological input (70,000 `*`) cannot stall it.
 */
export function readMarkdown(index: LineIndex, firstLine: number): MarkdownProse {
  const lines: ProseLine[] = [];
  const headings: MarkdownProse['headings'] = [];
  let openFence: string | undefined;
  for (let line = firstLine; line < index.lineCount; line++) {
    if (index.isBlankLine(line)) {
      pushBlankLine(lines, line);
      continue;
    }
    const start = index.lineStart(line);
    const raw = index.lineText(line);
    const blank = (): void => {
      lines.push({ line, text: '', pieces: [] });
    };
    if (openFence !== undefined) {
      if (raw.trim().startsWith(openFence)) {
        openFence = undefined;
        blank();
      } else {
        lines.push({ line, text: raw, pieces: [{ text: raw, start, end: start + raw.length }] });
      }
      continue;
    }
    const fenceMatch = fence.exec(raw);
    if (fenceMatch) {
      openFence = fenceMatch[1];
      blank();
      continue;
    }
    const heading = atxHeading(raw);
    if (heading) {
      headings.push({ level: heading.level, text: plainText(heading.text), line });
      blank();
      continue;
    }
    const previous = lines[lines.length - 1];
    if (setextUnderline.test(raw) && previous && previous.text.trim().length > 0 && previous.line === line - 1 && !previous.startsParagraph) {
      headings.push({ level: raw.trim().startsWith('=') ? 1 : 2, text: previous.text.trim(), line: previous.line });
      lines[lines.length - 1] = { line: previous.line, text: '', pieces: [] };
      blank();
      continue;
    }
    if (thematicBreak.test(raw) || linkDefinition.test(raw) || isTableDelimiter(raw) || /^\s*<!--.*-->\s*$/.test(raw)) {
      blank();
      continue;
    }
    let offset = 0;
    let startsParagraph = false;
    for (let depth = 0; depth < 16; depth++) {
      const quote = quoteMarker.exec(raw.slice(offset, offset + 8));
      const item = listMarker.exec(raw.slice(offset, offset + 24));
      if (quote) {
        offset += quote[0].length;
      } else if (item) {
        offset += item[0].length;
        startsParagraph = true;
      } else {
        break;
      }
    }
    const pieces = stripInline(raw, offset).map((piece) => ({ ...piece, start: start + piece.start, end: start + piece.end }));
    const text = pieces.map((piece) => piece.text).join('');
    lines.push({ line, text, pieces, startsParagraph: startsParagraph || undefined });
  }
  return { lines, headings };
}

/**
 * An ATX heading (`## Title ##`): its level and its text without the closing hashes. A scan,
 * not the regular expression it replaces (`[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`), which tried every
 * end of the text against every run of spaces: quadratic on a long line of spaces that does
 * not match (one ending in U+2028), 4,000 spaces took 90 ms.
 */
function atxHeading(raw: string): { level: number; text: string } | undefined {
  let at = 0;
  while (at < 3 && raw[at] === ' ') at++;
  const level = runLength(raw, at, '#');
  if (level < 1 || level > 6) {
    return undefined;
  }
  at += level;
  if (at < raw.length && raw[at] !== ' ' && raw[at] !== '\t') {
    return undefined;
  }
  while (at < raw.length && (raw[at] === ' ' || raw[at] === '\t')) at++;
  if (/[\n\r\u2028\u2029]/.test(raw.slice(at))) {
    return undefined;
  }
  let end = raw.length;
  while (end > at && (raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
  let closing = end;
  while (closing > at && raw[closing - 1] === '#') closing--;
  if (closing < end && closing > at && (raw[closing - 1] === ' ' || raw[closing - 1] === '\t')) {
    end = closing;
    while (end > at && (raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
  }
  return { level, text: raw.slice(at, end) };
}

function isTableDelimiter(raw: string): boolean {
  return raw.length <= 2000 && raw.includes('---') && tableDelimiter.test(raw.trim());
}

/** Markdown inline text as plain text: emphasis, code ticks, link and image syntax removed. */
export function plainText(markdown: string): string {
  return stripInline(markdown, 0).map((piece) => piece.text).join('').replace(/\s+/g, ' ').trim();
}

/**
 * Marks the markup characters of one line for removal and returns the runs of kept text
 * with their offsets in the line. Link and image targets are dropped (a `command:` link
 * leaves only its words); inline HTML is kept as literal text.
 */
function stripInline(line: string, from: number): TextPiece[] {
  const length = line.length;
  const removed = new Uint8Array(length);
  removed.fill(1, 0, from);
  const nextCloseBracket = nextIndexTable(line, ']');
  const nextCloseParen = nextIndexTable(line, ')');
  const unclosedTickRuns = new Set<number>();
  /** Runs of two escapes or more (`\\\\\*\\_`), each read as one piece of the characters escaped: a run of a million is one piece, not a million. */
  const escapeRuns = new Map<number, { end: number; text: string }>();
  let i = from;
  while (i < length) {
    const char = line[i];
    if (char === '\\' && i + 1 < length && isEscapable(line[i + 1])) {
      let end = i + 2;
      while (end + 1 < length && line[end] === '\\' && isEscapable(line[end + 1])) end += 2;
      if (end - i > 2) {
        escapeRuns.set(i, { end, text: line.slice(i, end).replace(/\\(.)/gs, '$1') });
        removed.fill(2, i, end);
      } else {
        removed[i] = 1;
      }
      i = end;
      continue;
    }
    if (char === '`') {
      const run = runLength(line, i, '`');
      const close = unclosedTickRuns.has(run) ? -1 : closingTicks(line, i, run);
      if (close === noClosingTicks) {
        unclosedTickRuns.add(run);
      }
      if (close > 0 && runLength(line, close, '`') === run) {
        removed.fill(1, i, i + run);
        removed.fill(1, close, close + run);
        i = close + run;
        continue;
      }
      i += run;
      continue;
    }
    if (char === '[' || (char === '!' && line[i + 1] === '[')) {
      const open = char === '!' ? i + 1 : i;
      const close = nextCloseBracket[open + 1] ?? -1;
      if (close > open) {
        if (line[close + 1] === '(') {
          const end = nextCloseParen[close + 2] ?? -1;
          if (end > close) {
            removed.fill(1, i, open + 1);
            removed.fill(1, close, end + 1);
            i = open + 1;
            continue;
          }
        } else if (line[close + 1] === '[') {
          const end = nextCloseBracket[close + 2] ?? -1;
          if (end > close && end - close < 200) {
            removed.fill(1, i, open + 1);
            removed.fill(1, close, end + 1);
            i = open + 1;
            continue;
          }
        }
      }
      i = open + 1;
      continue;
    }
    if (char === '<') {
      const autolink = /^<((?:https?|mailto):[^\s<>]{1,2000})>/i.exec(line.slice(i, i + 2010));
      if (autolink) {
        removed[i] = 1;
        removed[i + autolink[0].length - 1] = 1;
        i += autolink[0].length;
        continue;
      }
    }
    if (char === '*' || char === '_' || char === '~') {
      const run = runLength(line, i, char);
      const before = i > from ? line[i - 1] : ' ';
      const after = i + run < length ? line[i + run] : ' ';
      const flanking = !/\s/.test(before) || !/\s/.test(after);
      const intraword = /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
      const isMarkup = char === '~' ? run >= 2 && flanking : flanking && !(char === '_' && intraword);
      if (isMarkup) {
        removed.fill(1, i, i + run);
      }
      i += run;
      continue;
    }
    i++;
  }
  const pieces: TextPiece[] = [];
  let runStart = -1;
  for (let position = 0; position <= length; position++) {
    const kept = position < length && removed[position] === 0;
    if (kept && runStart < 0) {
      runStart = position;
    } else if (!kept && runStart >= 0) {
      pieces.push({ text: line.slice(runStart, position), start: runStart, end: position, gapBefore: '' });
      runStart = -1;
    }
    const escapes = position < length && removed[position] === 2 ? escapeRuns.get(position) : undefined;
    if (escapes) {
      pieces.push({ text: escapes.text, start: position, end: escapes.end, gapBefore: '' });
      position = escapes.end - 1;
    }
  }
  return pieces;
}

/** ASCII punctuation: what a backslash escapes in markdown. */
function isEscapable(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/** A code span is at most this long: its closing ticks are sought this far, not to the end of the line. */
const maxCodeSpan = 2000;
const noClosingTicks = -2;

/**
 * Where the first run of at least `run` ticks after the one at `open` starts, if it starts
 * within `maxCodeSpan`; -1 when it lies further, `noClosingTicks` when the line has none. The
 * search is bounded: runs of falling length (60, 59, ... 1 ticks) would each search the rest of
 * the line, quadratic in its length.
 */
function closingTicks(line: string, open: number, run: number): number {
  const window = line.slice(open + run, Math.min(line.length, open + maxCodeSpan - 1 + run));
  const found = window.indexOf('`'.repeat(run));
  if (found >= 0) {
    return open + run + found;
  }
  return open + run + window.length >= line.length ? noClosingTicks : -1;
}

/** For each position, the index of the next `char` at or after it (-1 when none). */
function nextIndexTable(line: string, char: string): Int32Array {
  const table = new Int32Array(line.length + 1).fill(-1);
  let next = -1;
  for (let position = line.length - 1; position >= 0; position--) {
    if (line[position] === char) {
      next = position;
    }
    table[position] = next;
  }
  return table;
}

function runLength(line: string, start: number, char: string): number {
  let end = start;
  while (end < line.length && line[end] === char) {
    end++;
  }
  return end - start;
}
