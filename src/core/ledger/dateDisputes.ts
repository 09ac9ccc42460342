/**
 * Why a dated claim is disputed: sources that give different dates for the same event (the
 * ledger has already decided that they speak of the same event, on the same measure) are
 * listed date by date, the draft's first: "different dates for the same event: 6 December 2021
 * (the draft, AP) · December 7, 2021 (TASS)".
 */
import * as l10n from '@vscode/l10n';
import type { Figure } from '../figures/figure';
import { valuesAgree } from './figureMeasure';

/** A source's date for the event, and the source's name. */
export interface DatedSource {
  figure: Figure;
  source: string;
}

/** The parts of a date a source gives, as a key: two sources with one key give the same date. */
function dateKey(figure: Figure): string {
  const date = figure.date ?? {};
  return `${date.year ?? '?'}-${date.month ?? '?'}-${date.day ?? '?'}`;
}

/**
 * The note for a date claim some source disputes, or undefined when the claim has no date or
 * no source gives another date. `agreeing` are the sources that state the draft's date,
 * `disputing` those that give another one for the same event.
 */
export function explainDateDispute(claimDate: Figure, agreeing: readonly DatedSource[], disputing: readonly DatedSource[]): string | undefined {
  if (claimDate.kind !== 'date') return undefined;
  const others = disputing.filter((entry) => entry.figure.kind === 'date' && valuesAgree(claimDate, entry.figure) !== 'agree');
  if (others.length === 0) return undefined;
  const draftSources = [...new Set(agreeing.filter((entry) => valuesAgree(claimDate, entry.figure) === 'agree').map((entry) => entry.source))];
  const statements = [`${claimDate.span.text} (${[l10n.t('the draft'), ...draftSources].join(', ')})`];
  const byDate = new Map<string, { text: string; sources: string[] }>();
  for (const entry of others) {
    const key = dateKey(entry.figure);
    const known = byDate.get(key);
    if (!known) byDate.set(key, { text: entry.figure.span.text, sources: [entry.source] });
    else if (!known.sources.includes(entry.source)) known.sources.push(entry.source);
  }
  for (const { text, sources } of byDate.values()) statements.push(`${text} (${sources.join(', ')})`);
  return l10n.t('different dates for the same event: {0}', statements.join(' · '));
}
