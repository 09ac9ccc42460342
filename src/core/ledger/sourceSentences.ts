/**
 * Every sentence of the sources with the concepts it speaks of, its figures and whom it cites,
 * and an inverted index from concept to sentence: the ledger's way from a claim to the few
 * sentences that could decide it.
 */
import type { Figure } from '../figures/figure';
import { conceptOf } from '../figures/keywords';
import { splitSentences } from '../figures/sentences';
import { tokenise, type Token } from '../figures/tokenise';
import { numberWords } from '../figures/figureVocabulary';
import type { Article } from '../model';
import { findCitation } from './attribution';
import { measureOf, type FigureMeasure } from './figureMeasure';

/** One sentence of a source passage. */
export interface SourceSentence {
  passageId: string;
  articleId: string;
  /** Offsets into the passage text. */
  start: number;
  end: number;
  concepts: string[];
  /** The numbers the sentence states outside codes (`five`, `11`, `2019`), by value. */
  numbers: number[];
  figures: Array<{ figure: Figure; measure: FigureMeasure }>;
  citing?: string;
  /** Its place in `SourceSentences.sentences`. */
  ordinal: number;
}

/** The concept of the United States however written. */
const unitedStates = 'usa';
const maxPassageChars = 20_000;
/** A concept in more sentences than this tells little about which sentence decides a claim (its weight still counts in the claim's total). */
const maxPostings = 1500;

/**
 * The concepts of `tokens[first..last]`: content words folded (`weapons` -> `arms`, plural and
 * `-ed`/`-ing` endings off) and codes written any way (`S-400`, `S400`, `S 400` -> `code:s400`).
 */
export function conceptsOf(tokens: readonly Token[], first = 0, last = tokens.length - 1): string[] {
  return [...new Set(conceptTokens(tokens, first, last).map((entry) => entry.concept))];
}

/** One concept of a text and whether the writer capitalised it (a name, or a sentence's first word). */
interface ConceptToken {
  concept: string;
  capitalised: boolean;
  /** The first word of the span (a capital there says little). */
  opening: boolean;
}

function conceptTokens(tokens: readonly Token[], first: number, last: number): ConceptToken[] {
  const concepts: ConceptToken[] = [];
  let opening = true;
  for (let i = first; i <= last; i++) {
    const token = tokens[i];
    const capitalised = token.kind === 'word' && token.text.charAt(0) !== token.lower.charAt(0);
    const wasOpening = opening && token.kind === 'word';
    if (token.kind === 'word') opening = false;
    if (token.kind === 'word' && token.text.length <= 4 && /^[A-Z]+$/.test(token.text)) {
      let j = i + 1;
      if (tokens[j]?.kind === 'symbol' && tokens[j].text === '-' && !tokens[j].spaceBefore) j++;
      const number = tokens[j];
      if (number?.kind === 'number' && j <= last && /^[0-9]+$/.test(number.text)) {
        concepts.push({ concept: `code:${token.lower}${number.text}`, capitalised: true, opening: false });
        i = j;
        continue;
      }
    }
    // The United States written "US", "U.S." or "Washington" is one name; "United States" keeps its words too (figure contexts read them).
    if (token.kind === 'word' && (token.text === 'US' || (token.text === 'U' && tokens[i + 1]?.text === '.' && tokens[i + 2]?.text === 'S' && i + 2 <= last))) {
      concepts.push({ concept: unitedStates, capitalised: true, opening: wasOpening });
      if (token.text === 'U') i += 2;
      continue;
    }
    if (token.lower === 'united' && tokens[i + 1]?.lower === 'states' && i + 1 <= last) concepts.push({ concept: unitedStates, capitalised: true, opening: wasOpening });
    const concept = conceptOf(token);
    if (concept) concepts.push({ concept: stem(concept), capitalised, opening: wasOpening });
  }
  return concepts;
}


/**
 * The names a text states: capitalised words whose concept the sources never write in lower
 * case (`China`, `Japan`, `CAATSA`, not `Minister` or `Deliveries`), and codes (`S-400`). A
 * sentence that supports a claim must name them too: "Japan and Australia sold India S-400
 * systems" is not "India purchased the S400 from Russia".
 */
export function namesOf(tokens: readonly Token[], lowerCase: ReadonlySet<string>, first = 0, last = tokens.length - 1): string[] {
  const names = new Set<string>();
  for (const entry of conceptTokens(tokens, first, last)) {
    if (entry.concept === 'unit' || entry.concept === 'state') continue;
    if (entry.concept.startsWith('code:') || (entry.capitalised && !lowerCase.has(entry.concept))) names.add(entry.concept);
  }
  return [...names];
}

