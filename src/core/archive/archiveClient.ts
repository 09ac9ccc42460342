import * as l10n from '@vscode/l10n';
import { readArticle, readSearch, readStatus, readTopic, type ReadAnswer } from './archiveAnswers';
import { archiveLimits, type ArchiveArticle, type ArchiveErrorCode, type ArchiveSearchHit, type ArchiveStatus, type ArchiveTopicCard } from './archiveProtocol';

/**
 * How the archive looks from here, after the last exchange with it:
 * - `connected`: it answered as a Sourcebook Archive of our protocol version;
 * - `unauthorized`: it refused the token;
 * - `unreachable`: no answer (no network, refused connection, dropped connection, CORS, or the
 *   service says its database is down);
 * - `too-slow`: no full answer within the call's deadline;
 * - `incompatible`: it answered, but not as this client understands (another protocol version,
 *   malformed JSON, an answer over the size cap).
 */
export type ArchiveState = 'connected' | 'unauthorized' | 'unreachable' | 'too-slow' | 'incompatible';

/** The state with its one-sentence detail for the writer (a tooltip, a notification). */
export interface ArchiveConnection {
  state: ArchiveState;
  detail: string;
  /** The last status the archive sent, kept while it is unreachable (the tooltip says what was there). */
  status?: ArchiveStatus;
}

/** A call's outcome: a value read from the answer (with the records dropped as malformed), or why there is none. */
export type ArchiveOutcome<Value> =
  | { ok: true; value: Value; dropped: number }
  | { ok: false; state: ArchiveState; message: string; code?: ArchiveErrorCode };

export interface ArchiveClientOptions {
  /** The service's address (`https://archive.newsroom.example/`); paths are resolved under it. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` on every request. */
  token: string;
  /** The platform's `fetch` (node 20 and the web worker have one); tests may pass their own. */
  fetch?: typeof fetch;
  /** A call with no deadline of its own gives up after this long. */
  timeoutMs?: number;
  /** An answer longer than this is not read on (the protocol's answers are far smaller). */
  maxAnswerBytes?: number;
  /** After the archive was unreachable or too slow, calls other than `status` fail at once for this long, so hovers do not each wait on a dead service. */
  retryAfterMs?: number;
  /** Milliseconds since some epoch (tests move it). */
  now?: () => number;
}

/** Per-call options. */
export interface ArchiveCallOptions {
  /** Gives up after this long (capped by nothing: a hover may pass 2 s, a status check 5 s). */
  deadlineMs?: number;
  signal?: AbortSignal;
}

export interface ArchiveSearchOptions extends ArchiveCallOptions {
  limit?: number;
  outlet?: string;
  from?: string;
  to?: string;
  topic?: string;
}

/** Statuses whose answer changes the connection's state; the rest (400, 404, 413, 429) are about one request. */
const stateOfStatus: Partial<Record<number, ArchiveState>> = { 401: 'unauthorized', 403: 'unauthorized', 502: 'unreachable', 503: 'unreachable', 504: 'unreachable' };

const errorCodes = new Set<ArchiveErrorCode>(['bad-request', 'query-too-long', 'unauthorized', 'not-found', 'request-too-large', 'rate-limited', 'database-unavailable']);

class AnswerTooLarge extends Error {}

/**
 * The extension's side of Sourcebook Archive. Pure: global `fetch` and `AbortController` only,
 * so it runs in node and in the web worker extension host. Every call has a deadline, every
 * answer is read as untrusted (see `archiveAnswers`), and every failure is an outcome, never a
 * throw. Listeners hear of the connection's state only when it changes, not on every call.
 */
export class ArchiveClient {
  private readonly base: URL;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly timeoutMs: number;
  private readonly maxAnswerBytes: number;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  private current: ArchiveConnection | undefined;
  private quietUntil = 0;
  private readonly listeners = new Set<(connection: ArchiveConnection) => void>();

