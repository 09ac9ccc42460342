/** A stretch of plain text and the source offsets `[start, end)` it was read from. */
export interface TextPiece {
  text: string;
  start: number;
  end: number;
  /** What joins this piece to the previous one in the block: a space (the default) or nothing (adjacent HTML text nodes). */
  gapBefore?: '' | ' ';
}

/**
 * One paragraph-to-be: its pieces are joined with their `gapBefore`. When a piece's text is
 * not a verbatim copy of its source span (HTML entities, stripped markdown), offsets
 * inside it are approximated, but its ends are exact.
 */
export interface TextBlock {
  pieces: TextPiece[];
}

/** Maps offsets in a block's joined text back to source offsets. */
export class BlockText {
  readonly text: string;
  private readonly joinedStarts: number[];

  constructor(readonly block: TextBlock) {
    const starts: number[] = [];
    const parts: string[] = [];
    let position = 0;
    block.pieces.forEach((piece, index) => {
      const gap = index === 0 ? '' : piece.gapBefore ?? ' ';
      parts.push(gap, piece.text);
      position += gap.length;
      starts.push(position);
      position += piece.text.length;
    });
    this.joinedStarts = starts;
    this.text = parts.join('');
  }

  /** Source offset of the character at joined offset `offset`. */
  sourceStart(offset: number): number {
    const index = this.pieceAtOrBefore(offset);
    const piece = this.block.pieces[index];
    const within = offset - this.joinedStarts[index];
    if (within >= piece.text.length && index + 1 < this.block.pieces.length) {
      return this.block.pieces[index + 1].start;
    }
    if (within < 0) {
      return piece.start;
    }
    return piece.start + Math.min(within, piece.end - piece.start);
  }

  /** Source offset just past the character before joined offset `offset`. */
  sourceEnd(offset: number): number {
    const index = this.pieceAtOrBefore(Math.max(0, offset - 1));
    const piece = this.block.pieces[index];
    const within = offset - this.joinedStarts[index];
    return piece.start + Math.max(0, Math.min(within, piece.end - piece.start));
  }

  private pieceAtOrBefore(offset: number): number {
    let low = 0;
    let high = this.joinedStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.joinedStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }
}
