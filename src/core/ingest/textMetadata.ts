import { isCalendarDate } from './manifest';
import type { ArticleMetadata } from '../model';

const monthNumbers: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const monthPattern = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const weekdayPrefix = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\\s+)?';
const timeSuffix = '(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:\\(?[A-Z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?\\)?)?)?';

const monthDayYear = new RegExp(`^${weekdayPrefix}${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${timeSuffix}$`, 'i');
const dayMonthYear = new RegExp(`^${weekdayPrefix}(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthPattern},?\\s+(\\d{4})${timeSuffix}$`, 'i');
const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a date as articles print it ("December 06, 2021, 00:06 IST", "6 December 2021",
 * "2021-12-06T10:00:00Z") into `YYYY-MM-DD`, using the calendar date as printed (no
 * time-zone arithmetic). Anything else, including a date with no year, is undefined.
 */
export function parsePrintedDate(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 80) {
    return undefined;
  }
  let year: number;
  let month: number;
  let day: number;
  let match: RegExpExecArray | null;
  if ((match = isoDate.exec(trimmed))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = monthDayYear.exec(trimmed))) {
    [year, month, day] = [Number(match[3]), monthNumbers[match[1].toLowerCase()], Number(match[2])];
  } else if ((match = dayMonthYear.exec(trimmed))) {
    [year, month, day] = [Number(match[3]), monthNumbers[match[2].toLowerCase()], Number(match[1])];
  } else {
    return undefined;
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** Longer lines are never a publication stamp (the date itself is at most 80 characters). */
const maxDateStampChars = 120;

/** Which stamp a "published / updated" line gives. */
export type DateStampKind = 'published' | 'updated';

/**
 * Reads a line that is only a publication stamp: "first published:December 05, 2021, 14:54 IST",
 * "Last Updated: December 06, 2021, 00:06 IST", "Published on 6 December 2021".
 */
export function parseDateStampLine(line: string): { kind: DateStampKind; date: string } | undefined {
  // A stamp is short; the expression's runs of white space are cubic on a long one that fails (an HTML line "Published" + 10,000 spaces + a line break took minutes).
  const trimmed = line.trim();
  if (trimmed.length > maxDateStampChars) {
    return undefined;
  }
  const match = /^(first published|published|posted|last updated|last modified|updated|modified)(?:\s+on)?\s*:?\s*(.+)$/i.exec(trimmed);
  if (!match) {
    return undefined;
  }
  const date = parsePrintedDate(match[2]);
  if (!date) {
    return undefined;
  }
  return { kind: /updated|modified/i.test(match[1]) ? 'updated' : 'published', date };
}

/** A byline's name and whether it names a person (author) or an organisation (outlet). */
export interface Byline {
  name: string;
  kind: 'author' | 'outlet';
}

const organisationWord = /(?:press|news|agency|agencies|media|times|post|wire|network|radio|tv|daily|journal|herald|tribune|gazette|bureau|desk|staff|reuters|service|online|magazine|channel)$/i;
const notANameWord = /^(?:the|a|an|this|that|then|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|next|last|early|late|far|all|way|contrast|comparison|default|design|chance|law|far|some|many|most)$/i;

/**
 * Reads a byline: "By: Maha Siddiqui", "Text by: RFI Follow", "by YCPress". The name must look
 * like one (one to five capitalised words, no sentence punctuation), so a sentence that starts
 * "By Monday, ..." is not a byline. Acronyms and names ending in Press, News, Agency... are outlets.
 */
export function parseBylineLine(line: string): Byline | undefined {
  if (line.length > 100) {
    return undefined;
  }
  const match = /^\s*(?:(?:text|words|story|report(?:ing)?|written|photos?)\s+)?by\s*:?\s+(.+?)\s*$/i.exec(line);
  if (!match) {
    return undefined;
  }
  const name = match[1].replace(/\s+(?:follow|\|.*|[-–—]\s*.*)$/i, '').replace(/[,;]$/, '').trim();
  const words = name.split(/\s+/);
  if (words.length === 0 || words.length > 5 || name.length > 60) {
    return undefined;
  }
  const nameLike = words.every((word) => /^(?:\p{Lu}[\p{L}'’.-]*|(?:al|el|de|da|du|van|von|bin|ibn|la|le)-\p{Lu}[\p{L}'’.-]*|and|&|de|da|del|van|von|bin|al|el|la|le)$/u.test(word));
  if (!nameLike || words.some((word) => notANameWord.test(word)) || /[.!?]$/.test(name.replace(/\b\p{Lu}\.$/u, ''))) {
    return undefined;
  }
  const organisation = (words.length === 1 && /^[\p{Lu}\d&]{2,8}$/u.test(name)) || organisationWord.test(words[words.length - 1]);
  return { name, kind: organisation ? 'outlet' : 'author' };
}

const newsAgencies = /^(?:Associated Press|AP|Reuters|AFP|Agence France-Presse|PTI|Press Trust of India|ANI|IANS|UNI|Xinhua|TASS|Interfax|RIA Novosti|Sputnik|dpa|Kyodo|Kyodo News|Yonhap|EFE|ANSA|Bloomberg|Bernama|Anadolu|Anadolu Agency|CNA|Jiji Press)$/i;

/**
 * Reads an agency dateline at the start of a paragraph: "New Delhi (Associated Press)-Indian ...",
 * "MOSCOW (Reuters) — ...". Returns the agency when the parenthesis names a news agency.
 */
export function parseAgencyDateline(paragraph: string): string | undefined {
  const match = /^\s*[\p{Lu}][\p{L}.' -]{1,40}?,?\s*\(([^()]{2,40})\)\s*[-–—:]/u.exec(paragraph.trimStart().slice(0, 120));
  if (!match) {
    return undefined;
  }
  const agency = match[1].trim();
  return newsAgencies.test(agency) ? agency : undefined;
}

const metadataFields = new Set<string>(['title', 'outlet', 'author', 'date', 'url', 'language']);

/**
 * Sets one metadata field from a declared value (front matter, a .jsonl field): dates must parse
 * to a calendar date and URLs must be http(s); anything else is left unset rather than guessed.
 */
export function setMetadataField(metadata: Partial<ArticleMetadata>, field: keyof ArticleMetadata, text: string): void {
  if (!metadataFields.has(field)) {
    return;
  }
  if (field === 'date') {
    const date = parsePrintedDate(text);
    if (date) metadata.date = date;
  } else if (field === 'url') {
    if (/^https?:\/\/\S+$/i.test(text)) metadata.url = text;
  } else if (field !== 'languageSource') {
    metadata[field] = text;
  }
}