  constructor(private readonly options: ArchiveClientOptions) {
    const base = archiveAddress(options.url);
    if (typeof base === 'string') throw new Error(base);
    if (!isUsableToken(options.token)) throw new Error(l10n.t('The archive token must be printable ASCII without spaces.'));
    this.base = base;
    this.fetchImpl = options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.maxAnswerBytes = options.maxAnswerBytes ?? 4 * 1024 * 1024;
    this.retryAfterMs = options.retryAfterMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  /** The address calls go to, for messages. */
  get address(): string {
    return this.base.href;
  }

  /** The state after the last exchange; undefined before any. */
  get connection(): ArchiveConnection | undefined {
    return this.current;
  }

  /** Calls `listener` each time the state changes (not when it stays the same); returns the unsubscribe. */
  onDidChangeState(listener: (connection: ArchiveConnection) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the archive what it holds; checks it is a Sourcebook Archive of our protocol version. Always goes to the network. */
  async status(options: ArchiveCallOptions = {}): Promise<ArchiveOutcome<ArchiveStatus>> {
    const answer = await this.request(['v1', 'status'], {}, options, true);
    if (!answer.ok) return answer;
    const status = readStatus(answer.value);
    if ('incompatible' in status) return this.fail('incompatible', l10n.t('{0} is not a Sourcebook Archive this version can use ({1}).', this.base.host, status.incompatible));
    this.succeed(status);
    return { ok: true, value: status, dropped: 0 };
  }

  /** Ranked passages for a query, at most `limit` (and never more than the protocol allows). */
  async search(query: string, options: ArchiveSearchOptions = {}): Promise<ArchiveOutcome<{ hits: ArchiveSearchHit[]; truncated: boolean }>> {
    const limit = clampLimit(options.limit ?? 20, archiveLimits.maxSearchHits);
    const parameters: Record<string, string> = { q: query.slice(0, archiveLimits.maxQueryLength), limit: String(limit) };
    for (const key of ['outlet', 'from', 'to', 'topic'] as const) {
      const value = options[key];
      if (value) parameters[key] = value.slice(0, archiveLimits.maxQueryLength);
    }
    return this.read(['v1', 'search'], parameters, options, (value) => readSearch(value, limit));
  }

  /** The archive's hover card for a term (null when it knows no such topic), with at most `limit` passages. */
  async topic(term: string, options: ArchiveCallOptions & { limit?: number } = {}): Promise<ArchiveOutcome<ArchiveTopicCard | null>> {
    if (term.length > archiveLimits.maxQueryLength) return { ok: true, value: null, dropped: 0 };
    const limit = clampLimit(options.limit ?? 5, archiveLimits.maxCardPassages);
    return this.read(['v1', 'topic'], { term, limit: String(limit) }, options, (value) => readTopic(value, limit));
  }

  /** One article, to open a passage in; `not-found` (state unchanged) when the archive has no such article. */
  async article(articleId: string, options: ArchiveCallOptions = {}): Promise<ArchiveOutcome<ArchiveArticle>> {
    if (!/^[A-Za-z0-9_.:-]{1,200}$/.test(articleId)) return { ok: false, state: this.current?.state ?? 'connected', code: 'bad-request', message: l10n.t('That is not an archive article id.') };
    return this.read(['v1', 'articles', articleId], {}, options, readArticle);
  }

  private async read<Value>(path: string[], parameters: Record<string, string>, options: ArchiveCallOptions, reader: (value: unknown) => ReadAnswer<Value> | undefined): Promise<ArchiveOutcome<Value>> {
    const answer = await this.request(path, parameters, options, false);
    if (!answer.ok) return answer;
    const read = reader(answer.value);
    if (!read) return this.fail('incompatible', l10n.t('{0} sent an answer of the wrong shape.', this.base.host));
    this.succeed();
    return { ok: true, value: read.value, dropped: read.dropped };
  }

  private async request(path: string[], parameters: Record<string, string>, options: ArchiveCallOptions, always: boolean): Promise<ArchiveOutcome<unknown>> {
    const quiet = !always && this.now() < this.quietUntil && this.current;
    if (quiet && this.current) return { ok: false, state: this.current.state, message: this.current.detail };
    if (!this.fetchImpl) return this.fail('unreachable', l10n.t('This editor offers no way to reach the archive.'));
    const url = new URL(path.map(encodeURIComponent).join('/'), this.base);
    for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
    if (url.href.length > archiveLimits.maxRequestBytes / 2) return { ok: false, state: this.current?.state ?? 'connected', code: 'request-too-large', message: l10n.t('The request is too long for the archive.') };

    const deadlineMs = options.deadlineMs ?? this.timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, deadlineMs);
    const cancel = () => controller.abort();
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel);
    try {
      const response = await this.fetchImpl(url.href, {
        method: 'GET',
        headers: { authorization: `Bearer ${this.options.token}`, accept: 'application/json' },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'error',
        signal: controller.signal,
      });
      const body = await readCapped(response, this.maxAnswerBytes);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        if (!response.ok) return this.failStatus(response.status, undefined);
        return this.fail('incompatible', l10n.t('{0} sent an answer that is not JSON.', this.base.host));
      }
      if (!response.ok) return this.failStatus(response.status, parsed);
      return { ok: true, value: parsed, dropped: 0 };
    } catch (error) {
      if (timedOut) return this.fail('too-slow', l10n.t('{0} did not answer within {1} ms.', this.base.host, deadlineMs));
      if (options.signal?.aborted) return { ok: false, state: this.current?.state ?? 'connected', message: l10n.t('Cancelled.') };
      if (error instanceof AnswerTooLarge) return this.fail('incompatible', l10n.t('{0} sent an answer over {1} bytes; it was not read.', this.base.host, this.maxAnswerBytes));
      return this.fail('unreachable', l10n.t('{0} cannot be reached ({1}).', this.base.host, networkReason(error)));
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', cancel);
    }
  }

  private failStatus(status: number, body: unknown): ArchiveOutcome<never> {
    const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
    const code = typeof error === 'string' && errorCodes.has(error as ArchiveErrorCode) ? (error as ArchiveErrorCode) : undefined;
    const state = code === 'unauthorized' ? 'unauthorized' : code === 'database-unavailable' ? 'unreachable' : stateOfStatus[status];
    if (state === 'unauthorized') return this.fail(state, l10n.t('{0} refused the token (HTTP {1}).', this.base.host, status));
    if (state === 'unreachable') return this.fail(state, code === 'database-unavailable' ? l10n.t('{0} answers, but its database is unavailable.', this.base.host) : l10n.t('{0} is unavailable (HTTP {1}).', this.base.host, status));
    const message = code === 'not-found' ? l10n.t('The archive has no such article.') : code === 'rate-limited' ? l10n.t('The archive asks to slow down; try again in a moment.') : l10n.t('The archive refused the request (HTTP {0}).', status);
    return { ok: false, state: this.current?.state ?? 'connected', message, ...(code ? { code } : {}) };
  }

  private fail(state: ArchiveState, detail: string): ArchiveOutcome<never> {
    if (state === 'unreachable' || state === 'too-slow') this.quietUntil = this.now() + this.retryAfterMs;
    this.change({ state, detail, ...(this.current?.status ? { status: this.current.status } : {}) });
    return { ok: false, state, message: detail };
  }

  private succeed(status?: ArchiveStatus): void {
    this.quietUntil = 0;
    const known = status ?? this.current?.status;
    this.change({ state: 'connected', detail: known ? l10n.t('{0} passages in {1} articles', known.passages.toLocaleString('en-US'), known.articles.toLocaleString('en-US')) : this.base.host, ...(known ? { status: known } : {}) });
  }

  private change(next: ArchiveConnection): void {
    const changed = next.state !== this.current?.state;
    this.current = next;
    if (!changed) return;
    for (const listener of [...this.listeners]) listener(next);
  }
}

