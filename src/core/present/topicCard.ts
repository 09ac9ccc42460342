import * as l10n from '@vscode/l10n';
import { sourceLabel, type Article, type HighlightedText, type Passage, type Topic, type TopicMatch } from '../model';
import { neverDue, runToCompletion, type SliceClock, type SlicedWork } from '../scheduling/timeSlice';
import { passageQueuesInSlices, pickTopicPassages, windowAround } from './topicPassages';

/** One passage on a topic card. */
export interface TopicCardPassage {
  passageId: string;
  articleTitle: string;
  outlet?: string;
  date?: string;
  /** The PDF page the passage starts on (see `pageLabel`). */
  page?: number;
  /** The passage trimmed around the first mention, with every mention marked. */
  snippet: HighlightedText;
  /** A passage of a topic the writer's Latin words name in another alphabet (`Putin` -> `Путин`), labelled so. */
  transliterated?: boolean;
}

/** What a hover card says about a topic, as plain data; the VS Code layer renders it. */
export interface TopicCard {
  topicId: string;
  name: string;
  kind: Topic['kind'];
  /** How the draft's text matched: a fuzzy match is labelled so the writer knows it is a guess. */
  matchQuality: TopicMatch['quality'];
  /** For a fuzzy match, the draft's text the card is the closest match for ("Byden"). */
  closestMatchFor?: string;
  /** For a transliterated match, the writer's Latin words the topic's name transliterates to ("Lavrov"). */
  transliteratedFrom?: string;
  passageCount: number;
  sourceCount: number;
  /**
   * Which spelling each source used, when they differ: `S400` — NHK; `S-400` — News18. At most
   * `namedSourcesPerSpelling` sources are named; `sourceCount` counts them all.
   */
  spellings: Array<{ spelling: string; sources: string[]; sourceCount: number }>;
  passages: TopicCardPassage[];
}

/** Where the card gets articles and passages from. */
export interface CardSource {
  article(id: string): Article | undefined;
  passage(id: string): Passage | undefined;
}

/**
 * Builds the card for a recognised term: cost grows with the topic's mentions, not with the
 * corpus. `draftText` is the text the writer wrote there, named on a closest-match or
 * transliterated card. `transliterations` are other topics the same words name in another
 * alphabet (`TopicIndex.transliterationsAt`): their passages fill the card's places left after
 * the topic's own, labelled `transliterated`.
 */
export function buildTopicCard(match: TopicMatch, source: CardSource, maxPassages: number, draftText?: string, transliterations: readonly Topic[] = []): TopicCard {
  const { topic } = match;
  const passages = cardPassages(topic, source, maxPassages, match.quality === 'transliterated');
  for (const other of transliterations) {
    if (passages.length >= maxPassages) break;
    const shown = new Set(passages.map((passage) => passage.passageId));
    const more = cardPassages(other, source, maxPassages, true).filter((passage) => !shown.has(passage.passageId));
    passages.push(...more.slice(0, maxPassages - passages.length));
  }
  return {
    topicId: topic.id,
    name: topic.name,
    kind: topic.kind,
    matchQuality: match.quality,
    ...(match.quality === 'fuzzy' && draftText ? { closestMatchFor: draftText } : {}),
    ...(match.quality === 'transliterated' && draftText ? { transliteratedFrom: draftText } : {}),
    ...topicSummary(topic, source),
    passages,
  };
}

function cardPassages(topic: Topic, source: CardSource, maxPassages: number, transliterated: boolean): TopicCardPassage[] {
  const passages: TopicCardPassage[] = [];
  for (const picked of pickTopicPassages(topic, maxPassages)) {
    const passage = source.passage(picked.passageId);
    const article = source.article(picked.articleId);
    if (!passage || !article) continue;
    const mentions = picked.mentions.filter((mention) => mention.end <= passage.text.length).sort((a, b) => a.start - b.start);
    const first = mentions[0] ?? { start: 0, end: 0 };
    const window = windowAround(passage.text, first.start, first.end);
    const prefix = window.start > 0 ? '…' : '';
    const suffix = window.end < passage.text.length ? '…' : '';
    const highlights = mentions
      .filter((mention) => mention.start >= window.start && mention.end <= window.end)
      .map((mention) => ({ start: mention.start - window.start + prefix.length, end: mention.end - window.start + prefix.length }));
    passages.push({
      passageId: passage.id,
      articleTitle: article.meta.title,
      outlet: article.meta.outlet,
      date: article.meta.date,
      ...(passage.page !== undefined ? { page: passage.page } : {}),
      snippet: { text: prefix + passage.text.slice(window.start, window.end) + suffix, highlights },
      ...(transliterated ? { transliterated: true } : {}),
    });
  }
  return passages;
}

