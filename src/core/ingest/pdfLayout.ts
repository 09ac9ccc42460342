import type { DocumentDroppedLine, DocumentParagraph } from './documentArticle';
import { foldWhitespace } from './splitPassages';

/** A run of text on a PDF page as pdf.js reports it: its string and where its baseline starts, in PDF units (y grows upwards). */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  /** The run's advance width. */
  width: number;
  /** The font size (the text matrix's vertical scale). */
  size: number;
  /** pdf.js marks the last run of a line. */
  endsLine: boolean;
}

/** One page's text runs in the order the PDF draws them (for most PDFs, reading order). */
export interface PdfPageText {
  /** From 1. */
  page: number;
  runs: PdfTextRun[];
}

/** A line of a page: runs on one baseline joined, white space folded. */
export interface PdfLine {
  page: number;
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

/** The paragraphs of a PDF's text layer and the lines left out as page furniture. */
export interface PdfLayout {
  paragraphs: DocumentParagraph[];
  dropped: DocumentDroppedLine[];
  /** The largest line on the first page when it is clearly larger than the body text (a heading), for a title. */
  headline?: string;
}

/**
 * Lines a page's runs into reading order as pdf.js gives it: a run joins the line before it
 * when it sits on the same baseline to its right; pdf.js's end-of-line marks and a jump back
 * to the left start a new line. A space is put between runs with a gap between them.
 */
export function linesOfPage(page: PdfPageText): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  let closed = true;
  for (const run of page.runs) {
    const size = run.size > 0 ? run.size : 1;
    if (run.text.length > 0) {
      const sameLine = !closed && current && Math.abs(run.y - current.y) <= size * 0.35 && run.x >= current.right - size * 0.6;
      if (sameLine && current) {
        const gap = run.x - current.right;
        if (gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(run.text)) current.text += ' ';
        current.text += run.text;
        current.right = Math.max(current.right, run.x + run.width);
        current.size = Math.max(current.size, size);
      } else {
        current = { page: page.page, text: run.text, x: run.x, y: run.y, right: run.x + run.width, size };
        lines.push(current);
      }
      closed = false;
    }
    if (run.endsLine) closed = true;
  }
  return lines.map((line) => ({ ...line, text: foldWhitespace(line.text) })).filter((line) => line.text.length > 0);
}

/** A page number on its own: `7`, `Page 7`, `7 of 12`, `- 7 -`, `vii`. */
const pageNumberPattern = /^(?:page\s+)?(?:\d{1,5}|(?=[ivxl])l?x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*(?:of|\/)\s*\d{1,5})?$|^[-–—]\s*\d{1,5}\s*[-–—]$/i;
/** How many baselines at the top and at the bottom of a page can hold running headers and footers. */
const furnitureBand = 2;
/** A running header or footer is short. */
const maxFurnitureLength = 160;

/**
 * Turns the text layer of a PDF into paragraphs as a reader reads them, with the page each
 * part came from, and leaves out page furniture, precision first:
 *
 * - a line in the top or bottom two baselines of a page is a running header or footer when
 *   the same text (digits aside, so "Page 3" matches "Page 4") stands in the same band on at
 *   least two pages and on at least 40% of the pages;
 * - a page number (`7`, `Page 7 of 12`, `- 7 -`, `vii`) alone on the top or bottom line of a page.
 *
 * Lines join into a paragraph while they follow each other at the usual line spacing in the
 * same font size; a wider gap or a change of size ends the paragraph. At a page or column
 * break a paragraph goes on when its last line does not end a sentence and the next line is in
 * the same size. A line ending in a hyphen is joined by `joinHyphenated`.
 */
export function layoutPdf(pages: PdfPageText[]): PdfLayout {
  const linesByPage = pages.map(linesOfPage);
  const furniture = findFurniture(linesByPage);
  const body = linesByPage.flat().filter((line) => !furniture.has(line));
  const vocabulary = wordsOf(body);
  const bodySize = bodyTextSize(body);
  const leading = typicalLeading(linesByPage, furniture);

  const paragraphs: DocumentParagraph[] = [];
  const dropped: DocumentDroppedLine[] = [];
  let current: { text: string; pages: Array<{ at: number; page: number }>; last: PdfLine } | undefined;
  const close = () => {
    if (current) paragraphs.push({ text: current.text, pages: current.pages });
    current = undefined;
  };
  for (const line of linesByPage.flat()) {
    const reason = furniture.get(line);
    if (reason) {
      dropped.push({ beforeParagraph: paragraphs.length + (current ? 1 : 0), text: line.text, reason, page: line.page });
      continue;
    }
    if (current && continuesParagraph(current.last, line, leading)) {
      const joined = joinLines(current.text, line.text, vocabulary);
      // joinLines always ends with the whole next line, so the new page starts where it does.
      if (line.page !== current.last.page) current.pages.push({ at: joined.length - line.text.length, page: line.page });
      current.text = joined;
      current.last = line;
      continue;
    }
    close();
    current = { text: line.text, pages: [{ at: 0, page: line.page }], last: line };
  }
  close();

  const firstPage = linesByPage.find((lines) => lines.some((line) => !furniture.has(line))) ?? [];
  const largest = firstPage.filter((line) => !furniture.has(line)).reduce<PdfLine | undefined>((best, line) => (!best || line.size > best.size ? line : best), undefined);
  const headline = largest && largest.size > bodySize * 1.2 && largest.text.length <= 200 ? largest.text : undefined;
  return { paragraphs, dropped, headline };
}

