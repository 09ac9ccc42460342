import { languageName } from '../ingest/articleLanguage';
import type { Article } from '../model';

/** One line of what is known about an article, as a writer reads it: `Language` — `Russian (declared)`. */
export interface ArticleDetail {
  label: string;
  value: string;
}

/**
 * What the Articles view's tooltip says about an article, after its title: outlet, author, date,
 * URL and language (named in English by `Intl.DisplayNames`, with whether the source declares it
 * or Sourcebook told it from the text), then its passages and file name. Values are untrusted
 * source text: the view escapes and isolates each one.
 */
export function articleDetails(article: Article): ArticleDetail[] {
  const { meta } = article;
  const details: ArticleDetail[] = [];
  for (const [label, value] of [['Outlet', meta.outlet], ['Author', meta.author], ['Date', meta.date], ['URL', meta.url]] as const) {
    if (value) details.push({ label, value });
  }
  if (meta.language) details.push({ label: 'Language', value: languageLabel(meta.language, meta.languageSource) });
  const fileName = fileNameOf(article.sourceUri);
  details.push({ label: 'Passages', value: `${article.passages.length} · ${fileName}` });
  return details;
}

/** `Russian (declared)`, `Arabic (detected)`; a code the platform cannot name is shown as it is. */
export function languageLabel(language: string, source: 'declared' | 'detected' | undefined): string {
  const name = languageName(language);
  return source ? `${name} (${source})` : name;
}

function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
