/**
 * The story ledger: every claim of a draft with a status and the source passages that decide
 * it. Precision first: a claim is "supported" only when two independent sources state it
 * (its figures agreeing on the same measure, its quotations word for word); anything less
 * certain falls to "single source", "second-hand" or "not found", never up.
 */
import * as l10n from '@vscode/l10n';
import type { Figure } from '../figures/figure';
import type { FigureGroup } from '../figures/groupFigures';
import { sourceLabel, type Article, type Logger } from '../model';
import { foldWord } from '../text/wordText';
import type { QuoteCheck } from '../quotes/quotationIndex';
import { tokenise } from '../figures/tokenise';
import { maxDraftChars, paragraphClaims, proseParagraphs, shiftClaim, TermMatcher, type ClaimReason, type DraftClaim } from './draftClaims';
import { measureOf, measureRelation, valuesAgree, type FigureMeasure } from './figureMeasure';
import { explainDateDispute } from './dateDisputes';
import { independentVoices, type SourceVoice } from './nearDuplicates';
import { conceptsOf, namesOf, numbersOf, SourceSentences, stanceOf, stem, type SourceSentence } from './sourceSentences';

/** A claim's status. */
export type ClaimStatus = 'supported' | 'single-source' | 'second-hand' | 'disputed' | 'not-found';

/** In the order the Draft Check view and the report show them. */
export const claimStatuses: readonly ClaimStatus[] = ['disputed', 'not-found', 'second-hand', 'single-source', 'supported'];

/** Each status's name in the display language (read when shown: the core's translator is configured after this module loads). */
export const claimStatusLabels: Readonly<Record<ClaimStatus, string>> = {
  get supported() {
    return l10n.t('Supported');
  },
  get 'single-source'() {
    return l10n.t('Single source');
  },
  get 'second-hand'() {
    return l10n.t('Second-hand');
  },
  get disputed() {
    return l10n.t('Disputed');
  },
  get 'not-found'() {
    return l10n.t('Not found');
  },
};

/** What a deciding passage does for its claim. */
export type PassageRole = 'supports' | 'second-hand' | 'disputes' | 'repeats';

/** A source sentence that decides a claim. */
export interface DecidingPassage {
  passageId: string;
  articleId: string;
  /** Outlet, else the start of the title. */
  source: string;
  date?: string;
  /** The deciding sentence as the source wrote it (untrusted text). */
  quote: string;
  /** Offsets of `quote` in the passage text. */
  start: number;
  end: number;
  role: PassageRole;
  /** The source's figure that agrees or conflicts ("more than 60%"), with what it measures. */
  figure?: string;
  measure?: string;
  /** Whom a second-hand passage cites ("the Indian Express"). */
  citing?: string;
  /** For `repeats`: the source this one repeats. */
  repeatsSource?: string;
  /** For `repeats`: the longest run of words it shares with that source, and the share of their wording in common (0-1). */
  overlap?: string;
  overlapShare?: number;
}

/** One claim of the draft, decided. Offsets are into the draft text. */
export interface LedgerClaim {
  start: number;
  end: number;
  text: string;
  reasons: ClaimReason[];
  status: ClaimStatus;
  passages: DecidingPassage[];
  /** Sources that state the claim, and how many of them are independent of each other. */
  sourceCount: number;
  independentCount: number;
  /** "2 sources, 1 independent: RFI repeats AP". */
  summary: string;
  /** Why sources that seem to disagree do not: "different measures: …", "not a contradiction: …"; a misquote's source words. */
  notes: string[];
}

/** The ledger of a draft. */
export interface LedgerReport {
  claims: LedgerClaim[];
  counts: Record<ClaimStatus, number>;
}

/** A ledger with no claims (no build yet, or the engine is gone). */
export function emptyLedgerReport(): LedgerReport {
  return { claims: [], counts: { supported: 0, 'single-source': 0, 'second-hand': 0, disputed: 0, 'not-found': 0 } };
}

