/**
 * The wire contract between Sourcebook (the extension, in both hosts) and Sourcebook Archive
 * (the PostgreSQL-backed service in `archive/`). Plain data only: both sides import these types,
 * so a change here is a change to the protocol and bumps `archiveProtocolVersion`.
 *
 * Every request carries `Authorization: Bearer <token>`; every answer is JSON. Routes:
 * - `GET /v1/status` -> `ArchiveStatus`
 * - `GET /v1/search?q=&limit=&outlet=&from=&to=&topic=` -> `ArchiveSearchResponse`
 * - `GET /v1/topic?term=&limit=` -> `ArchiveTopicResponse` (the hover card, same shape as the local one)
 * - `GET /v1/articles/<articleId>` -> `ArchiveArticleResponse` (404 with `ArchiveError` when absent)
 * Errors are `ArchiveError` with the HTTP status that names them (400, 401, 404, 413, 429, 503).
 */
import type { HighlightedText } from '../model';
import type { TopicCard, TopicCardPassage } from '../present/topicCard';

export const archiveProtocolVersion = 1;

/** Caps the service enforces and the client respects (the client never asks for more). */
export const archiveLimits = {
  /** Longest query or hover term, in UTF-16 code units; longer is refused with 400 `query-too-long`. */
  maxQueryLength: 512,
  /** Most search hits per request. */
  maxSearchHits: 50,
  /** Most passages on one topic card. */
  maxCardPassages: 12,
  /** Largest request the service reads (URL and headers; there are no request bodies). */
  maxRequestBytes: 16 * 1024,
  /** Longest passage text sent back in a search hit (the snippet is cut from it). */
  maxHitTextLength: 2000,
} as const;

export interface ArchiveStatus {
  service: 'sourcebook-archive';
  protocolVersion: number;
  articles: number;
  passages: number;
  topics: number;
  /** When the last import finished (ISO 8601), or null before the first one. */
  updatedAt: string | null;
}

export interface ArchiveSearchHit {
  passageId: string;
  articleId: string;
  articleTitle: string;
  outlet?: string;
  /** ISO date (YYYY-MM-DD) when the article has one. */
  date?: string;
  /** The article's original address, when known. */
  url?: string;
  page?: number;
  /** The passage text, cut to `archiveLimits.maxHitTextLength`. */
  text: string;
  /** The passage around the best match, with the matched words marked. */
  snippet: HighlightedText;
  /** Higher is better; only comparable within one response. */
  score: number;
}

export interface ArchiveSearchResponse {
  hits: ArchiveSearchHit[];
  /** True when more passages matched than were sent. */
  truncated: boolean;
}

/**
 * A passage on an archive hover card: the local card passage, plus the archive article it is in
 * (sent by services since this field was added; an older service leaves it out, and the client
 * then reads the article from the passage id's `<articleId>.<hash>` form).
 */
export interface ArchiveCardPassage extends TopicCardPassage {
  articleId?: string;
}

/** A hover card from the archive: the local `TopicCard`, whose passage ids are archive passage ids. */
export interface ArchiveTopicCard extends Omit<TopicCard, 'passages'> {
  passages: ArchiveCardPassage[];
}

export interface ArchiveTopicResponse {
  card: ArchiveTopicCard | null;
}

export interface ArchiveArticle {
  id: string;
  title: string;
  outlet?: string;
  date?: string;
  url?: string;
  /** The article's cleaned text: its passages joined by blank lines. */
  text: string;
  /** Where each passage is in `text` (UTF-16 offsets). */
  passages: Array<{ id: string; start: number; end: number; page?: number }>;
}

export interface ArchiveArticleResponse {
  article: ArchiveArticle;
}

export type ArchiveErrorCode =
  | 'bad-request'
  | 'query-too-long'
  | 'unauthorized'
  | 'not-found'
  | 'request-too-large'
  | 'rate-limited'
  | 'database-unavailable';

export interface ArchiveError {
  error: ArchiveErrorCode;
  message: string;
}
