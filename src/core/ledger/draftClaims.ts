/**
 * The claims of a draft: each sentence that states a figure, a date, a quotation, an
 * attribution ("X said", "according to Y") or something about a topic the sources know.
 * Headings, block quotes (quotes inserted with their citation) and code are not claims.
 */
import { extractFigures } from '../figures/extractFigures';
import type { Figure } from '../figures/figure';
import { splitSentences } from '../figures/sentences';
import { tokenise } from '../figures/tokenise';
import type { Passage } from '../model';
import { findQuotations } from '../quotes/findQuotations';
import { foldWord } from '../text/wordText';
import { hasAttribution } from './attribution';

/** Why a sentence is a claim. */
export type ClaimReason = 'figure' | 'date' | 'quotation' | 'attribution' | 'topic';

/** A claim of the draft; offsets are into the draft text. */
export interface DraftClaim {
  start: number;
  end: number;
  text: string;
  reasons: ClaimReason[];
  /** Figures stated in the sentence (offsets into the sentence's paragraph; see `paragraphStart`). */
  figures: Figure[];
  /** Quotations in the sentence, as the writer wrote them (without the marks). */
  quotations: string[];
  /** Known topic names the sentence mentions. */
  topics: string[];
}

/** Finds known topic names in text, whole words, case and accents ignored. */
export class TermMatcher {
  private readonly byFirstWord = new Map<string, Array<{ words: string[]; name: string }>>();

  constructor(terms: Iterable<{ name: string; spellings: readonly string[] }>) {
    for (const term of terms) {
      for (const spelling of [term.name, ...term.spellings]) {
        const words = wordsOf(spelling);
        if (words.length === 0 || (words.length === 1 && words[0].length < 3)) continue;
        const list = this.byFirstWord.get(words[0]) ?? [];
        list.push({ words, name: term.name });
        this.byFirstWord.set(words[0], list);
      }
    }
  }

  /** The names of the terms `text` mentions. */
  namesIn(text: string): string[] {
    const words = wordsOf(text);
    const names = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      for (const candidate of this.byFirstWord.get(words[i]) ?? []) {
        if (candidate.words.every((word, k) => words[i + k] === word)) names.add(candidate.name);
      }
    }
    return [...names];
  }
}

function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => foldWord(word).toLowerCase());
}

/** Only this many characters of a draft are read. */
export const maxDraftChars = 1_000_000;

/** The paragraphs of a draft that hold prose, with their offsets: headings, block quotes, list markers' code and fenced code left out. */
export function proseParagraphs(text: string): Array<{ start: number; text: string }> {
  const paragraphs: Array<{ start: number; text: string }> = [];
  let inFence = false;
  let current: { start: number; end: number } | undefined;
  let offset = 0;
  const close = () => {
    if (current) paragraphs.push({ start: current.start, text: text.slice(current.start, current.end) });
    current = undefined;
  };
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (/^(?:```|~~~)/.test(trimmed)) {
      inFence = !inFence;
      close();
      continue;
    }
    if (inFence || trimmed === '' || /^(?:#{1,6}\s|>|\[\^[^\]]*\]:|---$|\*\*\*$)/.test(trimmed)) {
      close();
      continue;
    }
    if (current) current.end = lineStart + line.length;
    else current = { start: lineStart, end: lineStart + line.length };
  }
  close();
  return paragraphs;
}

/** The claims of a draft, in order. */
export function findDraftClaims(draft: string, topics?: TermMatcher): DraftClaim[] {
  const text = typeof draft === 'string' ? draft.slice(0, maxDraftChars) : '';
  const claims: DraftClaim[] = [];
  for (const paragraph of proseParagraphs(text)) {
    for (const claim of paragraphClaims(paragraph.text, topics)) claims.push(shiftClaim(claim, paragraph.start));
  }
  return claims;
}

/** A claim moved by `offset` characters (a paragraph's claims placed in the draft). */
export function shiftClaim(claim: DraftClaim, offset: number): DraftClaim {
  return offset === 0 ? claim : { ...claim, start: claim.start + offset, end: claim.end + offset };
}

/** The claims of one prose paragraph, offsets into the paragraph: the same for the same paragraph text, so a caller may keep them by text. */
export function paragraphClaims(paragraphText: string, topics?: TermMatcher): DraftClaim[] {
  const claims: DraftClaim[] = [];
  const passage: Passage = { id: 'draft', articleId: 'draft', ordinal: 0, text: paragraphText, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } };
  const figures = extractFigures(passage);
  const quotations = findQuotations(paragraphText);
  const tokens = tokenise(paragraphText);
  for (const sentence of splitSentences(tokens)) {
    const sentenceText = paragraphText.slice(sentence.start, sentence.end);
    const inside = (start: number, end: number) => start >= sentence.start && end <= sentence.end + 1;
    const own = figures.filter((figure) => !figure.isAnchorOnly && inside(figure.span.start, figure.span.end));
    const quotes = quotations.filter((quote) => quote.start < sentence.end && quote.end > sentence.start).map((quote) => quote.text);
    const names = topics ? topics.namesIn(sentenceText) : [];
    const reasons: ClaimReason[] = [];
    if (own.some((figure) => figure.kind !== 'date')) reasons.push('figure');
    if (own.some((figure) => figure.kind === 'date')) reasons.push('date');
    if (quotes.length > 0) reasons.push('quotation');
    if (hasAttribution(sentenceText)) reasons.push('attribution');
    if (names.length > 0) reasons.push('topic');
    if (reasons.length === 0) continue;
    claims.push({
      start: sentence.start,
      end: sentence.end,
      text: sentenceText.replace(/\s+/g, ' '),
      reasons,
      figures: own,
      quotations: quotes,
      topics: names,
    });
  }
  return claims;
}