/** What the ledger reads besides the articles. */
export interface StoryLedgerOptions {
  /** The corpus's figure groups (their members are all the figures of the sources). */
  figureGroups: readonly FigureGroup[];
  /** Checks a quotation against every passage (the quotation index). */
  checkQuote?: (quote: string) => QuoteCheck;
  /** Topics the sources know, for claims "about a known topic". */
  topics?: Iterable<{ name: string; spellings: readonly string[] }>;
  /** Told when a check failed (a bug: the check then finds no claims rather than throwing). */
  logger?: Logger;
}

/** A claim without figures or quotations is supported by a sentence that has this share of its concept weight... */
const textSupportCoverage = 0.6;
/** ...and at least this many of its concepts. */
const textSupportShared = 3;
/** ...of which this share must be in the sentence itself (the sentence before it only adds what "it" or "the deal" refers to). */
const textAnchorCoverage = 0.3;
/** A figure is decided by a sentence about the same thing: this share of the claim's concept weight. */
const figureCoverage = 0.35;
/** ...and this much to dispute it. */
const disputeCoverage = 0.45;
/** Two figures one of which does not name what it measures dispute each other only when their contexts are this alike. */
const unstatedMeasureCoverage = 0.75;
/** A figure's nearest words ("worth" and "S400" in "The S400 deal, worth more than $5 billion, keeps ...") found in a sentence: the claim figure's thing, even when the rest of a long sentence is about something else... */
const nearCoverage = 0.75;
/** ...as long as the sentence shares this much of its wider context. */
const nearFloorCoverage = 0.2;
/** A name in more than this share of the source sentences (the countries a corpus is about) tells no event from another: a supporting sentence need not repeat it. */
const commonNameShare = 0.2;
/** A source figure's own words this close to it count for a dispute; farther ones may come from the sentence before. */
const disputeSourceWeight = 0.4;
/** A name this close to a claim's figure ("China" in "China supplies more than 60%") is what the figure is about: the source must name it. */
const nameWeight = 1;
/** A figure's context words this close to it are its nearest. */
const nearWeight = 0.7;
/** Sentences sharing this little with a claim of figures are still read for its figures. */
const candidateCoverage = 0.08;
/** Related figures (for "different measures" notes) may come from sentences this alike. */
const relatedCoverage = 0.15;
const maxCandidates = 40;
const maxQuoteChars = 400;
/** Paragraphs and decided claims kept between checks (a 3,000-word draft has about 40 and 150): the writer's edit re-reads one paragraph and re-decides one sentence. */
const maxKeptParagraphs = 2_000;
const maxKeptDecisions = 5_000;

