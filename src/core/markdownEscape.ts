/**
 * Makes untrusted text (an article, a file name, the writer's draft) safe to place inside
 * markdown that VS Code renders: every ASCII punctuation character is backslash-escaped
 * (CommonMark allows escaping any of them), so no emphasis, link, image, autolink, HTML tag,
 * entity or code span can start from it; line breaks become spaces so no block structure
 * (headings, lists, tables, fences) can form. `$(icon)` stays literal text because `$`, `(`
 * and `)` are escaped too.
 */
export function escapeMarkdown(untrusted: string): string {
  return untrusted
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}

/** Escaped text with the given spans in bold. Spans are offsets into `text`, sorted or not; overlaps are merged. */
export function escapeMarkdownWithBold(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const sorted = [...spans].filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, cursor);
    if (span.end <= start) continue;
    result += escapeMarkdown(text.slice(cursor, start));
    const inner = escapeMarkdown(text.slice(start, span.end));
    result += inner.trim().length > 0 ? `**${inner}**` : inner;
    cursor = span.end;
  }
  return result + escapeMarkdown(text.slice(cursor));
}

/**
 * Neutralises `$(icon)` syntax for places VS Code renders theme icons in plain strings
 * (quick pick labels, descriptions, details): a zero-width joiner keeps `$` and `(` apart.
 */
export function neutraliseThemeIcons(untrusted: string): string {
  return untrusted.replace(/\$\(/g, '$\u200d(');
}

/** Strips bidi overrides, zero-width and control characters and caps the length: for tree labels and other one-line UI text. */
export function sanitiseLabel(untrusted: string, maxLength = 120): string {
  const cleaned = untrusted
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned.length <= maxLength) return cleaned;
  let cut = maxLength - 1;
  const code = cleaned.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${cleaned.slice(0, cut)}…`;
}
