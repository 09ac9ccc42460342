import * as l10n from '@vscode/l10n';
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
  for (const [label, value] of [[l10n.t('Outlet'), meta.outlet], [l10n.t('Author'), meta.author], [l10n.t('Date'), meta.date], [l10n.t('URL'), meta.url]] as const) {
    if (value) details.push({ label, value });
  }
  if (meta.language) details.push({ label: l10n.t('Language'), value: languageLabel(meta.language, meta.languageSource) });
  const fileName = fileNameOf(article.sourceUri);
  details.push({ label: l10n.t('Passages'), value: `${article.passages.length} · ${fileName}` });
  return details;
}

/** `Russian (declared)`, `Arabic (detected)`; a code the platform cannot name is shown as it is. */
export function languageLabel(language: string, source: 'declared' | 'detected' | undefined): string {
  const name = languageName(language);
  if (source === 'declared') return l10n.t('{0} (declared)', name);
  if (source === 'detected') return l10n.t('{0} (detected)', name);
  return name;
}

function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
