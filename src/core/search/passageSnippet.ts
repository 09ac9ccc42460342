import type { HighlightedText } from '../model';

/** A matched word in a passage: its span and which query word it answers. */
export interface MatchedSpan {
  start: number;
  end: number;
  /** Index of the query word (or phrase word) this span matches. */
  group: number;
}

/** Roughly how many characters a search result shows. */
export const SNIPPET_LENGTH = 160;

const ELLIPSIS = '\u2026';
/** Characters of context kept around the matched words when the passage is trimmed. */
const MIN_CONTEXT = 40;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves `index` off the middle of a surrogate pair (backwards when `backwards`). */
function safeCut(text: string, index: number, backwards: boolean): number {
  if (index > 0 && index < text.length && isLowSurrogate(text.charCodeAt(index)) && isHighSurrogate(text.charCodeAt(index - 1))) {
    return backwards ? index - 1 : index + 1;
  }
  return index;
}

function isBreak(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

/** The span window (indices into `spans`) covering the most distinct query words within `width` characters. */
function bestWindow(spans: MatchedSpan[], width: number): { first: number; last: number } {
  let best = { first: 0, last: 0, distinct: 0, count: 0 };
  const counts = new Map<number, number>();
  let first = 0;
  for (let last = 0; last < spans.length; last++) {
    counts.set(spans[last].group, (counts.get(spans[last].group) ?? 0) + 1);
    while (spans[last].end - spans[first].start > width && first < last) {
      const group = spans[first].group;
      const remaining = (counts.get(group) ?? 1) - 1;
      if (remaining === 0) {
        counts.delete(group);
      } else {
        counts.set(group, remaining);
      }
      first++;
    }
    const distinct = counts.size;
    const count = last - first + 1;
    if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) {
      best = { first, last, distinct, count };
    }
  }
  return best;
}

/**
 * The passage trimmed to about 160 characters around the part that matches
 * the most query words, with those words highlighted. Cuts fall on spaces
 * (never inside a surrogate pair) and are marked with an ellipsis.
 * `spans` must be sorted by `start`.
 */
export function buildSnippet(text: string, spans: MatchedSpan[], width = SNIPPET_LENGTH): HighlightedText {
  if (text.length <= width) {
    return { text, highlights: spans.map(({ start, end }) => ({ start, end })) };
  }
  let windowStart = 0;
  let windowEnd = width;
  if (spans.length > 0) {
    const { first, last } = bestWindow(spans, width - MIN_CONTEXT);
    const matchStart = spans[first].start;
    const matchEnd = Math.min(spans[last].end, matchStart + width);
    const slack = width - (matchEnd - matchStart);
    windowStart = Math.max(0, matchStart - Math.floor(slack / 3));
    windowEnd = Math.min(text.length, windowStart + width);
    windowStart = Math.max(0, windowEnd - width);
  }
  let start = windowStart;
  if (start > 0) {
    const limit = Math.max(0, start - 20);
    let probe = start;
    while (probe > limit && !isBreak(text.charCodeAt(probe - 1))) {
      probe--;
    }
    start = probe > limit ? probe : start;
  }
  let end = windowEnd;
  if (end < text.length) {
    const limit = Math.min(text.length, end + 20);
    let probe = end;
    while (probe < limit && !isBreak(text.charCodeAt(probe))) {
      probe++;
    }
    end = probe < limit ? probe : end;
  }
  start = safeCut(text, start, false);
  end = safeCut(text, end, true);
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const body = text.slice(start, end).trim();
  const leading = text.slice(start, end).length - text.slice(start, end).trimStart().length;
  const offset = prefix.length - start - leading;
  const highlights: HighlightedText['highlights'] = [];
  for (const span of spans) {
    if (span.start >= start + leading && span.end <= start + leading + body.length) {
      highlights.push({ start: span.start + offset, end: span.end + offset });
    }
  }
  return { text: prefix + body + suffix, highlights };
}
