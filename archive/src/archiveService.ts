/**
 * Sourcebook Archive's HTTP service: JSON answers to the extension (both hosts) under the wire
 * contract of src/core/archive/archiveProtocol.ts. Every request but a CORS preflight needs a
 * bearer token (compared in constant time); requests are capped in size, query length and rate;
 * a database that is down or too slow answers 503 `database-unavailable` within a bounded time,
 * never a hang.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { archiveLimits, type ArchiveError, type ArchiveErrorCode } from '../../src/core/archive/archiveProtocol';
import { defaultStatementTimeoutMs, type Database } from './archiveDatabase';
import { archiveStatus, BadRequest, fetchArticle, lookupTopicCard, searchArchive } from './archiveQueries';

export interface ArchiveServiceOptions {
  /** A pool connected as the read-only role. */
  database: Database;
  /** The tokens that may use the service; at least one. */
  tokens: readonly string[];
  /** Web origins allowed to call the service from a browser (vscode.dev, code-server), exactly as the browser sends them. */
  allowOrigins?: readonly string[];
  /** Requests each client (token and address) may make per second, and in a burst. */
  ratePerSecond?: number;
  rateBurst?: number;
  /** How long a request may wait for the database before it is answered 503; a little over the statement time-out. */
  databaseWaitMs?: number;
  /** Called with a line about each failure the service answers 503 to (the database's own message). */
  logError?: (line: string) => void;
}

/** Passages on a hover card when the request does not say (the extension's default `sourcebook.hover.maxPassages`). */
const defaultCardPassages = 3;
const defaultSearchHits = 20;

const statusOf: Record<ArchiveErrorCode, number> = {
  'bad-request': 400,
  'query-too-long': 400,
  unauthorized: 401,
  'not-found': 404,
  'request-too-large': 413,
  'rate-limited': 429,
  'database-unavailable': 503,
};

class ServiceError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A token bucket per client: `ratePerSecond` refilled continuously, up to `burst`. */
class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}

  /** Milliseconds to wait before the client may ask again, or 0 when it may ask now. */
  take(client: string, now = Date.now()): number {
    let bucket = this.buckets.get(client);
    if (!bucket) {
      if (this.buckets.size > 50_000) this.prune(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(client, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.ratePerSecond) * 1000);
  }

  private prune(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond >= this.burst) this.buckets.delete(client);
    }
  }
}

/** Errors that mean the database is not there or not answering in time: answered 503. */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return true;
  // 57014: statement time-out; 57P0x: shut down; 08xxx: connection; 53xxx: out of resources.
  return code === '57014' || code.startsWith('57P') || code.startsWith('08') || code.startsWith('53') || /^(ECONN|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|CONNECT_TIMEOUT|CONNECTION_)/.test(code);
}

