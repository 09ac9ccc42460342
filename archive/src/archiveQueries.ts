/**
 * What the service asks the database, each answer shaped by the wire contract
 * (src/core/archive/archiveProtocol.ts). Every value reaches PostgreSQL as a bound parameter;
 * query words are tokenised, folded and stemmed by the core before they get there, and the marks
 * in a snippet are computed here from the same tokens, never parsed out of `ts_headline`.
 */
import { archiveLimits, archiveProtocolVersion, type ArchiveArticle, type ArchiveSearchHit, type ArchiveSearchResponse, type ArchiveStatus, type ArchiveTopicCard } from '../../src/core/archive/archiveProtocol';
import { isCalendarDate } from '../../src/core/ingest/manifest';
import type { TopicCard } from '../../src/core/present/topicCard';
import { buildSnippet, type MatchedSpan } from '../../src/core/search/passageSnippet';
import { MAX_QUERY_WORDS, parseSearchQuery } from '../../src/core/search/searchQuery';
import { termSpans } from '../../src/core/search/searchTokens';
import { keyOfTokens, normaliseTokens, type NormalToken } from '../../src/core/topics/normaliseTerm';
import { misspellingEdits } from '../../src/core/topics/spellingDistance';
import { withoutInvisibleCharacters } from '../../src/core/text/wordText';
import type { Database } from './archiveDatabase';
import type { StoredCard } from './archiveTopics';

/** A request the caller got wrong: answered 400 with this message. */
export class BadRequest extends Error {}

/**
 * How many matching passages are ranked for one search. A word found in a hundred thousand
 * passages is ranked among the first this many the index gives (and the answer says it is
 * truncated), so a common word costs the same as a rare one.
 */
export const rankedCandidates = 2000;
/** Shortest query word that may be answered by its near spellings (as `MIN_TYPO_LENGTH` locally). */
const minTypoLength = 5;
/** Near spellings tried per misspelt word. */
const typoNeighbours = 3;

export async function archiveStatus(sql: Database): Promise<ArchiveStatus> {
  const [state] = await sql<Array<{ article_count: string; passage_count: string; topic_count: string; updated_at: Date | null }>>`
    SELECT article_count, passage_count, topic_count, updated_at FROM archive_state`;
  return {
    service: 'sourcebook-archive',
    protocolVersion: archiveProtocolVersion,
    articles: Number(state?.article_count ?? 0),
    passages: Number(state?.passage_count ?? 0),
    topics: Number(state?.topic_count ?? 0),
    updatedAt: state?.updated_at ? state.updated_at.toISOString() : null,
  };
}

export interface ArchiveSearchRequest {
  q: string;
  limit: number;
  outlet?: string;
  from?: string;
  to?: string;
  /** A topic id, or a name or spelling of one. */
  topic?: string;
}

/** One query word (or phrase): the terms that answer it (the word, and its near spellings when it is misspelt). */
interface QueryGroup {
  terms: string[];
  /** A quoted phrase: its words in order, each one term. */
  phrase?: string[];
}

/** A tsquery lexeme, quoted: the core's terms are letters and digits, but nothing is trusted. */
function lexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function tsqueryOf(groups: readonly QueryGroup[]): string {
  return groups
    .map((group) => (group.phrase ? `(${group.phrase.map(lexeme).join(' <-> ')})` : `(${group.terms.map(lexeme).join(' | ')})`))
    .join(' & ');
}

/** The query's words and phrases as index terms, the first `MAX_QUERY_WORDS` distinct ones. */
function queryGroups(query: string): { groups: QueryGroup[]; outlet?: string; topic?: string } {
  const parsed = parseSearchQuery(query);
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  let words = 0;
  for (const word of parsed.terms) {
    for (const span of termSpans(word)) {
      if (seen.has(span.term) || words >= MAX_QUERY_WORDS) continue;
      seen.add(span.term);
      words++;
      groups.push({ terms: [span.term] });
    }
  }
  for (const phrase of parsed.phrases) {
    const terms = termSpans(phrase).map((span) => span.term).slice(0, Math.max(0, MAX_QUERY_WORDS - words));
    words += terms.length;
    if (terms.length === 1 && !seen.has(terms[0])) groups.push({ terms });
    else if (terms.length > 1) groups.push({ terms, phrase: terms });
  }
  return { groups, ...(parsed.outlet ? { outlet: parsed.outlet } : {}), ...(parsed.topic ? { topic: parsed.topic } : {}) };
}