/** How many sources a card names per spelling; the rest are counted. */
export const namedSourcesPerSpelling = 3;

/** The sources of one spelling as the card words them: "YCPress, AP, RFI and 1,664 more". */
export function spellingSourcesText(entry: TopicCard['spellings'][number]): string {
  const more = entry.sourceCount - entry.sources.length;
  return more > 0 ? l10n.t('{0} and {1} more', entry.sources.join(', '), more.toLocaleString('en-US')) : entry.sources.join(', ');
}

type TopicSummary = Pick<TopicCard, 'passageCount' | 'sourceCount' | 'spellings'>;

/**
 * A topic's counts and spellings walk all its mentions and articles (thousands for a common
 * topic in a big corpus), so they are worked out once per topic object: topics are rebuilt,
 * never mutated, when the corpus changes.
 */
const summaries = new WeakMap<Topic, TopicSummary>();

function topicSummary(topic: Topic, source: CardSource): TopicSummary {
  return runToCompletion(topicSummaryInSlices(topic, source, neverDue));
}

function* topicSummaryInSlices(topic: Topic, source: CardSource, clock: SliceClock): SlicedWork<TopicSummary> {
  const cached = summaries.get(topic);
  if (cached) return cached;
  const passageIds = new Set<string>();
  for (const mention of topic.mentions) {
    if (clock.due()) yield;
    passageIds.add(mention.passageId);
  }
  const summary: TopicSummary = { passageCount: passageIds.size, sourceCount: topic.articleIds.length, spellings: yield* spellingsBySource(topic, source, clock) };
  summaries.set(topic, summary);
  return summary;
}

/**
 * Works out, in slices, what the cards of these topics cost on first sight (counts, spellings per
 * source, the passages to show), most-mentioned first, so that the first hover after topics
 * are rebuilt does not pay for it (50 ms for a topic in 10,000 articles).
 */
export function* prepareTopicCardsInSlices(topics: readonly Topic[], source: CardSource, clock: SliceClock): SlicedWork<void> {
  const biggestFirst = [...topics].sort((a, b) => b.mentions.length - a.mentions.length);
  for (const topic of biggestFirst) {
    if (clock.due()) yield;
    yield* topicSummaryInSlices(topic, source, clock);
    yield* passageQueuesInSlices(topic, clock);
  }
}

function* spellingsBySource(topic: Topic, source: CardSource, clock: SliceClock): SlicedWork<TopicCard['spellings']> {
  const bySpelling = new Map<string, Set<string>>();
  for (const [articleId, spellings] of Object.entries(topic.spellingsByArticle)) {
    if (clock.due()) yield;
    const article = source.article(articleId);
    const label = article ? sourceLabel(article) : l10n.t('unknown source');
    for (const spelling of spellings) {
      let labels = bySpelling.get(spelling);
      if (!labels) bySpelling.set(spelling, (labels = new Set()));
      labels.add(label);
    }
  }
  if (bySpelling.size < 2) return [];
  return [...bySpelling.entries()]
    .map(([spelling, labels]) => ({ spelling, sources: [...labels].slice(0, namedSourcesPerSpelling), sourceCount: labels.size }))
    .sort((a, b) => b.sourceCount - a.sourceCount || a.spelling.localeCompare(b.spelling));
}

/** A short name for a source: its outlet, else the start of its title in quotes (defined with the model, which the ledger reads too). */
export { sourceLabel };