/** A map that forgets its oldest entries past `limit`; a read makes an entry the newest. */
class RecentMap<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** What decides a claim besides its words: its figures as the figure reader understood them (a paragraph's earlier sentence can frame them) and its quotations. */
function decisionKey(claim: DraftClaim): string {
  let key = `${claim.text}\u0000${claim.reasons.join(',')}\u0000${claim.quotations.join('\u0001')}`;
  for (const figure of claim.figures) {
    key += `\u0000${figure.span.text}|${figure.kind}|${figure.unit}|${figure.low}|${figure.high}|${figure.comparison}|${figure.anchor?.relation}|${figure.anchor?.year}|${figure.period}|${figure.change}|${figure.measures.join(',')}|${figure.names.join(',')}`;
    for (const word in figure.keywords) key += `|${word}:${figure.keywords[word]}`;
  }
  return key;
}

/** A claim's figure as the ledger reads it against each candidate sentence. */
interface ClaimFigure {
  figure: Figure;
  measure: FigureMeasure;
  /** Its context concepts, nearest weighing most. */
  context: Map<string, number>;
  /** The names right by it ("China" in "China supplies more than 60%"): a source sentence must name them. */
  nearNames: string[];
}

/** What a claim says besides its concepts: the names it states and the side it takes. */
interface ClaimReading {
  names: string[];
  stance: number;
}

interface SourceEvidence {
  sentence: SourceSentence;
  role: 'supports' | 'disputes';
  figure?: { figure: Figure; measure: FigureMeasure };
  coverage: number;
}

/** Builds once per corpus version; `check` a draft as often as it changes. */
export class StoryLedger {
  private readonly sentences: SourceSentences;
  private readonly articles = new Map<string, Article>();
  /** Each source figure's group. */
  private readonly groupOfFigure = new Map<Figure, FigureGroup>();
  private readonly terms: TermMatcher | undefined;
  /** Paragraph text -> its claims (offsets into the paragraph). */
  private readonly paragraphs = new RecentMap<DraftClaim[]>(maxKeptParagraphs);
  /** `decisionKey` -> the claim decided (offsets of the sentence it was first seen in). */
  private readonly decisions = new RecentMap<LedgerClaim>(maxKeptDecisions);

  constructor(articles: readonly Article[], private readonly options: StoryLedgerOptions) {
    for (const article of articles) this.articles.set(article.id, article);
    this.sentences = new SourceSentences(articles, options.figureGroups.flatMap((group) => group.figures));
    for (const group of options.figureGroups) for (const figure of group.figures) this.groupOfFigure.set(figure, group);
    this.terms = options.topics ? new TermMatcher(options.topics) : undefined;
  }

  /** Every claim of `draft`, decided. */
  check(draft: string): LedgerReport {
    try {
      return this.checkUnguarded(typeof draft === 'string' ? draft : '');
    } catch (error) {
      this.options.logger?.error(`The draft's claims could not be checked: ${error instanceof Error ? error.message : String(error)}`);
      return emptyLedgerReport();
    }
  }

  /** Forgets the paragraphs and claims kept from earlier checks (a benchmark's cold start); the answers stay the same. */
  forgetEarlierChecks(): void {
    this.paragraphs.clear();
    this.decisions.clear();
  }

  private checkUnguarded(draft: string): LedgerReport {
    const claims: LedgerClaim[] = [];
    for (const paragraph of proseParagraphs(draft.slice(0, maxDraftChars))) {
      let found = this.paragraphs.get(paragraph.text);
      if (!found) {
        found = paragraphClaims(paragraph.text, this.terms);
        this.paragraphs.set(paragraph.text, found);
      }
      for (const claim of found) claims.push(this.decideKept(shiftClaim(claim, paragraph.start)));
    }
    const { counts } = emptyLedgerReport();
    for (const claim of claims) counts[claim.status] += 1;
    return { claims, counts };
  }

  private sourceName(articleId: string): string {
    const article = this.articles.get(articleId);
    return article ? sourceLabel(article) : l10n.t('unknown source');
  }

  /** A claim decided before (same words, same figures, same quotations) is not decided again: the sources have not changed since this ledger was built. */
  private decideKept(claim: DraftClaim): LedgerClaim {
    const key = decisionKey(claim);
    const kept = this.decisions.get(key);
    if (kept) return kept.start === claim.start && kept.end === claim.end ? kept : { ...kept, start: claim.start, end: claim.end };
    const decided = this.decide(claim);
    this.decisions.set(key, decided);
    return decided;
  }

  private decide(claim: DraftClaim): LedgerClaim {
    const claimTokens = tokenise(claim.text);
    const concepts = conceptsOf(claimTokens);
    const reading: ClaimReading = { names: namesOf(claimTokens, this.sentences.lowerCase).filter((name) => !this.sentences.isCommon(name, commonNameShare)), stance: stanceOf(claim.text) };
    // A claim of figures without quotations is decided by source figures alone: only sentences with figures are read.
    const figuresOnly = claim.figures.length > 0 && claim.quotations.length === 0;
    const candidates = this.sentences.candidates(concepts, claim.figures.length > 0 ? candidateCoverage : relatedCoverage, maxCandidates, figuresOnly);
    const evidence: SourceEvidence[] = [];
    const otherOrdinals: SourceEvidence[] = [];
    const notes: string[] = [];
    const claimFigures = claim.figures;
    const quotations = claim.quotations.map(wordsOnly).filter((quote) => quote.length > 0);

    for (const quote of claim.quotations) {
      const check = this.options.checkQuote?.(quote);
      if (check?.verdict === 'near' && check.sourceText && check.passageId) {
        const passage = this.sentences.passage(check.passageId);
        const articleId = this.articleOfPassage(check.passageId);
        if (passage !== undefined && articleId) notes.push(l10n.t('not word for word: {0} has “{1}”', this.sourceName(articleId), check.sourceText.slice(0, maxQuoteChars)));
      }
    }

    // Each figure's measure, context and the names by it, read once for all the candidate sentences.
    const readFigures: ClaimFigure[] = claimFigures.map((figure) => {
      const context = this.figureContext(figure, concepts);
      return { figure, measure: measureOf(figure), context, nearNames: reading.names.filter((name) => (context.get(name) ?? 0) >= nameWeight) };
    });
    // A number the figure reader could not place ("five S-400 systems") must still be in a sentence that supports the claim.
    // (The figures' own numbers are matched by value and hedge, "more than $5 billion" by "more than $5.4 billion", not digit for digit.)
    let unplaced = claim.text;
    for (const figure of claimFigures) unplaced = unplaced.replace(figure.span.text, ' ');
    const claimNumbers = numbersOf(tokenise(unplaced));
    const hasNumbers = (sentence: SourceSentence) => claimNumbers.every((value) => sentence.numbers.includes(value));
    for (const { sentence, coverage, shared } of candidates) {
      if (quotations.length > 0) {
        const passage = ` ${wordsOnly(this.sentences.passage(sentence.passageId) ?? '')} `;
        if (!quotations.every((quote) => passage.includes(` ${quote} `))) continue;
        if (claimFigures.length === 0) {
          if (hasNumbers(sentence)) evidence.push({ sentence, role: 'supports', coverage });
          continue;
        }
      }
      if (claimFigures.length > 0) {
        const verdict = this.figuresVerdict(readFigures, sentence, reading);
        if (verdict && (verdict.role === 'disputes' || hasNumbers(sentence))) evidence.push({ sentence, role: verdict.role, figure: verdict.figure, coverage: verdict.coverage });
        continue;
      }
      if (quotations.length === 0 && coverage >= textAnchorCoverage && hasNumbers(sentence)) {
        const around = this.around(sentence);
        let total = 0;
        let covered = 0;
        let sharedAround = 0;
        for (const concept of concepts) {
          const weight = this.sentences.idf(concept);
          total += weight;
          if (around.concepts.has(concept)) {
            covered += weight;
            sharedAround += 1;
          }
        }
        const aroundCoverage = total > 0 ? covered / total : 0;
        if (aroundCoverage >= textSupportCoverage && sharedAround >= Math.min(textSupportShared, concepts.length) && this.readsAlike(reading, around)) {
          const ordinals = compareOrdinals(claim.text, this.sentences.textOf(sentence));
          // The same sentence with another ordinal ("his second trip" for the draft's "his first trip") may dispute it.
          if (ordinals === 'same') evidence.push({ sentence, role: 'supports', coverage: aroundCoverage });
          else if (ordinals === 'other') otherOrdinals.push({ sentence, role: 'disputes', coverage: aroundCoverage });
        }
      }
    }
    // ...unless a source states the draft's own ordinal: then the other one counts something else
    // ("the fourth country to hold this dialogue" beside "their first 2+2 dialogue").
    if (!evidence.some((entry) => entry.role === 'supports')) evidence.push(...otherOrdinals);

    notes.push(...this.measureNotes(claim, claimFigures, evidence, concepts, candidates.filter((candidate) => candidate.coverage >= relatedCoverage)));
    notes.push(...this.dateNotes(claimFigures, evidence));
    return this.conclude(claim, evidence, notes);
  }

  /**
   * A source sentence with what it stands on: its concepts, the names it states (its own, a
   * figure's own words, and the sentence before's when it refers back: "his second trip"), and
   * the side it and the sentence before take.
   */
  private around(sentence: SourceSentence, figureWords: Iterable<string> = []): { concepts: Set<string>; names: Set<string>; stance: number } {
    const previous = this.sentences.previous(sentence);
    const text = this.sentences.textOf(sentence);
    const names = new Set([...sentence.concepts, ...figureWords]);
    const concepts = new Set([...names, ...(previous?.concepts ?? [])]);
    if (previous && refersBack.test(text)) for (const concept of previous.concepts) names.add(concept);
    const stance = stanceOf(text + (previous ? ` ${this.sentences.textOf(previous)}` : ''));
    return { concepts, names, stance };
  }

  /** Whether a source sentence names every name `names` holds and takes no side against the claim's. */
  private readsAlike(reading: ClaimReading, around: { names: Set<string>; stance: number }, names: readonly string[] = reading.names): boolean {
    if (reading.stance !== 0 && around.stance === -reading.stance) return false;
    return names.every((name) => around.names.has(name));
  }

  /** For a date the sources dispute: which source gives which date for the event. */
  private dateNotes(claimFigures: readonly Figure[], evidence: readonly SourceEvidence[]): string[] {
    const dated = (role: SourceEvidence['role']) =>
      evidence.filter((entry) => entry.role === role && entry.figure?.figure.kind === 'date').map((entry) => ({ figure: (entry.figure as { figure: Figure }).figure, source: this.sourceName(entry.sentence.articleId) }));
    const disputing = dated('disputes');
    if (disputing.length === 0) return [];
    const agreeing = dated('supports');
    return claimFigures.map((figure) => explainDateDispute(figure, agreeing, disputing)).filter((note): note is string => note !== undefined);
  }

  private articleOfPassage(passageId: string): string | undefined {
    return this.sentences.articleOfPassage(passageId);
  }

  /** The concepts around a claim's figure, nearest weighing most, and the claim's codes (`S-400`) in full. */
  private figureContext(claimFigure: Figure, claimConcepts: readonly string[]): Map<string, number> {
    const context = new Map<string, number>();
    for (const [word, weight] of Object.entries(claimFigure.keywords)) {
      const concept = stem(word);
      context.set(concept, Math.max(weight, context.get(concept) ?? 0));
    }
    for (const concept of claimConcepts) if (concept.startsWith('code:')) context.set(concept, 1);
    return context;
  }

  /** The share of a claim figure's context (weighted, rare concepts more) that a source figure's sentence and context have. */
  private localCoverage(context: ReadonlyMap<string, number>, sentence: SourceSentence, source: Figure, minSourceWeight = 0): number {
    const words = this.sentences.stemmedKeywords(source);
    const available = (concept: string) => sentence.concepts.includes(concept) || words.some(([word, weight]) => word === concept && weight >= minSourceWeight);
    let total = 0;
    let shared = 0;
    for (const [concept, weight] of context) {
      const mass = weight * this.sentences.idf(concept);
      total += mass;
      if (available(concept)) shared += mass;
    }
    return total > 0 ? shared / total : 0;
  }

  /**
   * How a sentence's figures meet the claim's: `supports` when every figure of the claim has
   * one in the sentence about the same thing (its context words), on the same (or an unstated)
   * measure, with an overlapping range; `disputes` when one is about the same thing, on the
   * same measure, and the ranges exclude each other.
   */
  private figuresVerdict(claimFigures: readonly ClaimFigure[], sentence: SourceSentence, reading: ClaimReading): { role: 'supports' | 'disputes'; figure: { figure: Figure; measure: FigureMeasure }; coverage: number } | undefined {
    let first: { figure: Figure; measure: FigureMeasure } | undefined;
    let weakest = 1;
    for (const { figure: claimFigure, measure: claimMeasure, context, nearNames } of claimFigures) {
      let agreeing: { figure: Figure; measure: FigureMeasure; coverage: number } | undefined;
      let conflicting: { figure: Figure; measure: FigureMeasure; coverage: number } | undefined;
      for (const source of sentence.figures) {
        if (source.measure.unitKey !== claimMeasure.unitKey) continue;
        const relation = measureRelation(claimFigure, source.figure, claimMeasure, source.measure);
        if (relation === 'different') continue;
        const coverage = this.localCoverage(context, sentence, source.figure);
        const verdict = valuesAgree(claimFigure, source.figure);
        const near = verdict === 'agree' && coverage < figureCoverage && coverage >= nearFloorCoverage && this.nearCoverage(context, sentence, source.figure) >= nearCoverage;
        if (coverage < figureCoverage && !near) continue;
        if (nearNames.length > 0 || reading.stance !== 0) {
          const ownWords = Object.entries(source.figure.keywords).filter(([, weight]) => weight >= disputeSourceWeight).map(([word]) => stem(word));
          if (!this.readsAlike(reading, this.around(sentence, ownWords), nearNames)) continue;
        }
        if (verdict === 'agree') {
          if (!agreeing || coverage > agreeing.coverage) agreeing = { ...source, coverage };
        } else if (coverage >= disputeCoverage && (relation === 'same' || (relation === 'unknown' && this.localCoverage(context, sentence, source.figure, disputeSourceWeight) >= unstatedMeasureCoverage))) {
          conflicting ??= { ...source, coverage };
        }
      }
      // A sentence giving both numbers of a change ("24 days from 40 days") agrees with a claim that gives one of them.
      if (!agreeing && conflicting) return { role: 'disputes', figure: { figure: conflicting.figure, measure: conflicting.measure }, coverage: conflicting.coverage };
      if (!agreeing) return undefined;
      weakest = Math.min(weakest, agreeing.coverage);
      first ??= { figure: agreeing.figure, measure: agreeing.measure };
    }
    return first ? { role: 'supports', figure: first, coverage: weakest } : undefined;
  }

  /** The share of the claim figure's nearest context words (at least two of them) that the source figure's sentence has. */
  private nearCoverage(context: ReadonlyMap<string, number>, sentence: SourceSentence, source: Figure): number {
    const near = [...context].filter(([, weight]) => weight >= nearWeight);
    if (near.length < 2) return 0;
    const nearOnly = new Map(near);
    return this.localCoverage(nearOnly, sentence, source);
  }

  /**
   * Figures near the claim's that measure something else: "different measures: share of
   * weapons imported since 2010 (A) · share of the army's armaments, citing the Indian Express
   * (B) · current share (C)", or, when the numbers match, "not a contradiction: investment
   * target by 2025 (A) vs trade goal by 2025 (B)".
   */
  private measureNotes(
    claim: DraftClaim,
    claimFigures: readonly Figure[],
    evidence: readonly SourceEvidence[],
    concepts: readonly string[],
    candidates: ReadonlyArray<{ sentence: SourceSentence; coverage: number }>,
  ): string[] {
    const notes: string[] = [];
    const supporting = evidence.filter((entry) => entry.role === 'supports' && entry.figure).map((entry) => entry.figure as { figure: Figure; measure: FigureMeasure });
    // The notes explain the figures a claim rests on; a claim no source states has none to explain (and the figure groups are the costly part of a check).
    if (claimFigures.length === 0 || supporting.length === 0) return notes;
    for (const claimFigure of claimFigures) {
      const claimMeasure = measureOf(claimFigure);
      if (claimFigure.kind === 'date') continue;
      const related = new Map<Figure, FigureMeasure>();
      // The figures grouped with the one the claim rests on (the compare view's group of that thing).
      for (const { figure: supportingFigure } of supporting) for (const figure of this.groupOfFigure.get(supportingFigure)?.figures ?? []) related.set(figure, measureOf(figure));
      for (const { sentence, coverage } of candidates) {
        for (const source of sentence.figures) {
          if (source.measure.unitKey !== claimMeasure.unitKey) continue;
          const sameFrame = Boolean(claimFigure.anchor && source.figure.anchor && claimFigure.anchor.year === source.figure.anchor.year);
          if (coverage >= figureCoverage || sameFrame) related.set(source.figure, source.measure);
        }
      }
      const anchorFigures = supporting;
      const context = this.figureContext(claimFigure, concepts);
      const sentenceOf = (figure: Figure) => `${figure.passageId}:${figure.sentence.start}`;
      const supportingSentences = new Set(anchorFigures.map((entry) => sentenceOf(entry.figure)));
      const framedApart = (a: Figure, b: Figure) => Boolean(a.anchor && b.anchor && a.anchor.year !== b.anchor.year);
      const others = [...related].filter(([figure, measure]) => {
        if (anchorFigures.some((entry) => entry.figure === figure)) return false;
        // The other number of the sentence the claim rests on ("revised to $50 billion"), or a figure the claim itself states, is no other measure.
        if (supportingSentences.has(sentenceOf(figure)) || claimFigures.some((own) => own !== claimFigure && valuesAgree(own, figure) === 'agree')) return false;
        // Figures framed by different years ("in 2019" and "by 2025") are plainly about different things.
        if (framedApart(claimFigure, figure) || anchorFigures.some((entry) => framedApart(entry.figure, figure))) return false;
        const sameFrame = Boolean(claimFigure.anchor && figure.anchor && claimFigure.anchor.year === figure.anchor.year);
        const sentence = this.sentences.sentenceOfFigure(figure);
        if (!sentence || (!(sameFrame && sameNumber(claimFigure, figure)) && this.localCoverage(context, sentence, figure) < figureCoverage)) return false;
        if (anchorFigures.some((entry) => measureRelation(entry.figure, figure, entry.measure, measure) !== 'different')) return false;
        const relation = measureRelation(claimFigure, figure, claimMeasure, measure);
        // A figure whose measure the draft leaves open, but that measures something else than the figure the draft rests on, is one more different measure.
        return relation === 'different' || (relation === 'unknown' && anchorFigures.length > 0 && valuesAgree(claimFigure, figure) !== 'agree');
      });
      if (others.length === 0) continue;
      const statement = (figure: Figure, measure: FigureMeasure) => `${measure.description} (${this.sourceName(figure.articleId)}: ${figure.span.text})`;
      const firstHand = anchorFigures.map((entry) => statement(entry.figure, entry.measure));
      const sameNumbers = others.filter(([figure, measure]) => sameNumber(claimFigure, figure) && measureRelation(claimFigure, figure, claimMeasure, measure) === 'different');
      const conflicting = others.filter(([figure]) => !sameNumber(claimFigure, figure));
      if (conflicting.length > 0) {
        notes.push(l10n.t('different measures: {0}', [...firstHand, ...conflicting.map(([figure, measure]) => statement(figure, measure))].join(' · ')));
      }
      if (sameNumbers.length > 0) {
        const own = firstHand.length > 0 ? firstHand.join(' · ') : l10n.t('{0} (the draft)', claimMeasure.description);
        notes.push(l10n.t('not a contradiction: {0} vs {1}', own, sameNumbers.map(([figure, measure]) => statement(figure, measure)).join(' · ')));
      }
    }
    return [...new Set(notes)];
  }

  private conclude(claim: DraftClaim, evidence: readonly SourceEvidence[], notes: string[]): LedgerClaim {
    const bestByArticle = new Map<string, SourceEvidence>();
    for (const entry of evidence) {
      const key = `${entry.role}:${entry.sentence.articleId}`;
      const known = bestByArticle.get(key);
      if (!known || entry.coverage > known.coverage) bestByArticle.set(key, entry);
    }
    const chosen = [...bestByArticle.values()];
    const disputes = chosen.filter((entry) => entry.role === 'disputes');
    const supports = chosen.filter((entry) => entry.role === 'supports' && !disputes.some((dispute) => dispute.sentence.articleId === entry.sentence.articleId));
    const voices: SourceVoice[] = supports.map((entry) => {
      const voice: SourceVoice = { articleId: entry.sentence.articleId, text: this.sentences.textOf(entry.sentence) };
      if (entry.sentence.citing) voice.citing = entry.sentence.citing;
      const outlet = this.articles.get(entry.sentence.articleId)?.meta.outlet;
      if (outlet) voice.outlet = outlet;
      const date = this.articles.get(entry.sentence.articleId)?.meta.date;
      if (date) voice.date = date;
      return voice;
    });
    const independence = independentVoices(voices);
    const firstHand = independence.independent.filter((articleId) => !supports.find((entry) => entry.sentence.articleId === articleId)?.sentence.citing);
    const secondHand = independence.independent.filter((articleId) => supports.find((entry) => entry.sentence.articleId === articleId)?.sentence.citing);

    let status: ClaimStatus;
    if (disputes.length > 0 && supports.length > 0) status = 'disputed';
    else if (disputes.length > 0) status = 'disputed';
    else if (firstHand.length >= 2) status = 'supported';
    else if (firstHand.length === 1) status = 'single-source';
    else if (secondHand.length > 0) status = 'second-hand';
    else status = 'not-found';

    const passages: DecidingPassage[] = [];
    const toPassage = (entry: SourceEvidence, role: PassageRole): DecidingPassage => {
      const passage: DecidingPassage = {
        passageId: entry.sentence.passageId,
        articleId: entry.sentence.articleId,
        source: this.sourceName(entry.sentence.articleId),
        quote: this.sentences.textOf(entry.sentence).slice(0, maxQuoteChars),
        start: entry.sentence.start,
        end: entry.sentence.end,
        role,
      };
      const date = this.articles.get(entry.sentence.articleId)?.meta.date;
      if (date) passage.date = date;
      if (entry.figure) {
        passage.figure = entry.figure.figure.span.text;
        passage.measure = entry.figure.measure.description;
      }
      if (entry.sentence.citing) passage.citing = entry.sentence.citing;
      const original = independence.repeats.get(entry.sentence.articleId);
      if (original) passage.repeatsSource = this.sourceName(original);
      const overlap = independence.overlaps.get(entry.sentence.articleId);
      if (overlap) {
        passage.overlap = overlap.text.slice(0, maxQuoteChars);
        passage.overlapShare = overlap.share;
      }
      return passage;
    };
    for (const entry of supports) {
      const role: PassageRole = independence.repeats.has(entry.sentence.articleId) ? 'repeats' : entry.sentence.citing ? 'second-hand' : 'supports';
      passages.push(toPassage(entry, role));
    }
    for (const entry of disputes) passages.push(toPassage(entry, 'disputes'));
    const order: Record<PassageRole, number> = { disputes: 0, supports: 1, 'second-hand': 2, repeats: 3 };
    passages.sort((a, b) => order[a.role] - order[b.role]);

    const sourceCount = supports.length;
    const independentCount = independence.independent.length;
    const repeatNotes = [...independence.repeats].map(([copy, original]) => l10n.t('{0} repeats {1}', this.sourceName(copy), this.sourceName(original)));
    let summary = sourceCount === 0 ? (disputes.length > 0 ? '' : l10n.t('no source states this')) : sourceCount === 1 ? l10n.t('1 source') : l10n.t('{0} sources', sourceCount);
    if (sourceCount > 0 && independentCount !== sourceCount) summary = l10n.t('{0}, {1} independent: {2}', summary, independentCount, repeatNotes.join('; '));
    if (disputes.length > 0) {
      const disagree = disputes.length === 1 ? l10n.t('1 disagrees') : l10n.t('{0} disagree', disputes.length);
      summary = summary ? l10n.t('{0}; {1}', summary, disagree) : disagree;
    }
    if (status === 'second-hand') summary = l10n.t('{0} (citing {1})', summary, [...new Set(supports.map((entry) => entry.sentence.citing).filter(Boolean))].join(', '));

    return {
      start: claim.start,
      end: claim.end,
      text: claim.text,
      reasons: claim.reasons,
      status,
      passages,
      sourceCount,
      independentCount,
      summary,
      notes,
    };
  }
}

/** A text's words, folded, one space apart: a quotation is word for word in a passage when its words are a run of the passage's. */
function wordsOnly(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => foldWord(word).toLowerCase()).join(' ');
}