/** Adds near spellings (trigram neighbours the core's misspelling rule accepts) to words the archive has never seen, or to all when `all`. */
async function addTypoNeighbours(sql: Database, groups: QueryGroup[], all: boolean): Promise<boolean> {
  const single = groups.filter((group) => !group.phrase && group.terms[0].length >= minTypoLength);
  if (single.length === 0) return false;
  const known = new Set((await sql<Array<{ term: string }>>`SELECT term FROM vocabulary WHERE term IN (SELECT json_array_elements_text(CAST(${JSON.stringify(single.map((group) => group.terms[0]))} AS text)::json))`).map((row) => row.term));
  let added = false;
  for (const group of single) {
    const word = group.terms[0];
    if (known.has(word) && !all) continue;
    const rows = await sql<Array<{ term: string }>>`
      SELECT term FROM vocabulary WHERE term % ${word} AND term <> ${word} ORDER BY term <-> ${word}, term LIMIT ${typoNeighbours * 4}`;
    const near = rows.map((row) => row.term).filter((term) => misspellingEdits(word, term) !== undefined).slice(0, typoNeighbours);
    if (near.length > 0) {
      group.terms.push(...near);
      added = true;
    }
  }
  return added;
}

/** The topic a `topic=` filter names: its id, or a name or spelling of it. */
async function topicIdFor(sql: Database, topic: string): Promise<string | undefined> {
  const [byId] = await sql<Array<{ id: string }>>`SELECT id FROM topics WHERE id = ${topic}`;
  if (byId) return byId.id;
  const key = keyOfTokens(normaliseTokens(topic));
  if (key === '') return undefined;
  const [byKey] = await sql<Array<{ topic_id: string }>>`SELECT topic_id FROM topic_keys WHERE key = ${key}`;
  return byKey?.topic_id;
}

interface HitRow {
  id: string;
  article_id: string;
  text: string;
  page: number | null;
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  score: number;
}

function validDate(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isCalendarDate(value)) throw new BadRequest(`${name} must be a date written YYYY-MM-DD.`);
  return value;
}

/** Cuts text to `max` UTF-16 units, never inside a surrogate pair. */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/** The passage's words that answer the query, each with the query word (group) it answers. */
function matchedSpans(text: string, groups: readonly QueryGroup[]): MatchedSpan[] {
  const groupOf = new Map<string, number>();
  groups.forEach((group, index) => {
    for (const term of group.terms) if (!groupOf.has(term)) groupOf.set(term, index);
  });
  const spans: MatchedSpan[] = [];
  for (const span of termSpans(text)) {
    const group = groupOf.get(span.term);
    if (group !== undefined) spans.push({ start: span.start, end: span.end, group });
  }
  return spans;
}

