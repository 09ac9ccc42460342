/**
 * Reads the archive's JSON answers as untrusted data: every field is checked for its type and
 * capped in size, a record of the wrong shape is dropped and counted (never passed on half
 * read), and a list never holds more than was asked for. What comes out is plain data of the
 * protocol's types, to be rendered through the same escaping as local sources.
 */
import type { HighlightedText, Topic, TopicMatch } from '../model';
import type { TopicCard } from '../present/topicCard';
import { archiveLimits, archiveProtocolVersion, type ArchiveArticle, type ArchiveCardPassage, type ArchiveSearchHit, type ArchiveStatus, type ArchiveTopicCard } from './archiveProtocol';

/** Caps on what one answer may carry, beyond the protocol's own. */
export const answerCaps = {
  /** Ids, outlets, dates, spellings. */
  shortText: 300,
  /** Titles and topic names. */
  title: 500,
  /** A snippet on a card or in a search hit. */
  snippet: 2000,
  /** An article's whole text (an archive article is a news story, not a book). */
  articleText: 2_000_000,
  /** Passages in one article. */
  articlePassages: 20_000,
  /** Highlights in one snippet. */
  highlights: 50,
  /** Spellings on one card. */
  spellings: 20,
} as const;

/** A value read from an answer, with how many records in it were of the wrong shape and dropped. */
export interface ReadAnswer<Value> {
  value: Value;
  dropped: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, cap: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, cap) : undefined;
}

function optionalText(value: unknown, cap: number): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value.slice(0, cap) : null;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function optionalPage(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : null;
}

/** An ISO date (YYYY-MM-DD, perhaps with a time), or nothing; anything else is dropped to nothing. */
function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/** An http(s) address or nothing: an archive row's address never becomes a `command:` or `file:` link. */
function webAddress(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An id as the archive names passages and articles: short, printable, no path separators. */
function archiveId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.:-]{1,200}$/.test(value) ? value : undefined;
}

/**
 * The archive article a passage id belongs to, for services that do not name it on a card
 * passage: archive passages keep the ids the core gives them (`<articleId>.<hash>`, see `buildArticle`).
 */
export function articleIdOfPassage(passageId: string): string | undefined {
  const dot = passageId.lastIndexOf('.');
  return dot > 0 ? passageId.slice(0, dot) : undefined;
}

/** Highlighted text whose spans lie inside it; bad spans are dropped. */
function highlightedText(value: unknown, cap: number): HighlightedText | undefined {
  if (!isObject(value)) return undefined;
  const snippet = text(value.text, cap);
  if (snippet === undefined || !Array.isArray(value.highlights)) return undefined;
  const highlights: HighlightedText['highlights'] = [];
  for (const span of value.highlights.slice(0, answerCaps.highlights)) {
    if (!isObject(span)) continue;
    const start = count(span.start);
    const end = count(span.end);
    if (start !== undefined && end !== undefined && start < end && end <= snippet.length) highlights.push({ start, end });
  }
  return { text: snippet, highlights };
}

/** The status answer, or why it is not one this client speaks to. */
export function readStatus(value: unknown): ArchiveStatus | { incompatible: string } {
  if (!isObject(value) || value.service !== 'sourcebook-archive') return { incompatible: 'not a Sourcebook Archive status' };
  if (value.protocolVersion !== archiveProtocolVersion) return { incompatible: `protocol version ${String(value.protocolVersion).slice(0, 20)}, this client speaks ${archiveProtocolVersion}` };
  const articles = count(value.articles);
  const passages = count(value.passages);
  const topics = count(value.topics);
  if (articles === undefined || passages === undefined || topics === undefined) return { incompatible: 'status counts missing' };
  const updatedAt = typeof value.updatedAt === 'string' && !Number.isNaN(Date.parse(value.updatedAt)) ? value.updatedAt.slice(0, 40) : null;
  return { service: 'sourcebook-archive', protocolVersion: archiveProtocolVersion, articles, passages, topics, updatedAt };
}

function searchHit(value: unknown): ArchiveSearchHit | undefined {
  if (!isObject(value)) return undefined;
  const passageId = archiveId(value.passageId);
  const articleId = archiveId(value.articleId);
  const articleTitle = text(value.articleTitle, answerCaps.title);
  const passageText = text(value.text, archiveLimits.maxHitTextLength);
  const snippet = highlightedText(value.snippet, answerCaps.snippet);
  const outlet = optionalText(value.outlet, answerCaps.shortText);
  const page = optionalPage(value.page);
  const score = typeof value.score === 'number' && Number.isFinite(value.score) ? value.score : undefined;
  if (!passageId || !articleId || articleTitle === undefined || passageText === undefined || !snippet || outlet === null || page === null || score === undefined) return undefined;
  const date = isoDate(value.date);
  const url = webAddress(value.url);
  return { passageId, articleId, articleTitle, text: passageText, snippet, score, ...(outlet !== undefined ? { outlet } : {}), ...(date ? { date } : {}), ...(url ? { url } : {}), ...(page !== undefined ? { page } : {}) };
}

/** A search answer: at most `limit` well-formed hits. */
export function readSearch(value: unknown, limit: number): ReadAnswer<{ hits: ArchiveSearchHit[]; truncated: boolean }> | undefined {
  if (!isObject(value) || !Array.isArray(value.hits)) return undefined;
  const hits: ArchiveSearchHit[] = [];
  let dropped = 0;
  for (const raw of value.hits) {
    if (hits.length >= limit) {
      dropped += value.hits.length - hits.length - dropped;
      break;
    }
    const hit = searchHit(raw);
    if (hit) hits.push(hit);
    else dropped++;
  }
  return { value: { hits, truncated: value.truncated === true || value.hits.length > limit }, dropped };
}

