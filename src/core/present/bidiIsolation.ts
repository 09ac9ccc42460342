/**
 * Right-to-left source text (Arabic, Hebrew, Persian, Urdu...) shown inside our left-to-right
 * interface. Without isolation the Unicode bidi algorithm lets a passage's direction leak into
 * what surrounds it: an Arabic sentence's full stop jumps to the wrong end, and "— Al Jazeera,
 * 2021-12-06" after it is reordered into the Arabic run. Each piece of source text that holds a
 * right-to-left character is therefore wrapped in FIRST STRONG ISOLATE (U+2068) ... POP
 * DIRECTIONAL ISOLATE (U+2069): inside, the text takes the direction of its first strong letter;
 * outside, it is one neutral block.
 *
 * Those two are the only bidi controls our output ever holds, always as one balanced pair
 * around a whole piece: every bidi control of the source itself (overrides, embeddings,
 * isolates, marks: the Trojan Source characters) is removed first, by `sanitiseLabel`,
 * `escapeMarkdown` or `withoutBidiControls`.
 */

import { escapeMarkdown, escapeMarkdownWithBold, sanitiseLabel } from './markdownEscape';

export const FIRST_STRONG_ISOLATE = '\u2068';
export const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** Letters of the right-to-left scripts (and their presentation forms). */
const rightToLeft = /[\u0590-\u05ff\u0600-\u06ff\u0700-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Every bidi formatting character: marks (LRM, RLM, ALM), embeddings and overrides (LRE..RLO, PDF), isolates (LRI..PDI). */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Whether the text holds a letter of a right-to-left script. */
export function hasRightToLeft(text: string): boolean {
  return rightToLeft.test(text);
}

/**
 * The text wrapped in one first-strong isolate when it holds right-to-left letters, as it is
 * otherwise. Any bidi control already in it is removed first, so the pair added here is the only
 * one and is balanced. Give it text already made safe for where it goes (escaped markdown, a
 * sanitised label): the isolates are plain characters to markdown and to a tree or quick pick.
 */
export function isolateBidi(safeText: string): string {
  const clean = safeText.replace(bidiControls, '');
  return hasRightToLeft(clean) ? `${FIRST_STRONG_ISOLATE}${clean}${POP_DIRECTIONAL_ISOLATE}` : clean;
}

/**
 * Text without any bidi control, with spans (highlights) moved to the same characters: for the
 * compare view, whose page isolates each piece itself (`dir="auto"`, `<bdi>`).
 */
export function withoutBidiControls<Span extends { start: number; end: number }>(text: string, spans: readonly Span[] = []): { text: string; spans: Span[] } {
  if (!bidiControl.test(text)) return { text, spans: [...spans] };
  const removedBefore = new Uint32Array(text.length + 1);
  let removed = 0;
  let clean = '';
  for (let offset = 0; offset < text.length; offset++) {
    removedBefore[offset] = removed;
    const char = text[offset];
    if (bidiControl.test(char)) removed++;
    else clean += char;
  }
  removedBefore[text.length] = removed;
  const at = (offset: number) => {
    const bounded = Math.max(0, Math.min(text.length, offset));
    return bounded - removedBefore[bounded];
  };
  const moved = spans.map((span) => ({ ...span, start: at(span.start), end: at(span.end) })).filter((span) => span.end > span.start);
  return { text: clean, spans: moved };
}

/** A one-line label of source text (a tree row, a quick pick item): sanitised, capped (the isolates included), and isolated when right-to-left. */
export function isolatedLabel(untrusted: string, maxLength = 120): string {
  const isolated = isolateBidi(sanitiseLabel(untrusted, maxLength));
  return isolated.length <= maxLength ? isolated : isolateBidi(sanitiseLabel(untrusted, Math.max(1, maxLength - 2)));
}

/**
 * The text with each of our isolates (FSI, then text without bidi controls, then PDI) reduced to
 * its text: what a check for unsafe characters in shown text looks at.
 */
export function withoutOurIsolates(text: string): string {
  return text.replace(/\u2068([^\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*)\u2069/g, '$1');
}

/** Source text escaped for a hover's markdown, isolated when right-to-left. */
export function isolatedMarkdown(untrusted: string): string {
  return isolateBidi(escapeMarkdown(untrusted));
}

/** Source text escaped for a hover's markdown with spans in bold, isolated as a whole when right-to-left. */
export function isolatedMarkdownWithBold(untrusted: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const escaped = escapeMarkdownWithBold(untrusted, spans).replace(bidiControls, '');
  return hasRightToLeft(escaped) ? `${FIRST_STRONG_ISOLATE}${escaped}${POP_DIRECTIONAL_ISOLATE}` : escaped;
}
