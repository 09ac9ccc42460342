/**
 * Topics for the archive as a whole, by the core's own code: the articles are read back from the
 * database, `buildTopics` finds the topics as it does for a writer's folder, and each visible
 * topic's hover card is built by `buildTopicCard` with the most passages a card may carry. The
 * refresh is incremental where it can be without changing a single card: each article's
 * candidate names were worked out when it was imported (`article_evidence`) and are read back
 * instead of being found again in its text, so the text is read for candidates only for the
 * articles imported since; the corpus-wide judging and the one pass that places every mention
 * still run over the whole archive, since one new source can change which names are topics.
 * Only topics whose card or keys changed are rewritten, and topics that are gone are deleted.
 */
import { createHash } from 'node:crypto';
import { archiveLimits, type ArchiveTopicCard } from '../../src/core/archive/archiveProtocol';
import type { Article, Passage, Topic } from '../../src/core/model';
import { buildTopicCard, type CardSource } from '../../src/core/present/topicCard';
import { emptyAliasTable, parseAliasFile } from '../../src/core/topics/aliasFile';
import { articleEvidence, buildTopics, type ArticleEvidence } from '../../src/core/topics/buildTopics';
import { withoutInvisibleCharacters } from '../../src/core/text/wordText';
import type { Database } from './archiveDatabase';
import { copyLine } from './copyText';

export interface TopicRefresh {
  topics: number;
  /** Articles whose candidate names were read back as kept, and those whose text had to be read for them (then kept). */
  evidenceKept: number;
  evidenceWorkedOut: number;
  written: number;
  removed: number;
  readMillis: number;
  buildMillis: number;
  writeMillis: number;
}

/** Sentences that exercise the candidate finder: names, titles, acronyms, codes, lists, quotes, hyphens. */
const finderProbe = [
  'Prime Minister Narendra Modi said on Monday that the S-400 deal with Russia would go ahead.',
  'The Association of Southeast Asian Nations (ASEAN) met in Jakarta, Kuala Lumpur and Bangkok.',
  'In Geneva, Lavrov told reporters the "Open Skies" treaty was dead; Russia-India ties were not.',
  'the government said US officials visited the Chennai-Vladivostok maritime route in 2019.',
];

let finderFingerprint: string | undefined;

/**
 * Which candidate finder wrote a piece of kept evidence: a hash of what the core's finder makes of
 * sentences that exercise it. A Sourcebook whose finder finds otherwise gets another name, so a
 * refresh does not trust evidence an older version kept.
 */
export function evidenceFinder(): string {
  if (finderFingerprint === undefined) {
    const passages: Passage[] = finderProbe.map((text, ordinal) => ({ id: `probe.${ordinal}`, articleId: 'probe', ordinal, text, range: { startLine: ordinal, startCharacter: 0, endLine: ordinal, endCharacter: text.length } }));
    const probe: Article = { id: 'probe', sourceUri: 'probe:', format: 'txt', meta: { title: 'probe' }, passages, droppedLines: [] };
    finderFingerprint = createHash('sha256').update(JSON.stringify(articleEvidence(probe))).digest('hex').slice(0, 16);
  }
  return finderFingerprint;
}

/** A card as stored: how a term matched is said per request; each passage names its article. */
export type StoredCard = Omit<ArchiveTopicCard, 'matchQuality' | 'closestMatchFor' | 'transliteratedFrom'>;

interface ArticleRow {
  id: string;
  source_uri: string;
  format: Article['format'];
  title: string;
  outlet: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  language: string | null;
  language_source: 'declared' | 'detected' | null;
}

interface PassageRow {
  id: string;
  article_id: string;
  ordinal: number;
  text: string;
  page: number | null;
  start_line: number;
  start_character: number;
  end_line: number;
  end_character: number;
}

/** An article row as the core's `Article` (metadata only where the source stated it). */
export function articleOfRow(row: ArticleRow, passages: Passage[]): Article {
  const meta: Article['meta'] = { title: row.title };
  if (row.outlet !== null) meta.outlet = row.outlet;
  if (row.author !== null) meta.author = row.author;
  if (row.date !== null) meta.date = row.date;
  if (row.url !== null) meta.url = row.url;
  if (row.language !== null) meta.language = row.language;
  if (row.language_source !== null) meta.languageSource = row.language_source;
  return { id: row.id, sourceUri: row.source_uri, format: row.format, meta, passages, droppedLines: [] };
}