export function createArchiveServer(options: ArchiveServiceOptions): Server {
  if (options.tokens.length === 0) throw new Error('Sourcebook Archive needs at least one token.');
  const tokenDigests = options.tokens.map(digest);
  const origins = new Set(options.allowOrigins ?? []);
  const limiter = new RateLimiter(options.ratePerSecond ?? 50, options.rateBurst ?? 100);
  const databaseWaitMs = options.databaseWaitMs ?? defaultStatementTimeoutMs + 1500;
  const logError = options.logError ?? ((line: string) => console.error(line));

  const server = createServer({ maxHeaderSize: archiveLimits.maxRequestBytes, requestTimeout: 15_000, headersTimeout: 10_000 }, (request, response) => {
    void handle(request, response).catch((error: unknown) => {
      logError(`Sourcebook Archive: unexpected failure: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) send(response, 503, errorBody('database-unavailable', 'The archive could not answer.'), request);
    });
  });
  server.keepAliveTimeout = 5000;
  // A request line or headers over the limit never reach the handler: answer 413 ourselves.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW' || error.code === 'HPE_URI_TOO_LONG';
    const body = JSON.stringify(tooLarge ? errorBody('request-too-large', `Requests are limited to ${archiveLimits.maxRequestBytes} bytes of address and headers.`) : errorBody('bad-request', 'The request could not be read.'));
    socket.end(`HTTP/1.1 ${tooLarge ? '413 Payload Too Large' : '400 Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });

  function corsHeaders(request: IncomingMessage): Record<string, string> {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !origins.has(origin)) return {};
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  function send(response: ServerResponse, status: number, body: unknown, request: IncomingMessage, extra: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...corsHeaders(request),
      ...extra,
    });
    response.end(text);
  }

  function authorised(request: IncomingMessage): boolean {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
    if (!match) return false;
    const presented = digest(match[1]);
    let ok = false;
    for (const expected of tokenDigests) ok = timingSafeEqual(presented, expected) || ok;
    return ok;
  }

  /** The database's answer, or a 503 when it fails or takes longer than `databaseWaitMs`. */
  async function fromDatabase<T>(work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ServiceError('database-unavailable', 'The archive database did not answer in time.')), databaseWaitMs);
    });
    try {
      return await Promise.race([work(), late]);
    } catch (error) {
      if (error instanceof ServiceError || error instanceof BadRequest) throw error;
      if (isDatabaseUnavailable(error)) {
        logError(`Sourcebook Archive: database unavailable: ${error instanceof Error ? error.message : String(error)}`);
        throw new ServiceError('database-unavailable', 'The archive database is unavailable; try again shortly.');
      }
      // The database refused what it was asked (a malformed value that slipped through): the request's fault.
      throw new BadRequest('The archive could not read that request.');
    } finally {
      clearTimeout(timer);
    }
  }

  function textParameter(url: URL, name: string, required: boolean): string | undefined {
    const value = url.searchParams.get(name);
    if (value === null || value.trim() === '') {
      if (required) throw new BadRequest(`The "${name}" parameter is missing.`);
      return undefined;
    }
    if (value.length > archiveLimits.maxQueryLength) throw new ServiceError('query-too-long', `"${name}" is limited to ${archiveLimits.maxQueryLength} characters.`);
    return value;
  }

  function limitParameter(url: URL, fallback: number, max: number): number {
    const value = url.searchParams.get('limit');
    if (value === null || value === '') return fallback;
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new BadRequest('"limit" must be a positive whole number.');
    return Math.min(max, Number(value));
  }

  async function route(url: URL): Promise<[number, unknown]> {
    const path = url.pathname;
    if (path === '/v1/status') return [200, await fromDatabase(() => archiveStatus(options.database))];
    if (path === '/v1/search') {
      const q = textParameter(url, 'q', true)!;
      const request = {
        q,
        limit: limitParameter(url, defaultSearchHits, archiveLimits.maxSearchHits),
        outlet: textParameter(url, 'outlet', false),
        from: textParameter(url, 'from', false),
        to: textParameter(url, 'to', false),
        topic: textParameter(url, 'topic', false),
      };
      return [200, await fromDatabase(() => searchArchive(options.database, request))];
    }
    if (path === '/v1/topic') {
      const term = textParameter(url, 'term', true)!;
      const limit = limitParameter(url, defaultCardPassages, archiveLimits.maxCardPassages);
      return [200, { card: await fromDatabase(() => lookupTopicCard(options.database, term, limit)) }];
    }
    const articleMatch = /^\/v1\/articles\/([^/]+)$/.exec(path);
    if (articleMatch) {
      let id: string;
      try {
        id = decodeURIComponent(articleMatch[1]);
      } catch {
        throw new BadRequest('The article id is not a valid URL component.');
      }
      if (id.length > archiveLimits.maxQueryLength) throw new ServiceError('query-too-long', `Article ids are limited to ${archiveLimits.maxQueryLength} characters.`);
      const article = await fromDatabase(() => fetchArticle(options.database, id));
      if (!article) throw new ServiceError('not-found', 'The archive has no article with that id.');
      return [200, { article }];
    }
    throw new ServiceError('not-found', 'No such route; see /v1/status, /v1/search, /v1/topic and /v1/articles/<id>.');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // There are no request bodies: anything sent is not read.
    if (request.headers['content-length'] && request.headers['content-length'] !== '0') {
      request.destroy();
      return;
    }
    if (request.method === 'OPTIONS') {
      const allowed = Object.keys(corsHeaders(request)).length > 0;
      response.writeHead(204, allowed ? { ...corsHeaders(request), 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Allow-Headers': 'Authorization', 'Access-Control-Max-Age': '600' } : {});
      response.end();
      return;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    const presented = typeof request.headers.authorization === 'string' ? digest(request.headers.authorization).toString('hex').slice(0, 16) : 'none';
    const wait = limiter.take(`${presented}|${address}`);
    if (wait > 0) {
      send(response, 429, errorBody('rate-limited', 'Too many requests; slow down.'), request, { 'Retry-After': String(Math.ceil(wait / 1000)) });
      return;
    }
    if (!authorised(request)) {
      send(response, 401, errorBody('unauthorized', 'A valid archive token is required (Authorization: Bearer <token>).'), request, { 'WWW-Authenticate': 'Bearer realm="sourcebook-archive"' });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 400, errorBody('bad-request', 'Only GET requests are answered.'), request, { Allow: 'GET, OPTIONS' });
      return;
    }
    try {
      const url = new URL(request.url ?? '/', 'http://archive.invalid');
      const [status, body] = await route(url);
      send(response, status, body, request);
    } catch (error) {
      if (error instanceof ServiceError) send(response, statusOf[error.code], errorBody(error.code, error.message), request);
      else if (error instanceof BadRequest) send(response, 400, errorBody('bad-request', error.message), request);
      else throw error;
    }
  }

  return server;
}

function errorBody(error: ArchiveErrorCode, message: string): ArchiveError {
  return { error, message };
}
