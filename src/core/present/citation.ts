import * as l10n from '@vscode/l10n';
import type { Article, Passage } from '../model';
import { inertDraftText, type DraftFlavour, type DraftSurroundings } from './draftText';
import { pageLabel } from './pageLabel';

/** The value of `sourcebook.citation.format` that selects a markdown footnote instead of a template. */
export const footnoteFormat = 'footnote';

/**
 * The default `sourcebook.citation.format`: a markdown block quote with its source under it,
 * and the page when the passage has one (`— News18, 2021-12-06`; for a PDF passage `— Defence Review, 2021-12-06, p. 2`).
 */
export const defaultCitationFormat = '> {quote}\n>\n> — {outlet}, {date}, {page}';

/** The placeholders a citation template may use. */
export const citationPlaceholders = ['quote', 'outlet', 'author', 'date', 'title', 'url', 'page'] as const;

/** What is quoted: the words, and the PDF page they are on when the source has pages. */
export interface QuotedText {
  text: string;
  page?: number;
}

/** What Insert Quote puts into the draft: `text` at the cursor, and for footnotes a `footnote` definition to append at the end of the document. */
export interface FormattedQuote {
  text: string;
  footnote?: string;
}

/** Where the quote goes: how the draft is read, and the draft text around the cursor (see `DraftSurroundings`). */
export interface QuotePlacement extends DraftSurroundings {
  flavour: DraftFlavour;
}

/**
 * Fills a citation template. Unknown metadata becomes "unknown outlet" / "n.d." rather than an
 * empty gap, so the writer sees what is missing instead of a dangling comma. `{page}` is
 * `p. 12` for a passage with a page; a passage without one (every source but a PDF) has no
 * page to be missing, so `{page}` is left out together with the separator before it
 * (`, ` `; ` ` · ` ` — `): `{date}, {page}` reads `2021-12-06`, never `2021-12-06, p. `.
 * `footnoteLabel` must be unique in the target document (the caller picks it).
 *
 * The template is the writer's and is kept as written; every value substituted into it (the
 * quote and the article's metadata, all from the source) is made inert for the draft by
 * `inertDraftText`, judged where it lands in the filled template. Without a placement the
 * draft is taken for markdown, the reading that needs the most escaping.
 */
export function formatQuote(format: string, article: Article, quoted: string | QuotedText, footnoteLabel = 'source', placement: QuotePlacement = { flavour: 'markdown' }): FormattedQuote {
  const { text: quote, page } = typeof quoted === 'string' ? { text: quoted, page: undefined } : quoted;
  const inert = (value: string, before: string, after: string) => inertDraftText(value, placement.flavour, { before: (placement.before ?? '') + before, after: after + (placement.after ?? '') });
  const outlet = article.meta.outlet ?? l10n.t('unknown outlet');
  const date = article.meta.date ?? l10n.t('n.d.');
  const fields: Record<string, string> = {
    quote: quote.trim(),
    outlet,
    author: article.meta.author ?? l10n.t('unknown author'),
    date,
    title: article.meta.title,
    url: linkableAddress(article.meta.url),
    page: pageLabel(page) ?? '',
  };
  if (format.trim() === footnoteFormat) {
    const text = `“${inert(fields.quote, '“', `”[^${footnoteLabel}]`)}”[^${footnoteLabel}]`;
    const byline: Array<{ value: string; quoted?: boolean }> = [{ value: article.meta.author ?? '' }, { value: outlet }, { value: article.meta.title, quoted: true }, { value: date }, { value: fields.page }, { value: fields.url }];
    let footnote = `[^${footnoteLabel}]: `;
    for (const [index, { value, quoted }] of byline.filter((part) => part.value).entries()) {
      if (index > 0) footnote += ', ';
      if (quoted) footnote += '“';
      footnote += inertDraftText(value, placement.flavour, { before: footnote, after: quoted ? '”' : ',' });
      if (quoted) footnote += '”';
    }
    return { text, footnote: `${footnote}.` };
  }
  const template = format.length > 0 ? format : defaultCitationFormat;
  const placeholder = new RegExp(`\\{(${citationPlaceholders.join('|')})\\}`, 'g');
  let text = '';
  let cursor = 0;
  for (const match of template.matchAll(placeholder)) {
    text += template.slice(cursor, match.index);
    cursor = match.index + match[0].length;
    if (match[1] === 'page' && fields.page === '') {
      text = text.replace(/[ \t]*[,;·—–]?[ \t]*$/, '');
      continue;
    }
    const value = inert(fields[match[1]], text, template.slice(cursor));
    text += match[1] === 'quote' && template.includes('> {quote}') ? value.replace(/\n/g, '\n> ') : value;
  }
  return { text: text + template.slice(cursor) };
}

/**
 * The source's address as `{url}` puts it into the draft: only a web address (`http:`, `https:`),
 * with every character that could end a markdown link's destination (white space, brackets,
 * quotes, a backslash) percent-encoded, so a template that makes it a link (`[{outlet}]({url})`) links to that page
 * and nowhere else; anything else (`javascript:`, `command:`, `file:`, a word) is left out, as an
 * address the source does not give. The address comes from the source (front matter, a page's
 * canonical link), so it is untrusted like the rest.
 */
export function linkableAddress(address: string | undefined): string {
  if (!address) return '';
  let parsed: URL;
  try {
    parsed = new URL(address.trim());
  } catch {
    return '';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '';
  return parsed.href.replace(/[\s()<>"'`\\[\]{}|^]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * What "Copy Citation" puts on the clipboard: the filled template, with the footnote definition
 * under it for the footnote format. Where it will be pasted is unknown, so it is made inert for
 * `flavour` (the writer's open draft, else markdown) with no surroundings.
 */
export function citationText(format: string, article: Article, quote: string | QuotedText, flavour: DraftFlavour, footnoteLabel = 'source-1'): string {
  const { text, footnote } = formatQuote(format, article, quote, footnoteLabel, { flavour });
  return footnote ? `${text}\n\n${footnote}` : text;
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
