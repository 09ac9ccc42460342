/**
 * One word (or merged code) of a text, folded for comparison, with where it sits in the
 * original text. Topic look-ups compare sequences of these, so a term and every spelling
 * variant of it fold to the same sequence of `norm`s.
 */
export interface NormalToken {
  /** Folded form: lower case, no accents, no possessive, codes without separators (`s400`, `2+2`, `us`). */
  norm: string;
  /** `norm` with a simple English plural removed, when the source word was a lower-case common word. */
  singular: string;
  /** UTF-16 offsets of the token in the original text. */
  start: number;
  end: number;
  /** The original starts with an upper-case letter. */
  capitalised: boolean;
  /** The original has no upper-case letter at all. */
  lowercase: boolean;
  /** Letters and digits together (`S-400`, `COP26`, `G20`, `2+2`). */
  isCode: boolean;
  /** The text between the previous token and this one (`-`, ` `, `, `...); empty for the first token. */
  gapBefore: string;
}

const WORD_PIECE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const HYPHENS = /^[-‐‑–]$/;
const LETTERS_ONLY = /^\p{L}+$/u;
const DIGITS_ONLY = /^\d+$/;
const CODE_NUMBER_PART = /^\d+[a-z]{0,3}$/i;
const MONTHS_AND_DAYS = new Set([
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);
/** Short capitalised words that are sentence words, never the letters of a code ("In 2019", "On 6"). */
const NOT_CODE_LETTERS = new Set([
  'a', 'i', 'in', 'on', 'at', 'by', 'as', 'of', 'to', 'or', 'if', 'is', 'it', 'no', 'so', 'up', 'we', 'an', 'and', 'the',
  'for', 'from', 'since', 'until', 'after', 'with', 'about', 'some', 'over', 'under', 'than', 'its', 'his', 'her',
  'our', 'all', 'each', 'only', 'about', 'page', 'top', 'nearly', 'year', 'years', 'aged', 'age', 'step', 'day',
  'days', 'phase', 'room', 'vol', 'no', 'nos', 'fig', 'ch', 'p', 'pp',
]);
/** Words ending in "s" that are not plurals, so "news" does not fold to "new". */
const NOT_PLURAL = new Set([
  'news', 'series', 'species', 'physics', 'economics', 'politics', 'means', 'chaos', 'this', 'was', 'has', 'his',
  'its', 'bus', 'gas', 'lens', 'yes', 'thus', 'always', 'perhaps', 'whereas', 'across', 'less', 'unless', 'towards',
  'afterwards', 'besides', 'sometimes', 'nevertheless', 'mathematics', 'logistics', 'statistics', 'athletics',
  'headquarters', 'crossroads', 'alias', 'atlas', 'canvas', 'bias', 'basis', 'crisis', 'analysis', 'thesis',
  'status', 'campus', 'virus', 'census', 'consensus', 'corpus', 'bonus', 'focus', 'plus', 'minus', 'arms',
  'overseas', 'diabetes', 'measles', 'rabies', 'gross', 'sanctions',
]);

/** Folds one word: accents, case, curly apostrophes, possessive `'s`. */
function foldWord(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ]s$/u, '')
    .replace(/['’ʼ]/gu, '');
}

/** A simple English singular for a lower-case common word; names, codes and acronyms are never passed here. */
export function singularOf(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || NOT_PLURAL.has(word) || /[0-9]/.test(word)) {
    return word;
  }
  if (/(?:ss|us|is|ous)$/.test(word)) {
    return word;
  }
  if (word.endsWith('ies') && word.length > 4) {
    return word.slice(0, -3) + 'y';
  }
  if (/(?:ches|shes|xes|sses|zzes)$/.test(word)) {
    return word.slice(0, -2);
  }
  return word.slice(0, -1);
}

interface Piece {
  raw: string;
  start: number;
  end: number;
  gapBefore: string;
}

function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD_PIECE)) {
    const start = match.index ?? 0;
    pieces.push({ raw: match[0], start, end: start + match[0].length, gapBefore: text.slice(previousEnd, start) });
    previousEnd = start + match[0].length;
  }
  if (pieces.length > 0) {
    pieces[0].gapBefore = '';
  }
  return pieces;
}

