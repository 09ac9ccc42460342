import type { LineIndex } from './lineIndex';
import type { TextBlock, TextPiece } from './textBlock';

/**
 * One line of prose as the cleaner sees it: a line of a .txt file, a markdown line with
 * its markup stripped, or an HTML block. `line` is where it starts in the source file.
 */
export interface ProseLine {
  line: number;
  text: string;
  pieces: TextPiece[];
  /** True when this line begins a new paragraph even without a blank line before it (a list item, an HTML block). */
  startsParagraph?: boolean;
}

/**
 * Every line of a plain-text source. A run of blank lines becomes one blank line (a paragraph
 * break), so ten million newlines cost one object, not ten million.
 */
export function plainTextLines(index: LineIndex, firstLine = 0, lastLine = index.lineCount - 1): ProseLine[] {
  const lines: ProseLine[] = [];
  for (let line = firstLine; line <= lastLine; line++) {
    if (index.isBlankLine(line)) {
      pushBlankLine(lines, line);
      continue;
    }
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    const text = index.text.slice(start, end);
    lines.push({ line, text, pieces: [{ text, start, end }] });
  }
  return lines;
}

/** Adds a blank line (a paragraph break) unless the last line already is one. */
export function pushBlankLine(lines: ProseLine[], line: number): void {
  const last = lines[lines.length - 1];
  if (!last || !isBlank(last)) {
    lines.push({ line, text: '', pieces: [] });
  }
}

/** True for a line with nothing but white space. */
export function isBlank(line: ProseLine): boolean {
  return line.text.trim().length === 0;
}

/**
 * Groups kept lines into paragraphs: a blank line, a line that starts a paragraph, or a
 * line that is not kept (dropped as cruft, or taken as the title) ends the current one.
 */
export function paragraphsFromLines(lines: ProseLine[], isKept: (index: number) => boolean): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  lines.forEach((line, index) => {
    if (isBlank(line) || !isKept(index)) {
      current = undefined;
      return;
    }
    if (!current || line.startsParagraph) {
      current = { pieces: [] };
      blocks.push(current);
    }
    line.pieces.forEach((piece, pieceIndex) => {
      current!.pieces.push(pieceIndex === 0 ? { ...piece, gapBefore: ' ' } : piece);
    });
  });
  return blocks;
}