function findFurniture(linesByPage: PdfLine[][]): Map<PdfLine, string> {
  const furniture = new Map<PdfLine, string>();
  const pagesWithText = linesByPage.filter((lines) => lines.length > 0).length;
  const bodySize = bodyTextSize(linesByPage.flat());
  const bands = linesByPage.map((lines) => bandsOf(lines, bodySize));
  const pagesByKey = new Map<string, Set<number>>();
  bands.forEach((band, pageIndex) => {
    for (const [line, where] of band) {
      if (line.text.length > maxFurnitureLength) continue;
      const key = `${where.side}\u0000${furnitureKey(line.text)}`;
      const pages = pagesByKey.get(key) ?? new Set<number>();
      pages.add(pageIndex);
      pagesByKey.set(key, pages);
    }
  });
  const needed = Math.max(2, Math.ceil(pagesWithText * 0.4));
  bands.forEach((band) => {
    for (const [line, where] of band) {
      if (where.extreme && pageNumberPattern.test(line.text)) {
        furniture.set(line, 'page number');
        continue;
      }
      const pages = pagesByKey.get(`${where.side}\u0000${furnitureKey(line.text)}`)?.size ?? 0;
      if (line.text.length <= maxFurnitureLength && pages >= needed) {
        furniture.set(line, `running ${where.side === 'top' ? 'header' : 'footer'} (on ${pages} of ${pagesWithText} pages)`);
      }
    }
  });
  return furniture;
}

/**
 * The lines on the top and bottom `furnitureBand` baselines of a page that stand apart from the
 * body (a gap wider than body lines have, or another font size), and whether each is on the very
 * top or bottom baseline. The first line of body text under a header is not furniture, even when
 * it differs from page to page only in its numbers.
 */
function bandsOf(lines: PdfLine[], bodySize: number): Map<PdfLine, { side: 'top' | 'bottom'; extreme: boolean }> {
  const result = new Map<PdfLine, { side: 'top' | 'bottom'; extreme: boolean }>();
  if (lines.length < 2) return result;
  const baselines = [...new Set(lines.map((line) => Math.round(line.y)))].sort((a, b) => b - a);
  if (baselines.length < 2) return result;
  const band = Math.min(furnitureBand, Math.floor(baselines.length / 2));
  const sizeAt = (y: number) => Math.max(...lines.filter((line) => Math.round(line.y) === y).map((line) => line.size));
  const apart = (y: number, neighbour: number) => Math.abs(y - neighbour) > bodySize * 1.6 || Math.abs(sizeAt(y) - bodySize) > 0.5;
  // A band ends at the first baseline that sits with the body.
  const top: number[] = [];
  for (let index = 0; index < band && apart(baselines[index], baselines[index + 1]); index++) top.push(baselines[index]);
  const bottom: number[] = [];
  for (let index = baselines.length - 1; index >= baselines.length - band && apart(baselines[index], baselines[index - 1]); index--) bottom.push(baselines[index]);
  for (const line of lines) {
    const y = Math.round(line.y);
    if (top.includes(y)) result.set(line, { side: 'top', extreme: y === baselines[0] });
    else if (bottom.includes(y)) result.set(line, { side: 'bottom', extreme: y === baselines[baselines.length - 1] });
  }
  return result;
}

function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** The usual gap between consecutive lines of one size on a page, per size (rounded): the document's line spacing. */
function typicalLeading(linesByPage: PdfLine[][], furniture: Map<PdfLine, string>): Map<number, number> {
  // The lower quartile: most gaps are line spacing, the wider ones between paragraphs are fewer.
  const gaps = new Map<number, number[]>();
  for (const lines of linesByPage) {
    const body = lines.filter((line) => !furniture.has(line));
    for (let index = 1; index < body.length; index++) {
      const [above, below] = [body[index - 1], body[index]];
      const gap = above.y - below.y;
      if (gap < below.size * 0.8 || Math.abs(above.size - below.size) > 0.5) continue;
      const key = Math.round(below.size);
      const list = gaps.get(key) ?? [];
      list.push(gap);
      gaps.set(key, list);
    }
  }
  const result = new Map<number, number>();
  for (const [size, list] of gaps) result.set(size, quantile(list, 0.25));
  return result;
}