/** A sentence that points back to the one before it ("his", "the two sides"). */
const refersBack = /\b(?:he|his|him|she|her|they|their|them|its|this|these|the two (?:sides|countries|leaders)|both sides)\b/i;
const ordinalWords = /\b(?:first|maiden|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b/gi;
const ordinalOf = (word: string) => (word.toLowerCase() === 'maiden' ? 'first' : word.toLowerCase());

/**
 * A claim's "first" or "second" must be the source sentence's: "his first trip" is not "his
 * second trip". `same` when the source has every ordinal of the claim; `other` when the claim
 * has one ordinal and the source only others ("second" for "first"); `missing` otherwise.
 */
function compareOrdinals(claim: string, source: string): 'same' | 'other' | 'missing' {
  const have = new Set((source.match(ordinalWords) ?? []).map(ordinalOf));
  const wanted = new Set((claim.match(ordinalWords) ?? []).map(ordinalOf));
  if ([...wanted].every((word) => have.has(word))) return 'same';
  return wanted.size === 1 && have.size > 0 && ![...wanted].some((word) => have.has(word)) ? 'other' : 'missing';
}

/** The same number with the same hedge ("$30 billion" and "30 billion U.S. dollars"). */
function sameNumber(a: Figure, b: Figure): boolean {
  return a.unit === b.unit && a.low === b.low && a.high === b.high && a.comparison === b.comparison;
}