export async function searchArchive(sql: Database, request: ArchiveSearchRequest): Promise<ArchiveSearchResponse> {
  const limit = Math.max(1, Math.min(archiveLimits.maxSearchHits, Math.floor(request.limit)));
  const from = validDate(request.from, 'from');
  const to = validDate(request.to, 'to');
  const { groups, outlet: typedOutlet, topic: typedTopic } = queryGroups(request.q);
  if (groups.length === 0) return { hits: [], truncated: false };
  const outlet = request.outlet || typedOutlet;
  const topic = request.topic || typedTopic;
  let topicId: string | undefined;
  if (topic) {
    topicId = await topicIdFor(sql, topic);
    if (!topicId) return { hits: [], truncated: false };
  }
  await addTypoNeighbours(sql, groups, false);
  let found = await rankedHits(sql, tsqueryOf(groups), limit, { outlet, from, to, topicId });
  if (found.rows.length === 0 && (await addTypoNeighbours(sql, groups, true))) {
    // Full text found nothing: try the near spellings of every word, as the local index does for a misspelt query.
    found = await rankedHits(sql, tsqueryOf(groups), limit, { outlet, from, to, topicId });
  }
  const hits: ArchiveSearchHit[] = found.rows.slice(0, limit).map((row) => {
    const text = cutText(row.text, archiveLimits.maxHitTextLength);
    return {
      passageId: row.id,
      articleId: row.article_id,
      articleTitle: row.title,
      ...(row.outlet !== null ? { outlet: row.outlet } : {}),
      ...(row.date !== null ? { date: row.date } : {}),
      ...(row.url !== null ? { url: row.url } : {}),
      ...(row.page !== null ? { page: row.page } : {}),
      text,
      snippet: buildSnippet(row.text, matchedSpans(row.text, groups)),
      score: row.score,
    };
  });
  return { hits, truncated: found.rows.length > limit };
}

async function rankedHits(sql: Database, tsquery: string, limit: number, filters: { outlet?: string; from?: string; to?: string; topicId?: string }): Promise<{ rows: HitRow[] }> {
  const { outlet, from, to, topicId } = filters;
  const needsArticle = outlet !== undefined || from !== undefined || to !== undefined;
  // The tsquery is written out in both places (not taken from a CTE) so that, planned with its
  // value (`plan_cache_mode = force_custom_plan`), PostgreSQL's statistics of common lexemes
  // choose: the GIN index for a rare word, a scan that stops at the cap for a word in a fifth of
  // the passages (20 ms instead of 300 ms at 1,000,000 passages).
  const rows = await sql<HitRow[]>`
    SELECT m.id, m.article_id, m.text, m.page, a.title, a.outlet, to_char(a.date, 'YYYY-MM-DD') AS date, a.url,
      ts_rank_cd(m.tsv, to_tsquery('simple', ${tsquery}))::float8 AS score
    FROM (
      SELECT p.id, p.article_id, p.text, p.page, p.tsv
      FROM passages p ${needsArticle ? sql`JOIN articles fa ON fa.id = p.article_id` : sql``}
      WHERE p.tsv @@ to_tsquery('simple', ${tsquery})
        ${outlet !== undefined ? sql`AND lower(fa.outlet) = lower(${outlet})` : sql``}
        ${from !== undefined ? sql`AND fa.date >= ${from}::date` : sql``}
        ${to !== undefined ? sql`AND fa.date <= ${to}::date` : sql``}
        ${topicId !== undefined ? sql`AND EXISTS (SELECT 1 FROM topic_mentions tm WHERE tm.topic_id = ${topicId} AND tm.passage_id = p.id)` : sql``}
      LIMIT ${rankedCandidates}
    ) m JOIN articles a ON a.id = m.article_id
    ORDER BY score DESC, m.id
    LIMIT ${limit + 1}`;
  return { rows };
}

/** Whether the trie's rule for a one-word key lets these tokens match it (see `TopicTrie.accepts`). */
function acceptsSingleWord(row: { caps_only: boolean; lowercase_ok: boolean }, token: NormalToken): boolean {
  if (row.caps_only) return token.allCaps;
  return row.lowercase_ok || token.isCode || !token.lowercase;
}

interface KeyRow {
  key: string;
  topic_id: string;
  word_count: number;
  from_alias: boolean;
  lowercase_ok: boolean;
  caps_only: boolean;
  card: StoredCard;
  seen_spellings: string[];
  source_count: number;
}

/**
 * The hover card for a term: the topic the core's trie keys name (exact, variant or alias, as a
 * local hover says), else a plausible misspelling of a topic's name of as many words (fuzzy,
 * "closest match for"), with at most `limit` passages.
 */
