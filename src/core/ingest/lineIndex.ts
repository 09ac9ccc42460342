import type { SourceRange } from '../model';

const whiteSpace = /\s/;

/**
 * Converts UTF-16 offsets in a text into the editor's line/character positions.
 * `\r\n`, `\n` and a lone `\r` each end a line, as in VS Code, so ranges stay exact
 * for CRLF, classic-Mac and mixed files.
 */
export class LineIndex {
  /** 4 bytes a line: a file of ten million newlines needs 40 MB here, not the 80 MB or more of a growing array. */
  private readonly lineStarts: Int32Array;

  constructor(readonly text: string) {
    let count = 1;
    forEachLineStart(text, () => count++);
    const starts = new Int32Array(count);
    let line = 1;
    forEachLineStart(text, (start) => (starts[line++] = start));
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of `line`. */
  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) {
      return this.text.length;
    }
    const next = this.lineStarts[line + 1];
    if (next >= 2 && this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10) {
      return next - 2;
    }
    return next - 1;
  }

  /** True when `line` holds nothing but white space (as `trim` sees it); reads the line without copying it. */
  isBlankLine(line: number): boolean {
    const end = this.lineEnd(line);
    for (let offset = this.lineStarts[line]; offset < end; offset++) {
      const code = this.text.charCodeAt(offset);
      const blank = code < 128 ? code === 32 || (code >= 9 && code <= 13) : whiteSpace.test(this.text[offset]);
      if (!blank) return false;
    }
    return true;
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The zero-based line containing `offset` (an offset on a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line] };
  }

  /** The editor range covering `[start, end)`. */
  range(start: number, end: number): SourceRange {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { startLine: from.line, startCharacter: from.character, endLine: to.line, endCharacter: to.character };
  }
}

/** Calls `found` with the offset where each line after the first starts. */
function forEachLineStart(text: string, found: (start: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        i++;
      }
      found(i + 1);
    } else if (code === 10) {
      found(i + 1);
    }
  }
}
