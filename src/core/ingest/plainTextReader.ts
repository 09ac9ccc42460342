import type { LineIndex } from './lineIndex';
import type { TextBlock } from './textBlock';

/** One line of a plain-text source with its offsets. */
export interface SourceLine {
  line: number;
  text: string;
  start: number;
  end: number;
}

/** Every line of the text, in order. */
export function sourceLines(index: LineIndex): SourceLine[] {
  const lines: SourceLine[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    lines.push({ line, text: index.text.slice(start, end), start, end });
  }
  return lines;
}

/**
 * Groups kept lines into paragraphs: a blank line, or a line that was dropped or
 * consumed as the title, ends a paragraph.
 */
export function paragraphsFromLines(lines: SourceLine[], isKept: (line: SourceLine) => boolean): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  for (const line of lines) {
    if (line.text.trim().length === 0 || !isKept(line)) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { pieces: [] };
      blocks.push(current);
    }
    current.pieces.push({ text: line.text, start: line.start, end: line.end });
  }
  return blocks;
}
