import type { Logger, Passage } from '../model';
import { alignQuote } from './alignQuote';
import { foldText, foldTextOnly, originalSpan } from './foldedText';
import { quoteTokens, type QuoteToken } from './quoteTokens';
import type { SliceClock, SlicedWork } from '../scheduling/timeSlice';

/** What a quotation check found. */
export interface QuoteCheck {
  /** `verbatim`: the source has these words (ignoring case, accents, white space, quote-mark style and invisible characters: see `foldText`); `near`: a source has almost these words; `not-found`: no source does. */
  verdict: 'verbatim' | 'near' | 'not-found';
  passageId?: string;
  /** The source's exact words, as written in `Passage.text` (what a quick fix puts in the draft). */
  sourceText?: string;
  /** Offsets of `sourceText` in the passage text. */
  sourceStart?: number;
  sourceEnd?: number;
  /** 0-1: word-level similarity of the quote and `sourceText`; 1 for verbatim. For `not-found`, the best similarity seen. */
  similarity?: number;
}

/** Tuning for a quotation check. */
export interface CheckQuotationOptions {
  /**
   * Candidate passages for a quote, e.g. from the search index. When given, only these are
   * compared (the token index is not consulted).
   */
  prefilter?: (quote: string) => readonly Passage[];
  /** Lowest word-level similarity that counts as a near match (default 0.6). */
  minSimilarity?: number;
  /** How many best candidate passages are aligned word by word (default 12). */
  maxCandidates?: number;
  /** Told when a check failed (a bug: the check then answers `not-found` rather than throwing). */
  logger?: Logger;
}

const defaultMinSimilarity = 0.6;
const defaultMaxCandidates = 12;
/** Words in more passages than this are too common to pick candidates by (they still count in the alignment). */
const maxPostingsPerWord = 5000;
const maxQuoteTokens = 400;
const maxPassageLength = 20_000;

const edgePunctuation = /[\s"'.,;:!?\-()[\]]/;

/**
 * `text` without white space and punctuation at either end. A loop, not a `replace` with
 * `[...]+$`: that expression tries every run of commas inside a quote to its end, quadratic in
 * the run (a quote of 3,000 commas took 50 ms).
 */
function trimEdgePunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && edgePunctuation.test(text[start])) start++;
  while (end > start && edgePunctuation.test(text[end - 1])) end--;
  return text.slice(start, end);
}

/** The quote folded and trimmed of edge punctuation and ellipses ("...the words," -> "the words"); split at inner ellipses. */
function quoteSegments(quote: string): string[] {
  const folded = foldText(quote).text;
  return folded
    .split('...')
    .map(trimEdgePunctuation)
    .filter((segment) => segment.length > 0);
}

/**
 * A word index over passages for checking many quotations fast: a 5,000-line draft against
 * 100,000 passages touches, per quote, only the postings of its rarer words and aligns only
 * the best few candidates.
 *
 * Cost: building is linear in the corpus text (one fold and tokenisation per passage; memory
 * one posting per distinct word per passage). A check costs the postings of the quote's words
 * (each capped at 5,000), then for each of at most `maxCandidates` passages a fold (linear) and
 * a word alignment (quote words x passage words).
 */
export class QuotationIndex {
  private readonly passages: readonly Passage[];
  private readonly postings = new Map<string, number[]>();

  constructor(passages: readonly Passage[], options: { deferIndexing?: boolean } = {}) {
    this.passages = passages;
    if (!options.deferIndexing) for (let index = 0; index < passages.length; index++) this.indexPassage(index);
  }

  /**
   * The same index as the constructor builds, as sliced work: it yields whenever `clock` is due,
   * so a worker or a host can build it between other work (see `runCooperatively`).
   */
  static *buildInSlices(passages: readonly Passage[], clock: SliceClock): SlicedWork<QuotationIndex> {
    const built = new QuotationIndex(passages, { deferIndexing: true });
    for (let index = 0; index < passages.length; index++) {
      if (clock.due()) yield;
      built.indexPassage(index);
    }
    return built;
  }

  private indexPassage(index: number): void {
    const seen = new Set<string>();
    for (const token of quoteTokens(foldTextOnly(passageText(this.passages[index])))) {
      if (seen.has(token.word)) continue;
      seen.add(token.word);
      const list = this.postings.get(token.word);
      if (!list) this.postings.set(token.word, [index]);
      else if (list.length <= maxPostingsPerWord) list.push(index);
    }
  }

