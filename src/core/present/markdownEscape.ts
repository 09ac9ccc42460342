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
    .replace(/[!-/:-@[-`{-~]/g, (character) => characterReferences[character] ?? `\\${character}`);
}

/**
 * `<`, `>` and the backtick become character references rather than backslash escapes: VS Code's
 * renderer (marked) will not open or close bold next to an escaped `<` or backtick, so a term in
 * bold beside one would show its asterisks. References are plain text to every markdown parser.
 */
const characterReferences: Record<string, string> = { '<': '&lt;', '>': '&gt;', '`': '&#96;' };

/** Escaped text with the given spans in bold. Spans are offsets into `text`, in any order; overlapping ones are merged. */
export function escapeMarkdownWithBold(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    let start = Math.max(0, span.start);
    let end = Math.min(text.length, span.end);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  let result = '';
  let cursor = 0;
  for (const span of merged) {
    result += `${escapeMarkdown(text.slice(cursor, span.start))}**${escapeMarkdown(text.slice(span.start, span.end))}**`;
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