export function passageOfRow(row: PassageRow): Passage {
  return {
    id: row.id,
    articleId: row.article_id,
    ordinal: row.ordinal,
    text: row.text,
    range: { startLine: row.start_line, startCharacter: row.start_character, endLine: row.end_line, endCharacter: row.end_character },
    ...(row.page !== null ? { page: row.page } : {}),
  };
}

/** Every article with its passages, in the order the files were imported (by file, then position). */
async function readArticles(sql: Database): Promise<Article[]> {
  const passagesByArticle = new Map<string, Passage[]>();
  await sql<PassageRow[]>`SELECT id, article_id, ordinal, text, page, start_line, start_character, end_line, end_character FROM passages ORDER BY article_id, ordinal`
    .cursor(20_000, (rows) => {
      for (const row of rows) {
        let list = passagesByArticle.get(row.article_id);
        if (!list) passagesByArticle.set(row.article_id, (list = []));
        list.push(passageOfRow(row));
      }
    });
  const articles: Article[] = [];
  await sql<ArticleRow[]>`SELECT id, source_uri, format, title, outlet, author, to_char(date, 'YYYY-MM-DD') AS date, url, language, language_source FROM articles ORDER BY source_uri, position`
    .cursor(20_000, (rows) => {
      for (const row of rows) articles.push(articleOfRow(row, passagesByArticle.get(row.id) ?? []));
    });
  return articles;
}

interface TopicRow {
  topic: Topic;
  card: StoredCard;
  seenSpellings: string[];
  keys: Array<{ key: string; wordCount: number; fromAlias: boolean; lowercaseOk: boolean; capsOnly: boolean }>;
  passageIds: string[];
  hash: string;
}