/** The archive's address as a URL ending in `/`, or why it cannot be one. */
export function archiveAddress(address: string): URL | string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return l10n.t('“{0}” is not an address: it must start with https:// (or http:// on this machine).', address.trim().slice(0, 80));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return l10n.t('The archive address must start with https:// (or http://), not {0}', url.protocol);
  if (url.username || url.password) return l10n.t('Put the token in “Connect to Archive”, not in the address.');
  // The token travels in every request: in clear text only to this machine.
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) return l10n.t('The archive at {0} must be reached over https:// (the token would travel in clear text); http:// is for an archive on this machine only.', url.host);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a token can be sent in a header: visible ASCII only (a header cannot carry more, and a pasted line break is a mistake). */
export function isUsableToken(token: string): boolean {
  return /^[\x21-\x7e]{1,4096}$/.test(token);
}

function clampLimit(limit: number, most: number): number {
  return Number.isFinite(limit) ? Math.max(1, Math.min(most, Math.floor(limit))) : most;
}

/** Reads a body as text up to `maxBytes`; a longer one (by its length header or as it streams) throws `AnswerTooLarge` and is not read on. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new AnswerTooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause ? String((cause as { code?: unknown }).code) : undefined;
  return (code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))).slice(0, 120);
}

export { articleIdOfPassage } from './archiveAnswers';
