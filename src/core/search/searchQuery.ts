/**
 * The search box syntax (for the README):
 *
 * | you type                     | finds                                                                |
 * |------------------------------|----------------------------------------------------------------------|
 * | `surface-to-air missile`     | passages with any of the words, best first; all words close together rank highest |
 * | `"Far East"`                 | only passages containing exactly these words in this order           |
 * | `Afganistan`                 | words of five letters or more also match one typo away (Afghanistan) |
 * | `S400`, `S 400`, `s-400`     | the code S-400 however it is written                                 |
 * | `人権`, `เสรีภาพ`             | Chinese, Japanese, Thai ... cut into words (see `searchTokens.ts`)   |
 * | `outlet:rfi`                 | only articles from that outlet (case and accents ignored)            |
 * | `outlet:"Associated Press"`  | quotes for an outlet name with spaces                                |
 * | `topic:S-400`                | only passages mentioning that topic (or one of its aliases)          |
 * | `lang:ru`, `lang:russian`    | only articles in that language (declared or detected)                |
 *
 * Filters combine with words: `outlet:rfi Sputnik`. Anything else, including
 * `(a+)+$` or a lone `[`, is plain text: nothing in a query is a regular
 * expression, and parsing never throws. A query counts its first 64 words
 * (`MAX_QUERY_WORDS`, words and phrase words together); the rest are ignored.
 */
export interface ParsedSearchQuery {
  /** Free words, as typed (normalised later by the index). */
  terms: string[];
  /** Quoted phrases, as typed, without the quotes. */
  phrases: string[];
  /** The value of `outlet:`, when given. */
  outlet?: string;
  /** The value of `topic:`, when given; the caller turns it into a passage filter. */
  topic?: string;
  /** The value of `lang:` (or `language:`), as typed: a language tag (`ru`, `pt-BR`) or an English language name. */
  language?: string;
  /** True when the query ends inside a free word (not after a space, a phrase or a filter): that word may be unfinished. */
  endsInWord?: boolean;
}

const FILTER_KEYS = ['outlet', 'topic', 'language', 'lang'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The field of the parsed query each filter key fills. */
const FILTER_FIELDS: Record<FilterKey, 'outlet' | 'topic' | 'language'> = { outlet: 'outlet', topic: 'topic', language: 'language', lang: 'language' };

const QUOTES = new Set(['"', '\u201c', '\u201d']);
const MAX_QUERY_LENGTH = 1000;

/**
 * The most words a query counts: free words and the words of its phrases, each distinct word
 * once. Pasting a paragraph into the search box then still searches for it, and the index's
 * per-passage count of matched words (one byte each) can never overflow.
 */
export const MAX_QUERY_WORDS = 64;

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u00a0';
}

/** Reads a value that is either quoted (to the closing quote or the end) or runs to the next space. */
function readValue(query: string, start: number): { value: string; next: number } {
  if (QUOTES.has(query[start])) {
    let end = start + 1;
    while (end < query.length && !QUOTES.has(query[end])) {
      end++;
    }
    return { value: query.slice(start + 1, end), next: end + 1 };
  }
  let end = start;
  while (end < query.length && !isSpace(query[end])) {
    end++;
  }
  return { value: query.slice(start, end), next: end };
}

function filterKeyAt(query: string, start: number): FilterKey | undefined {
  for (const key of FILTER_KEYS) {
    if (query.length > start + key.length + 1 && query.slice(start, start + key.length + 1).toLowerCase() === `${key}:`) {
      return key;
    }
  }
  return undefined;
}

/** Splits a search box query into words, quoted phrases and `outlet:` / `topic:` / `lang:` filters. */
export function parseSearchQuery(query: string): ParsedSearchQuery {
  const text = query.length > MAX_QUERY_LENGTH ? query.slice(0, MAX_QUERY_LENGTH) : query;
  const parsed: ParsedSearchQuery = { terms: [], phrases: [] };
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (isSpace(char)) {
      index++;
      continue;
    }
    if (QUOTES.has(char)) {
      const { value, next } = readValue(text, index);
      if (value.trim()) {
        parsed.phrases.push(value.trim());
      }
      index = next;
      continue;
    }
    const key = index === 0 || isSpace(text[index - 1]) ? filterKeyAt(text, index) : undefined;
    if (key) {
      const { value, next } = readValue(text, index + key.length + 1);
      if (value.trim()) {
        parsed[FILTER_FIELDS[key]] = value.trim();
      }
      index = next;
      continue;
    }
    let end = index;
    while (end < text.length && !isSpace(text[end]) && !QUOTES.has(text[end])) {
      end++;
    }
    if (parsed.terms.length < MAX_QUERY_WORDS) parsed.terms.push(text.slice(index, end));
    index = end;
    if (end === text.length) {
      parsed.endsInWord = true;
    }
  }
  return parsed;
}