function makeToken(piece: Piece, norm: string, isCode: boolean, start = piece.start, end = piece.end, raw = piece.raw): NormalToken {
  const lowercase = raw === raw.toLowerCase();
  return {
    norm,
    singular: lowercase && !isCode && LETTERS_ONLY.test(norm) ? singularOf(norm) : isCode ? norm.replace(/(\d)s$/, '$1') : norm,
    start,
    end,
    capitalised: /^\p{Lu}/u.test(raw),
    lowercase,
    isCode,
    gapBefore: piece.gapBefore,
  };
}

/**
 * Splits text into folded tokens. Separators inside codes disappear (`S-400`, `S 400`,
 * `S400` -> `s400`; `AK-203` -> `ak203`; `U.S.` -> `us`; `2 plus 2` -> `2+2`), hyphens
 * between words become word breaks (`Indo-Pacific` = `Indo Pacific`), and each token keeps
 * its exact UTF-16 range in the input.
 */
export function normaliseTokens(text: string): NormalToken[] {
  const pieces = piecesOf(text);
  const tokens: NormalToken[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i];
    const next = pieces[i + 1];
    const afterNext = pieces[i + 2];
    const folded = foldWord(piece.raw);
    if (DIGITS_ONLY.test(piece.raw) && next && afterNext && /^\s+$/.test(next.gapBefore) && foldWord(next.raw) === 'plus'
      && /^\s+$/.test(afterNext.gapBefore) && DIGITS_ONLY.test(afterNext.raw)) {
      const raw = text.slice(piece.start, afterNext.end);
      tokens.push(makeToken(piece, `${piece.raw}+${afterNext.raw}`, true, piece.start, afterNext.end, raw));
      i += 3;
      continue;
    }
    if (next && DIGITS_ONLY.test(piece.raw) && /^\s*\+\s*$/.test(next.gapBefore) && DIGITS_ONLY.test(next.raw)) {
      tokens.push(makeToken(piece, `${piece.raw}+${next.raw}`, true, piece.start, next.end, text.slice(piece.start, next.end)));
      i += 2;
      continue;
    }
    if (next && isCodeLetters(piece.raw, folded) && CODE_NUMBER_PART.test(next.raw)
      && (HYPHENS.test(next.gapBefore) || (next.gapBefore === ' ' && /^\p{Lu}/u.test(piece.raw)))) {
      tokens.push(makeToken(piece, folded + foldWord(next.raw), true, piece.start, next.end, text.slice(piece.start, next.end)));
      i += 2;
      continue;
    }
    if (/^\p{L}$/u.test(piece.raw) && next && next.gapBefore === '.' && /^\p{L}$/u.test(next.raw)) {
      let j = i + 1;
      let norm = folded;
      while (pieces[j] && pieces[j].gapBefore === '.' && /^\p{L}$/u.test(pieces[j].raw)) {
        norm += foldWord(pieces[j].raw);
        j++;
      }
      let end = pieces[j - 1].end;
      if (text[end] === '.') {
        end++;
      }
      tokens.push(makeToken(piece, norm, false, piece.start, end, text.slice(piece.start, end)));
      i = j;
      continue;
    }
    const isCode = /\p{L}/u.test(folded) && /\d/.test(folded);
    tokens.push(makeToken(piece, folded, isCode));
    i++;
  }
  return tokens;
}

function isCodeLetters(raw: string, folded: string): boolean {
  return LETTERS_ONLY.test(raw) && raw.length <= 5 && !NOT_CODE_LETTERS.has(folded) && !MONTHS_AND_DAYS.has(folded);
}

/** The key of a token sequence: the last token in its singular form, so "missile systems" = "missile system". */
export function keyOfTokens(tokens: readonly NormalToken[], from = 0, to = tokens.length): string {
  let key = '';
  for (let i = from; i < to; i++) {
    if (i > from) {
      key += ' ';
    }
    key += i === to - 1 ? tokens[i].singular : tokens[i].norm;
  }
  return key;
}

/**
 * The comparison form of a term: `S-400`, `S400` and `S 400` give `s400`; `Putin’s` gives
 * `putin`; `Zürich` gives `zurich`; `2 plus 2` gives `2+2`; `missile systems` gives
 * `missile system`; a leading "the" is dropped. Two spellings of one term normalise equal.
 */
export function normaliseTerm(text: string): string {
  const tokens = normaliseTokens(text);
  const from = tokens.length > 1 && tokens[0].norm === 'the' ? 1 : 0;
  return keyOfTokens(tokens, from);
}