/** Rebuilds the archive's topics and writes what changed. */
export async function refreshTopics(sql: Database, log: (line: string) => void = () => undefined): Promise<TopicRefresh> {
  const readStart = performance.now();
  const [state] = await sql<Array<{ alias_file: string | null }>>`SELECT alias_file FROM archive_state`;
  const parsedAliases = state?.alias_file ? parseAliasFile(state.alias_file) : undefined;
  const aliasTable = parsedAliases?.ok ? parsedAliases.table : emptyAliasTable;
  const articles = await readArticles(sql);
  const evidence = new Map<string, ArticleEvidence>();
  await sql<Array<{ article_id: string; evidence: ArticleEvidence }>>`SELECT article_id, evidence FROM article_evidence WHERE finder = ${evidenceFinder()}`.cursor(20_000, (rows) => {
    for (const row of rows) evidence.set(row.article_id, row.evidence);
  });
  const readMillis = performance.now() - readStart;

  const buildStart = performance.now();
  // Articles imported before evidence was kept (or kept by another finder) have theirs worked out now, and kept for the next refresh.
  const workedOut = new Map<string, ArticleEvidence>();
  const built = buildTopics(articles, aliasTable, undefined, (article) => {
    const kept = evidence.get(article.id);
    if (kept) return kept;
    const found = articleEvidence(article);
    workedOut.set(article.id, found);
    return found;
  });
  const articlesById = new Map(articles.map((article) => [article.id, article]));
  const passagesById = new Map<string, Passage>();
  for (const article of articles) for (const passage of article.passages) passagesById.set(passage.id, passage);
  const source: CardSource = { article: (id) => articlesById.get(id), passage: (id) => passagesById.get(id) };
  const keysByTopic = new Map<string, TopicRow['keys']>();
  for (const { words, entry } of built.trie.keys()) {
    let list = keysByTopic.get(entry.topicId);
    if (!list) keysByTopic.set(entry.topicId, (list = []));
    list.push({ key: words.join(' '), wordCount: words.length, fromAlias: entry.fromAlias, lowercaseOk: entry.lowercaseOk, capsOnly: entry.capsOnly });
  }
  const rows = new Map<string, TopicRow>();
  for (const topic of built.topics) {
    if (built.hiddenIds.has(topic.id)) continue;
    const { matchQuality: _quality, ...plainCard } = buildTopicCard({ topic, start: 0, end: 0, quality: 'exact' }, source, archiveLimits.maxCardPassages);
    const card: StoredCard = { ...plainCard, passages: plainCard.passages.map(({ passageId, ...rest }) => ({ passageId, articleId: passagesById.get(passageId)?.articleId, ...rest })) };
    const seenSpellings = [...new Set(Object.values(topic.spellingsByArticle).flat().map((spelling) => withoutInvisibleCharacters(spelling)))].sort();
    const keys = (keysByTopic.get(topic.id) ?? []).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const passageIds = [...new Set(topic.mentions.map((mention) => mention.passageId))].sort();
    const hash = createHash('sha256').update(JSON.stringify([card, seenSpellings, keys, passageIds, topic.mentions.length])).digest('hex');
    rows.set(topic.id, { topic, card, seenSpellings, keys, passageIds, hash });
  }
  const buildMillis = performance.now() - buildStart;

  const writeStart = performance.now();
  const stored = new Map<string, string>();
  for (const row of await sql<Array<{ id: string; card_hash: string }>>`SELECT id, card_hash FROM topics`) stored.set(row.id, row.card_hash);
  const changed = [...rows.values()].filter((row) => stored.get(row.topic.id) !== row.hash);
  const removed = [...stored.keys()].filter((id) => !rows.has(id));
  await sql.begin(async (tx) => {
    if (workedOut.size > 0) {
      let evidenceRows = '';
      for (const [articleId, found] of workedOut) evidenceRows += copyLine([articleId, evidenceFinder(), JSON.stringify(found)]);
      await tx`DELETE FROM article_evidence WHERE article_id = ANY(${[...workedOut.keys()]})`;
      await copyRows(tx`COPY article_evidence (article_id, finder, evidence) FROM STDIN`, evidenceRows);
    }
    const gone = [...removed, ...changed.map((row) => row.topic.id)];
    if (gone.length > 0) await tx`DELETE FROM topics WHERE id = ANY(${gone})`;
    let topicRows = '';
    let keyRows = '';
    let mentionRows = '';
    // A key names one topic: the trie's first entry for it wins, so an unchanged topic may hold a key a changed one now claims.
    const claimed = changed.flatMap((row) => row.keys.map((key) => key.key));
    if (claimed.length > 0) await tx`DELETE FROM topic_keys WHERE key = ANY(${claimed})`;
    for (const row of changed) {
      topicRows += copyLine([row.topic.id, row.topic.name, row.topic.kind, row.topic.articleIds.length, row.topic.mentions.length, postgresArray(row.seenSpellings), JSON.stringify(row.card), row.hash]);
      for (const key of row.keys) keyRows += copyLine([key.key, row.topic.id, key.wordCount, key.fromAlias, key.lowercaseOk, key.capsOnly]);
      for (const passageId of row.passageIds) mentionRows += copyLine([row.topic.id, passageId]);
    }
    if (topicRows) await copyRows(tx`COPY topics (id, name, kind, source_count, mention_count, seen_spellings, card, card_hash) FROM STDIN`, topicRows);
    if (keyRows) await copyRows(tx`COPY topic_keys (key, topic_id, word_count, from_alias, lowercase_ok, caps_only) FROM STDIN`, keyRows);
    if (mentionRows) await copyRows(tx`COPY topic_mentions (topic_id, passage_id) FROM STDIN`, mentionRows);
  });
  const writeMillis = performance.now() - writeStart;
  log(`Topics: ${rows.size.toLocaleString('en-US')} (${changed.length.toLocaleString('en-US')} written, ${removed.length.toLocaleString('en-US')} removed); candidates of ${(articles.length - workedOut.size).toLocaleString('en-US')} article(s) kept, ${workedOut.size.toLocaleString('en-US')} found again; read ${(readMillis / 1000).toFixed(1)} s, built ${(buildMillis / 1000).toFixed(1)} s, wrote ${(writeMillis / 1000).toFixed(1)} s.`);
  return { topics: rows.size, evidenceKept: articles.length - workedOut.size, evidenceWorkedOut: workedOut.size, written: changed.length, removed: removed.length, readMillis, buildMillis, writeMillis };
}

/** A text[] literal for COPY: every element quoted, quotes and backslashes escaped. */
function postgresArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(',')}}`;
}

export async function copyRows(query: { writable(): Promise<NodeJS.WritableStream> }, rows: string): Promise<void> {
  const stream = await query.writable();
  await new Promise<void>((resolveWrite, rejectWrite) => {
    stream.on('error', rejectWrite);
    stream.on('finish', () => resolveWrite());
    stream.end(rows);
  });
}