const endsSentence = /[.!?…:;]["'”’)\]]*$/;

function continuesParagraph(previous: PdfLine, line: PdfLine, leading: Map<number, number>): boolean {
  const sameSize = Math.abs(line.size - previous.size) <= Math.max(previous.size, line.size) * 0.15;
  if (!sameSize) return false;
  const movesDown = line.page === previous.page && line.y < previous.y;
  if (movesDown) {
    const usual = Math.min(leading.get(Math.round(line.size)) ?? line.size * 1.25, line.size * 2);
    return previous.y - line.y <= usual * 1.3 + 0.5;
  }
  // A new page or a new column: the paragraph goes on only where the sentence does.
  return !endsSentence.test(previous.text);
}

/** Compound words whose first part keeps its hyphen at a line end ("well-", "self-"). */
const compoundFirstParts = new Set(['self', 'well', 'ex', 'non', 'anti', 'quasi', 'vice', 'half']);
/** Compound words whose second part keeps the hyphen ("state-owned", "decision-making"). */
const compoundSecondParts = new Set(['based', 'owned', 'led', 'backed', 'style', 'term', 'year', 'old', 'wide', 'free', 'making', 'level', 'scale', 'born', 'made', 'run']);

/**
 * Joins the next line onto a paragraph as a reader reads it. A line that ends in a hyphen
 * after a letter:
 * - before a capital or a digit keeps its hyphen (`Indo-` `Pacific`, `COVID-` `19`);
 * - before a lower-case word is a word broken by the typesetter and joined without the hyphen
 *   (`inter-` `national` → `international`), unless it is a compound: the hyphenated form
 *   appears elsewhere in the document and the joined one does not, or its first part is one
 *   of `self`, `well`, `ex`, `non`, `anti`, `quasi`, `vice`, `half`, or its second part one of
 *   `based`, `owned`, `led`, `backed`, `style`, `term`, `year`, `old`, `wide`, `free`, `making`,
 *   `level`, `scale`, `born`, `made`, `run` (`well-` `known` → `well-known`, `state-` `owned` →
 *   `state-owned`). Both lists hold only parts a typesetter's break never leaves (not `pre`,
 *   `so`, `high`: `pre-vious`, `so-cial`, `high-er` are broken words).
 * A soft hyphen at a line end always joins; an em dash joins with no space; anything else
 * joins with one space.
 */
export function joinLines(paragraph: string, next: string, vocabulary: Set<string>): string {
  // Only the paragraph's last word matters: looking at its tail keeps a long paragraph linear to build.
  const tail = paragraph.slice(-80);
  if (tail.endsWith('\u00ad')) return paragraph.slice(0, -1) + next;
  if (/\p{L}—$/u.test(tail)) return paragraph + next;
  const broken = /(\p{L}+)[-\u2010]$/u.exec(tail);
  if (!broken) return `${paragraph} ${next}`;
  const continuation = /^(\p{L}+|\p{N}+)/u.exec(next)?.[1];
  if (!continuation || !/^\p{Ll}/u.test(continuation)) return paragraph + next;
  const first = broken[1].toLowerCase();
  const second = continuation.toLowerCase();
  const joinedSeen = vocabulary.has(first + second);
  const hyphenatedSeen = vocabulary.has(`${first}-${second}`);
  const compound = !joinedSeen && (hyphenatedSeen || compoundFirstParts.has(first) || compoundSecondParts.has(second));
  return compound ? paragraph + next : paragraph.slice(0, -1) + next;
}

/** Every word of the body lines, lower-cased, and every hyphenated word whole, except the broken words at line ends. */
function wordsOf(lines: PdfLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    const text = line.text.replace(/\p{L}+[-\u2010\u00ad]$/u, '');
    for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const word = match[0].toLowerCase();
      words.add(word);
      if (word.includes('-')) for (const part of word.split('-')) words.add(part);
    }
  }
  return words;
}

/** The body text's size: the font size that sets the most characters. */
function bodyTextSize(lines: PdfLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(Math.round(line.size * 2) / 2, (characters.get(Math.round(line.size * 2) / 2) ?? 0) + line.text.length);
  let best = 0;
  let most = -1;
  for (const [size, count] of characters) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}

function quantile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * fraction)];
}