  /** Checks one quotation against the indexed passages. Never throws. */
  check(quote: string, options: CheckQuotationOptions = {}): QuoteCheck {
    try {
      return this.checkUnguarded(typeof quote === 'string' ? quote : '', options);
    } catch (error) {
      options.logger?.error(`A quotation could not be checked: ${error instanceof Error ? error.message : String(error)}`);
      return { verdict: 'not-found' };
    }
  }

  private candidates(words: readonly QuoteToken[], limit: number): Passage[] {
    const scores = new Map<number, number>();
    const distinct = [...new Set(words.map((token) => token.word))];
    const usable = distinct.filter((word) => (this.postings.get(word)?.length ?? 0) <= maxPostingsPerWord);
    for (const word of usable.length > 0 ? usable : distinct) {
      const list = this.postings.get(word);
      if (!list) continue;
      const weight = Math.log(1 + this.passages.length / list.length);
      for (const index of list) scores.set(index, (scores.get(index) ?? 0) + weight);
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([index]) => this.passages[index]);
  }

  private checkUnguarded(quote: string, options: CheckQuotationOptions): QuoteCheck {
    const segments = quoteSegments(quote);
    if (segments.length === 0) return { verdict: 'not-found' };
    const whole = segments.join(' ');
    const words = quoteTokens(whole, maxQuoteTokens);
    if (words.length === 0) return { verdict: 'not-found' };
    const limit = options.maxCandidates ?? defaultMaxCandidates;
    const candidates = options.prefilter ? options.prefilter(quote).slice(0, Math.max(limit, 50)) : this.candidates(words, limit);
    let best: QuoteCheck | undefined;
    let bestSimilarity = 0;
    for (const passage of candidates) {
      const text = passageText(passage);
      const folded = foldText(text);
      const verbatim = findSegmentsInOrder(folded.text, segments);
      if (verbatim) {
        const span = originalSpan(folded, verbatim.start, verbatim.end);
        return { verdict: 'verbatim', passageId: passage.id, sourceText: text.slice(span.start, span.end), sourceStart: span.start, sourceEnd: span.end, similarity: 1 };
      }
      const passageWords = quoteTokens(folded.text);
      const alignment = alignQuote(words, passageWords);
      if (!alignment || alignment.similarity <= bestSimilarity) continue;
      bestSimilarity = alignment.similarity;
      const span = originalSpan(folded, passageWords[alignment.firstToken].start, passageWords[alignment.lastToken].end);
      best = { verdict: 'near', passageId: passage.id, sourceText: text.slice(span.start, span.end), sourceStart: span.start, sourceEnd: span.end, similarity: alignment.similarity };
    }
    if (best && bestSimilarity >= (options.minSimilarity ?? defaultMinSimilarity)) return best;
    return bestSimilarity > 0 ? { verdict: 'not-found', similarity: bestSimilarity } : { verdict: 'not-found' };
  }
}

function passageText(passage: Passage): string {
  const text = typeof passage.text === 'string' ? passage.text : '';
  return text.length > maxPassageLength ? text.slice(0, maxPassageLength) : text;
}

/** Each segment found in `text` after the previous one ("the start ... the end" quoted with an ellipsis); the span from the first to the last. */
function findSegmentsInOrder(text: string, segments: readonly string[]): { start: number; end: number } | undefined {
  let from = 0;
  let start = -1;
  let end = -1;
  for (const segment of segments) {
    const at = text.indexOf(segment, from);
    if (at < 0) return undefined;
    if (start < 0) start = at;
    end = at + segment.length;
    from = end;
  }
  return { start, end };
}

/**
 * Checks a quotation against passages: `verbatim` when a passage has the same words (ignoring
 * case, accents, white space, quote-mark and dash style, invisible characters and look-alike
 * letters (the one rule of `wordText`), and edge punctuation; an ellipsis in the quote
 * may skip words), `near` when a passage has almost the same words (word-level alignment,
 * similarity at least 0.6) with the source's exact words for a quick fix, else `not-found`.
 * Give a `QuotationIndex` to check many quotes against the same passages; given an array, it
 * builds one (linear in the passages' text).
 */
export function checkQuotation(quote: string, passages: readonly Passage[] | QuotationIndex, options: CheckQuotationOptions = {}): QuoteCheck {
  const index = passages instanceof QuotationIndex ? passages : new QuotationIndex(Array.isArray(passages) ? passages : []);
  return index.check(quote, options);
}