/** Words taking a side, for and against: a sentence against something does not support a claim that someone welcomed it. */
const favourable = new Set(['welcome', 'welcomed', 'support', 'supported', 'praise', 'praised', 'endorse', 'endorsed', 'approve', 'approved', 'embrace', 'embraced', 'back', 'backed', 'applaud', 'applauded']);
const unfavourable = new Set(['wary', 'reservation', 'suspicion', 'suspicious', 'skeptical', 'sceptical', 'oppose', 'opposed', 'criticise', 'criticize', 'criticised', 'criticized', 'concern', 'concerned', 'distrust', 'irritated', 'nervous', 'worry', 'worried', 'object', 'objected', 'dim', 'reservations', 'concerns', 'worries', 'objections']);

/** The side a text takes: 1 for, -1 against, 0 neither or both. */
export function stanceOf(text: string): number {
  let stance = 0;
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (favourable.has(word)) stance |= 1;
    if (unfavourable.has(word)) stance |= 2;
  }
  return stance === 1 ? 1 : stance === 2 ? -1 : 0;
}

/**
 * The numbers of `tokens[first..last]` by value, digits or words (`five`, `11`, `5.4`), leaving
 * out numbers inside codes (`S-400`, `AK-203`, `G20`, `2+2`, `Covid-19`).
 */
export function numbersOf(tokens: readonly Token[], first = 0, last = tokens.length - 1): number[] {
  const numbers = new Set<number>();
  for (let i = first; i <= last; i++) {
    const token = tokens[i];
    if (token.kind === 'word') {
      const value = numberWords.get(token.lower);
      if (value !== undefined && value < 100) numbers.add(value);
      continue;
    }
    if (token.kind !== 'number') continue;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    const glued = !token.spaceBefore && previous !== undefined && (previous.kind === 'word' || ['-', '+', '/'].includes(previous.text));
    const gluedAfter = next !== undefined && !next.spaceBefore && ['+', '/'].includes(next.text);
    if (glued || gluedAfter) continue;
    const value = Number(token.text.replace(/,/g, ''));
    if (Number.isFinite(value)) numbers.add(value);
  }
  return [...numbers];
}

/** Words a ledger treats as one: "worth" and "value" of a deal. */
const synonyms: ReadonlyMap<string, string> = new Map([
  ['worth', 'value'], ['deliveries', 'delivery'], ['delivered', 'delivery'], ['deliver', 'delivery'], ['maiden', 'first'], ['inked', 'signed'], ['sign', 'signed'],
  // A capital for its country, as news writes it.
  ['moscow', 'russia'], ['kremlin', 'russia'], ['delhi', 'india'], ['washington', unitedStates],
  ['indian', 'india'], ['russian', 'russia'], ['chinese', 'china'], ['japanese', 'japan'], ['australian', 'australia'], ['american', unitedStates],
  // Wariness in its usual words.
  ['suspicion', 'wary'], ['suspicious', 'wary'], ['reservation', 'wary'], ['skeptical', 'wary'], ['sceptical', 'wary'],
  ['grouping', 'group'], ['framework', 'group'],
  ['began', 'start'], ['begun', 'start'], ['begin', 'start'], ['started', 'start'], ['threaten', 'threat'], ['threatened', 'threat'],
  ['invited', 'invite'], ['invitation', 'invite'],
]);

/** A concept with `-ed`/`-ing`/`-ly` off and a few synonyms folded, so draft and source wordings meet. */
export function stem(concept: string): string {
  const synonym = synonyms.get(concept);
  if (synonym) return synonym;
  if (concept.length > 6 && concept.endsWith('ing')) return concept.slice(0, -3);
  if (concept.length > 5 && concept.endsWith('ed')) return concept.slice(0, -2);
  if (concept.length > 5 && concept.endsWith('ly')) return concept.slice(0, -2);
  return concept;
}

/** The sentences of a corpus, searchable by concept. */
export class SourceSentences {
  readonly sentences: SourceSentence[] = [];
  private readonly postings = new Map<string, number[]>();
  /** The same, for the sentences that state figures. */
  private readonly figurePostings = new Map<string, number[]>();
  private readonly keywordsOfFigure = new Map<Figure, Array<[string, number]>>();
  private readonly passageText = new Map<string, string>();
  private readonly passageArticle = new Map<string, string>();
  private readonly byFigure = new Map<Figure, SourceSentence>();
  /** Concepts the sources write in lower case somewhere (so not names). */
  readonly lowerCase = new Set<string>();
  /** Scratch space for `candidates`, one slot per sentence, left zeroed after each call. */
  private weights = new Float64Array(0);
  private sharedCounts = new Uint16Array(0);

