import type { Article, Passage } from '../model';

/** The value of `sourcebook.citation.format` that selects a markdown footnote instead of a template. */
export const footnoteFormat = 'footnote';

/** The default `sourcebook.citation.format`: a markdown block quote with its source under it. */
export const defaultCitationFormat = '> {quote}\n>\n> — {outlet}, {date}';

/** What Insert Quote puts into the draft: `text` at the cursor, and for footnotes a `footnote` definition to append at the end of the document. */
export interface FormattedQuote {
  text: string;
  footnote?: string;
}

/**
 * Fills a citation template. Unknown metadata becomes "unknown outlet" / "n.d." rather than an
 * empty gap, so the writer sees what is missing instead of a dangling comma.
 * `footnoteLabel` must be unique in the target document (the caller picks it).
 */
export function formatQuote(format: string, article: Article, quote: string, footnoteLabel = 'source'): FormattedQuote {
  const outlet = article.meta.outlet ?? 'unknown outlet';
  const date = article.meta.date ?? 'n.d.';
  const fields: Record<string, string> = {
    quote: quote.trim(),
    outlet,
    author: article.meta.author ?? 'unknown author',
    date,
    title: article.meta.title,
    url: article.meta.url ?? '',
  };
  if (format.trim() === footnoteFormat) {
    const byline = [article.meta.author, outlet, `“${article.meta.title}”`, date, article.meta.url].filter(Boolean).join(', ');
    return { text: `“${fields.quote}”[^${footnoteLabel}]`, footnote: `[^${footnoteLabel}]: ${byline}.` };
  }
  const template = format.length > 0 ? format : defaultCitationFormat;
  const text = template.replace(/\{(quote|outlet|author|date|title|url)\}/g, (_whole, name: string) => {
    const value = fields[name];
    return name === 'quote' && template.includes('> {quote}') ? value.replace(/\n/g, '\n> ') : value;
  });
  return { text };
}

/**
 * The part of a passage to quote: the sentence containing `selection` when the writer selected
 * something inside the passage, else the whole passage.
 */
export function quoteTextFor(passage: Passage, selection?: string): string {
  if (!selection) return passage.text;
  const at = passage.text.indexOf(selection.trim());
  if (at < 0) return passage.text;
  const before = passage.text.slice(0, at);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const start = sentenceStart < 0 ? 0 : sentenceStart + 2;
  const afterIndex = at + selection.trim().length;
  const rest = passage.text.slice(afterIndex);
  const endMatch = /[.?!](\s|$)/.exec(rest);
  const end = endMatch ? afterIndex + endMatch.index + 1 : passage.text.length;
  return passage.text.slice(start, end).trim();
}