const topicKinds = new Set<Topic['kind']>(['person', 'place', 'organisation', 'system', 'agreement', 'event', 'other']);
const matchQualities = new Set<TopicMatch['quality']>(['exact', 'variant', 'alias', 'fuzzy', 'transliterated']);

function cardPassage(value: unknown): ArchiveCardPassage | undefined {
  if (!isObject(value)) return undefined;
  const passageId = archiveId(value.passageId);
  // The article the service names; an older service names none, and the passage id's form says it.
  const articleId = (value.articleId !== undefined ? archiveId(value.articleId) : undefined) ?? (passageId ? articleIdOfPassage(passageId) : undefined);
  const articleTitle = text(value.articleTitle, answerCaps.title);
  const snippet = highlightedText(value.snippet, answerCaps.snippet);
  const outlet = optionalText(value.outlet, answerCaps.shortText);
  const page = optionalPage(value.page);
  if (!passageId || articleTitle === undefined || !snippet || outlet === null || page === null) return undefined;
  const date = isoDate(value.date);
  return { passageId, ...(articleId ? { articleId } : {}), articleTitle, snippet, ...(outlet !== undefined ? { outlet } : {}), ...(date ? { date } : {}), ...(page !== undefined ? { page } : {}), ...(value.transliterated === true ? { transliterated: true } : {}) };
}

function spelling(value: unknown): TopicCard['spellings'][number] | undefined {
  if (!isObject(value) || !Array.isArray(value.sources)) return undefined;
  const written = text(value.spelling, answerCaps.shortText);
  const sourceCount = count(value.sourceCount);
  const sources = value.sources.slice(0, 3).map((source) => text(source, answerCaps.shortText));
  if (written === undefined || sourceCount === undefined || sources.some((source) => source === undefined)) return undefined;
  return { spelling: written, sources: sources as string[], sourceCount: Math.max(sourceCount, sources.length) };
}

/** A topic answer: the card (or null: the archive knows no such topic), with at most `limit` passages. */
export function readTopic(value: unknown, limit: number): ReadAnswer<ArchiveTopicCard | null> | undefined {
  if (!isObject(value) || !('card' in value)) return undefined;
  if (value.card === null) return { value: null, dropped: 0 };
  const card = value.card;
  if (!isObject(card) || !Array.isArray(card.passages)) return undefined;
  const topicId = text(card.topicId, answerCaps.title);
  const name = text(card.name, answerCaps.title);
  const passageCount = count(card.passageCount);
  const sourceCount = count(card.sourceCount);
  const kind = typeof card.kind === 'string' && topicKinds.has(card.kind as Topic['kind']) ? (card.kind as Topic['kind']) : 'other';
  const matchQuality = typeof card.matchQuality === 'string' && matchQualities.has(card.matchQuality as TopicMatch['quality']) ? (card.matchQuality as TopicMatch['quality']) : 'exact';
  if (!topicId || name === undefined || passageCount === undefined || sourceCount === undefined) return undefined;
  let dropped = 0;
  const passages: ArchiveCardPassage[] = [];
  for (const raw of card.passages) {
    if (passages.length >= limit) {
      dropped += card.passages.length - passages.length - dropped;
      break;
    }
    const passage = cardPassage(raw);
    if (passage) passages.push(passage);
    else dropped++;
  }
  const spellings: TopicCard['spellings'] = [];
  for (const raw of Array.isArray(card.spellings) ? card.spellings.slice(0, answerCaps.spellings) : []) {
    const entry = spelling(raw);
    if (entry) spellings.push(entry);
    else dropped++;
  }
  const closestMatchFor = text(card.closestMatchFor, answerCaps.shortText);
  return {
    value: {
      topicId,
      name,
      kind,
      matchQuality,
      ...(matchQuality === 'fuzzy' && closestMatchFor ? { closestMatchFor } : {}),
      passageCount: Math.max(passageCount, passages.length),
      sourceCount,
      spellings,
      passages,
    },
    dropped,
  };
}

/** An article answer: its text capped, its passages' places checked against that text. */
export function readArticle(value: unknown): ReadAnswer<ArchiveArticle> | undefined {
  if (!isObject(value) || !isObject(value.article)) return undefined;
  const article = value.article;
  const id = archiveId(article.id);
  const title = text(article.title, answerCaps.title);
  const body = text(article.text, answerCaps.articleText);
  const outlet = optionalText(article.outlet, answerCaps.shortText);
  if (!id || title === undefined || body === undefined || outlet === null || !Array.isArray(article.passages)) return undefined;
  let dropped = 0;
  const passages: ArchiveArticle['passages'] = [];
  for (const raw of article.passages.slice(0, answerCaps.articlePassages)) {
    const passageId = isObject(raw) ? archiveId(raw.id) : undefined;
    const start = isObject(raw) ? count(raw.start) : undefined;
    const end = isObject(raw) ? count(raw.end) : undefined;
    const page = isObject(raw) ? optionalPage(raw.page) : null;
    if (!passageId || start === undefined || end === undefined || start > end || end > body.length || page === null) {
      dropped++;
      continue;
    }
    passages.push({ id: passageId, start, end, ...(page !== undefined ? { page } : {}) });
  }
  dropped += Math.max(0, article.passages.length - answerCaps.articlePassages);
  const date = isoDate(article.date);
  const url = webAddress(article.url);
  return { value: { id, title, text: body, passages, ...(outlet !== undefined ? { outlet } : {}), ...(date ? { date } : {}), ...(url ? { url } : {}) }, dropped };
}