export async function lookupTopicCard(sql: Database, term: string, limit: number): Promise<ArchiveTopicCard | null> {
  const max = Math.max(1, Math.min(archiveLimits.maxCardPassages, Math.floor(limit)));
  let tokens = normaliseTokens(term);
  if (tokens.length > 1 && tokens[0].norm === 'the') tokens = tokens.slice(1);
  if (tokens.length === 0) return null;
  const key = keyOfTokens(tokens);
  const [exact] = await sql<KeyRow[]>`
    SELECT k.key, k.topic_id, k.word_count, k.from_alias, k.lowercase_ok, k.caps_only, t.card, t.seen_spellings, t.source_count
    FROM topic_keys k JOIN topics t ON t.id = k.topic_id WHERE k.key = ${key}`;
  if (exact && (tokens.length > 1 || acceptsSingleWord(exact, tokens[0]))) {
    const surface = withoutInvisibleCharacters(term.trim()).replace(/['’ʼ]s$/u, '');
    const quality: TopicCard['matchQuality'] = exact.seen_spellings.includes(surface) ? 'exact' : exact.from_alias ? 'alias' : 'variant';
    return cardWith(exact.card, max, { matchQuality: quality });
  }
  // A misspelling: names of as many words, each word a plausible slip of the writer's (the core's rule).
  const candidates = await sql<KeyRow[]>`
    SELECT k.key, k.topic_id, k.word_count, k.from_alias, k.lowercase_ok, k.caps_only, t.card, t.seen_spellings, t.source_count
    FROM topic_keys k JOIN topics t ON t.id = k.topic_id
    WHERE k.key % ${key} AND k.word_count = ${tokens.length}
    ORDER BY similarity(k.key, ${key}) DESC, t.source_count DESC, k.key LIMIT 20`;
  let best: { row: KeyRow; edits: number } | undefined;
  for (const row of candidates) {
    const words = row.key.split(' ');
    let edits = 0;
    for (let i = 0; i < words.length && edits !== undefined; i++) {
      const slip = misspellingEdits(i === words.length - 1 ? tokens[i].singular : tokens[i].norm, words[i]);
      edits = slip === undefined ? Number.NaN : edits + slip;
    }
    if (Number.isNaN(edits) || edits === 0) continue;
    if (!best || edits < best.edits || (edits === best.edits && row.source_count > best.row.source_count)) best = { row, edits };
  }
  if (!best) return null;
  return cardWith(best.row.card, max, { matchQuality: 'fuzzy', closestMatchFor: term.trim() });
}

function cardWith(stored: StoredCard, max: number, match: Pick<TopicCard, 'matchQuality' | 'closestMatchFor'>): ArchiveTopicCard {
  // The card's passages are picked round-robin across sources, so its first `max` are the card a local hover of `max` passages shows.
  return { ...stored, ...match, passages: stored.passages.slice(0, max) };
}

/** An article as the "open passage" view needs it, or undefined when the archive has no such article. */
export async function fetchArticle(sql: Database, articleId: string): Promise<ArchiveArticle | undefined> {
  const [article] = await sql<Array<{ id: string; title: string; outlet: string | null; date: string | null; url: string | null }>>`
    SELECT id, title, outlet, to_char(date, 'YYYY-MM-DD') AS date, url FROM articles WHERE id = ${articleId}`;
  if (!article) return undefined;
  const passages = await sql<Array<{ id: string; text: string; page: number | null }>>`
    SELECT id, text, page FROM passages WHERE article_id = ${articleId} ORDER BY ordinal`;
  let text = '';
  const spans: ArchiveArticle['passages'] = [];
  for (const passage of passages) {
    if (text.length > 0) text += '\n\n';
    const start = text.length;
    text += passage.text;
    spans.push({ id: passage.id, start, end: text.length, ...(passage.page !== null ? { page: passage.page } : {}) });
  }
  return {
    id: article.id,
    title: article.title,
    ...(article.outlet !== null ? { outlet: article.outlet } : {}),
    ...(article.date !== null ? { date: article.date } : {}),
    ...(article.url !== null ? { url: article.url } : {}),
    text,
    passages: spans,
  };
}