  constructor(articles: readonly Article[], figures: readonly Figure[]) {
    const figuresByPassage = new Map<string, Figure[]>();
    for (const figure of figures) {
      const list = figuresByPassage.get(figure.passageId);
      if (list) list.push(figure);
      else figuresByPassage.set(figure.passageId, [figure]);
    }
    for (const article of articles) {
      for (const passage of article.passages) {
        const text = passage.text.length > maxPassageChars ? passage.text.slice(0, maxPassageChars) : passage.text;
        this.passageText.set(passage.id, passage.text);
        this.passageArticle.set(passage.id, article.id);
        const tokens = tokenise(text);
        const passageFigures = figuresByPassage.get(passage.id) ?? [];
        for (const bounds of splitSentences(tokens)) {
          const sentenceText = text.slice(bounds.start, bounds.end);
          const read = conceptTokens(tokens, bounds.firstToken, bounds.lastToken);
          const concepts = new Set<string>();
          for (const entry of read) {
            concepts.add(entry.concept);
            if (!entry.capitalised) this.lowerCase.add(entry.concept);
          }
          const sentence: SourceSentence = {
            ordinal: this.sentences.length,
            passageId: passage.id,
            articleId: article.id,
            start: bounds.start,
            end: bounds.end,
            concepts: [...concepts],
            numbers: numbersOf(tokens, bounds.firstToken, bounds.lastToken),
            figures: passageFigures
              .filter((figure) => figure.span.start >= bounds.start && figure.span.start < bounds.end)
              .map((figure) => ({ figure, measure: measureOf(figure) })),
          };
          const citing = findCitation(sentenceText);
          if (citing) sentence.citing = citing;
          for (const { figure } of sentence.figures) this.byFigure.set(figure, sentence);
          const index = this.sentences.length;
          this.sentences.push(sentence);
          for (const concept of sentence.concepts) {
            const list = this.postings.get(concept);
            if (!list) this.postings.set(concept, [index]);
            else if (list.length <= maxPostings) list.push(index);
            if (sentence.figures.length === 0) continue;
            const figureList = this.figurePostings.get(concept);
            if (!figureList) this.figurePostings.set(concept, [index]);
            else if (figureList.length <= maxPostings) figureList.push(index);
          }
        }
      }
    }
  }

  /** The sentence before `sentence` in its article (what "it", "his" and "the deal" in it refer to; news paragraphs are often one sentence), if any. */
  previous(sentence: SourceSentence): SourceSentence | undefined {
    const before = this.sentences[sentence.ordinal - 1];
    return before?.articleId === sentence.articleId ? before : undefined;
  }

  /** A source figure's context words, folded as concepts are (`stem`), with their weights; read once. */
  stemmedKeywords(figure: Figure): ReadonlyArray<[string, number]> {
    let words = this.keywordsOfFigure.get(figure);
    if (!words) {
      words = Object.entries(figure.keywords).map(([word, weight]) => [stem(word), weight]);
      this.keywordsOfFigure.set(figure, words);
    }
    return words;
  }

  /** The sentence a source figure sits in. */
  sentenceOfFigure(figure: Figure): SourceSentence | undefined {
    return this.byFigure.get(figure);
  }

  /** The text of a sentence, as in its passage. */
  textOf(sentence: SourceSentence): string {
    return (this.passageText.get(sentence.passageId) ?? '').slice(sentence.start, sentence.end);
  }

  /** The article a passage belongs to. */
  articleOfPassage(passageId: string): string | undefined {
    return this.passageArticle.get(passageId);
  }

  /** The whole text of a passage. */
  passage(passageId: string): string | undefined {
    return this.passageText.get(passageId);
  }

  /** True when more than `share` of the sentences have `concept` (postings stop counting past `maxPostings`). */
  isCommon(concept: string, share: number): boolean {
    const count = this.postings.get(concept)?.length ?? 0;
    return count > maxPostings || count > share * this.sentences.length;
  }

  /** How rare a concept is among the sentences (inverse document frequency). */
  idf(concept: string): number {
    const count = this.postings.get(concept)?.length ?? 0;
    return Math.log(1 + (this.sentences.length + 1) / (count + 1));
  }

  /**
   * The sentences sharing the claim's concepts, with `coverage`: the share of the claim's
   * concept weight (rare concepts weigh more) that the sentence has, best first.
   */
  candidates(concepts: readonly string[], minCoverage: number, limit: number, withFiguresOnly = false): Array<{ sentence: SourceSentence; coverage: number; shared: number }> {
    let total = 0;
    if (this.weights.length !== this.sentences.length) {
      this.weights = new Float64Array(this.sentences.length);
      this.sharedCounts = new Uint16Array(this.sentences.length);
    }
    const weights = this.weights;
    const sharedCounts = this.sharedCounts;
    const touched: number[] = [];
    for (const concept of concepts) {
      const weight = this.idf(concept);
      total += weight;
      const all = this.postings.get(concept);
      if (!all || all.length > maxPostings) continue;
      const list = withFiguresOnly ? this.figurePostings.get(concept) ?? [] : all;
      for (const index of list) {
        if (sharedCounts[index] === 0) touched.push(index);
        weights[index] += weight;
        sharedCounts[index] += 1;
      }
    }
    const results: Array<{ sentence: SourceSentence; coverage: number; shared: number }> = [];
    for (const index of touched) {
      const coverage = total > 0 ? weights[index] / total : 0;
      if (coverage >= minCoverage) results.push({ sentence: this.sentences[index], coverage, shared: sharedCounts[index] });
      weights[index] = 0;
      sharedCounts[index] = 0;
    }
    results.sort((a, b) => b.coverage - a.coverage);
    return results.slice(0, limit);
  }
}
