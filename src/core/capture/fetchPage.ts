import * as l10n from '@vscode/l10n';
import { decodeBytes } from '../ingest/decodeBytes';

/** How far a page fetch may go. */
export interface FetchLimits {
  /** From the request to the last byte of the body. */
  timeoutMs: number;
  /** The body is read up to this many bytes and cut there. */
  maxBytes: number;
  /** Redirects followed before giving up (a loop is caught at once). */
  maxRedirects: number;
  /** A PDF or Word file is read whole up to this many bytes; a longer one is refused (a cut file is unreadable). */
  maxDocumentBytes: number;
}

export const defaultFetchLimits: FetchLimits = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, maxDocumentBytes: 50 * 1024 * 1024 };

/** Why a page could not be fetched; `message` is the one sentence the writer is shown. */
export type FetchFailureKind =
  | 'bad-address'
  | 'timeout'
  | 'cancelled'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status'
  | 'not-html'
  /** A PDF or Word file longer than `maxDocumentBytes`. */
  | 'too-large'
  | 'unreachable'
  /** In a browser (vscode.dev), a fetch that fails without a status: most often CORS. */
  | 'browser-blocked'
  | 'empty';

export type FetchOutcome =
  | { ok: true; page: FetchedPage; document?: undefined }
  | { ok: true; document: FetchedDocument; page?: undefined }
  | { ok: false; kind: FetchFailureKind; message: string; status?: number; contentType?: string };

export interface FetchedPage {
  /** The address the page was read from, after redirects. */
  url: string;
  html: string;
  contentType: string;
  /** Bytes read (at most `maxBytes`). */
  bytes: number;
  /** True when the body was longer than `maxBytes` and was cut. */
  truncated: boolean;
  redirects: number;
}

/** A PDF or Word file the address served, read whole, to be saved as a source file. */
export interface FetchedDocument {
  /** The address the file was read from, after redirects. */
  url: string;
  kind: DocumentKind;
  bytes: Uint8Array;
  redirects: number;
}

/** The document files a source folder reads (their file extension). */
export type DocumentKind = 'pdf' | 'docx';

const documentTypes: Record<string, DocumentKind> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** Types a server sends for any file: the address and the first bytes then decide. */
const genericTypes = new Set(['application/octet-stream', 'binary/octet-stream', 'application/download', 'application/force-download']);

export interface FetchPageOptions {
  limits?: Partial<FetchLimits>;
  /** The writer's cancel button. */
  signal?: AbortSignal;
  /** The platform's `fetch` (node 20 and browsers have one); tests pass their own. */
  fetch?: typeof fetch;
  /**
   * True in a browser (the web-worker extension host): redirects are then followed by the
   * browser (a manual redirect is opaque there), and a failure without a status is reported as
   * the browser's refusal (CORS), which is what it nearly always is.
   */
  inBrowser?: boolean;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const htmlTypes = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Fetches a web page for capture, within limits: http and https only; no cookies, credentials
 * or referrer sent (`credentials: 'omit'`, no auth header, an address with a user name is
 * refused); a time-out over the whole exchange; redirects counted and a loop caught (in node,
 * where `redirect: 'manual'` shows each hop; a browser follows them itself and reports too many
 * as a network error); the body streamed and cut at `maxBytes`; anything but HTML refused with
 * its content type. Never throws and never hangs past the time-out: every failure is an
 * outcome with a sentence for the writer.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchOutcome> {
  const limits = { ...defaultFetchLimits, ...options.limits };
  const start = checkAddress(address);
  if (typeof start === 'string') return { ok: false, kind: 'bad-address', message: start };
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') return { ok: false, kind: 'unreachable', message: l10n.t('This editor offers no way to fetch web pages.') };

  const controller = new AbortController();
  let stoppedBy: 'timeout' | 'cancelled' | undefined;
  const timer = setTimeout(() => {
    stoppedBy ??= 'timeout';
    controller.abort();
  }, limits.timeoutMs);
  const cancel = () => {
    stoppedBy ??= 'cancelled';
    controller.abort();
  };
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel);
  const stopped = (): FetchOutcome | undefined => {
    if (stoppedBy === 'timeout') return { ok: false, kind: 'timeout', message: l10n.t('{0} did not send the page within {1}.', start.host, seconds(limits.timeoutMs)) };
    if (stoppedBy === 'cancelled') return { ok: false, kind: 'cancelled', message: l10n.t('Cancelled.') };
    return undefined;
  };

  let current = start;
  const visited = new Set([current.href]);
  let redirects = 0;
  let manual = !options.inBrowser;
  try {
    for (;;) {
      const response = await fetchImpl(current.href, {
        method: 'GET',
        redirect: manual ? 'manual' : 'follow',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        // At most 128 characters: a longer `accept` is no longer CORS-safelisted and a browser sends a preflight most sites refuse.
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.8,*/*;q=0.1' },
        signal: controller.signal,
      });
      if (response.type === 'opaqueredirect') {
        // A browser hides manual redirects: let it follow them itself.
        manual = false;
        continue;
      }
      if (manual && redirectStatuses.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        const next = location ? resolveRedirect(location, current) : undefined;
        if (!next) return { ok: false, kind: 'http-status', status: response.status, message: l10n.t('{0} answered {1} (a redirect) without a valid http(s) address to go to.', current.host, response.status) };
        redirects++;
        if (visited.has(next.href)) return { ok: false, kind: 'redirect-loop', message: l10n.t('{0} redirects in a loop (back to {1}).', start.href, next.href) };
        if (redirects > limits.maxRedirects) return { ok: false, kind: 'too-many-redirects', message: l10n.t('{0} redirected more than {1} times.', start.href, limits.maxRedirects) };
        visited.add(next.href);
        current = next;
        continue;
      }
      return await readBody(response, current, redirects, limits, stopped);
    }
  } catch (error) {
    return stopped() ?? networkFailure(error, current, options.inBrowser === true);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** The address as a URL when Sourcebook may fetch it, else why not. */
export function checkAddress(address: string): URL | string {
  const trimmed = address.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return l10n.t('“{0}” is not a web address: it must start with http:// or https://.', shorten(trimmed));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return l10n.t('Only http:// and https:// pages can be added, not {0} addresses.', url.protocol);
  if (url.username || url.password) return l10n.t('The address carries a user name or password; Sourcebook never sends credentials.');
  if (!url.hostname) return l10n.t('“{0}” names no host.', shorten(trimmed));
  return url;
}

async function readBody(response: Response, url: URL, redirects: number, limits: FetchLimits, stopped: () => FetchOutcome | undefined): Promise<FetchOutcome> {
  const finalUrl = response.url && /^https?:/.test(response.url) ? response.url : url.href;
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, kind: 'http-status', status: response.status, message: l10n.t('{0} answered {1} for {2}.', url.host, status, finalUrl) };
  }
  const contentType = response.headers.get('content-type') ?? '';
  const mime = contentType.split(';')[0].trim().toLowerCase();
  const document = documentTypes[mime] ?? (genericTypes.has(mime) || !mime ? documentKindOfAddress(finalUrl) : undefined);
  if (document) return readDocument(response, document, finalUrl, redirects, limits, stopped);
  if (mime && !htmlTypes.has(mime)) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, kind: 'not-html', contentType: mime, message: l10n.t('{0} is not a web page ({1}); only HTML pages, PDF and Word files can be added.', finalUrl, mime) };
  }
  const { bytes, truncated } = await readCapped(response, limits.maxBytes);
  const halted = stopped();
  if (halted) return halted;
  if (!mime && !looksLikeHtml(bytes)) return { ok: false, kind: 'not-html', message: l10n.t('{0} did not say what it sent, and it does not look like a web page.', finalUrl) };
  const html = decodeHtml(bytes, contentType);
  if (html === undefined) return { ok: false, kind: 'not-html', contentType: mime, message: l10n.t('{0} sent bytes that are not readable text.', finalUrl) };
  if (!html.trim()) return { ok: false, kind: 'empty', message: l10n.t('{0} sent an empty page.', finalUrl) };
  return { ok: true, page: { url: finalUrl, html, contentType: mime || 'text/html', bytes: bytes.length, truncated, redirects } };
}

/** A PDF or Word file, read whole and checked by its first bytes (a server's type can be wrong). */
async function readDocument(response: Response, kind: DocumentKind, url: string, redirects: number, limits: FetchLimits, stopped: () => FetchOutcome | undefined): Promise<FetchOutcome> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxDocumentBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, kind: 'too-large', message: kind === 'pdf' ? l10n.t('{0} is a PDF of {1}, over the {2} Sourcebook reads from the web; download it into a source folder instead.', url, megabytes(declared), megabytes(limits.maxDocumentBytes)) : l10n.t('{0} is a Word file of {1}, over the {2} Sourcebook reads from the web; download it into a source folder instead.', url, megabytes(declared), megabytes(limits.maxDocumentBytes)) };
  }
  const { bytes, truncated } = await readCapped(response, limits.maxDocumentBytes);
  const halted = stopped();
  if (halted) return halted;
  if (truncated) return { ok: false, kind: 'too-large', message: kind === 'pdf' ? l10n.t('{0} is a PDF of more than {1}, over what Sourcebook reads from the web; download it into a source folder instead.', url, megabytes(limits.maxDocumentBytes)) : l10n.t('{0} is a Word file of more than {1}, over what Sourcebook reads from the web; download it into a source folder instead.', url, megabytes(limits.maxDocumentBytes)) };
  if (bytes.length === 0) return { ok: false, kind: 'empty', message: l10n.t('{0} sent an empty file.', url) };
  if (!hasDocumentSignature(bytes, kind)) return { ok: false, kind: 'not-html', message: kind === 'pdf' ? l10n.t('{0} is said to be a PDF, but its bytes are not one.', url) : l10n.t('{0} is said to be a Word file, but its bytes are not one.', url) };
  return { ok: true, document: { url, kind, bytes, redirects } };
}

/** `pdf` or `docx` when the address's path ends so (for a server that says only "octet-stream"). */
export function documentKindOfAddress(url: string): DocumentKind | undefined {
  try {
    const match = /\.(pdf|docx)$/i.exec(new URL(url).pathname);
    return match ? (match[1].toLowerCase() as DocumentKind) : undefined;
  } catch {
    return undefined;
  }
}

/** A PDF has `%PDF-` in its first kilobyte; a .docx is a zip (`PK\x03\x04`). */
function hasDocumentSignature(bytes: Uint8Array, kind: DocumentKind): boolean {
  if (kind === 'docx') return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
}

function megabytes(bytes: number): string {
  return bytes < 1048576 ? `${Math.round(bytes / 1024)} KB` : `${Math.round(bytes / 1048576)} MB`;
}

/** Reads the body as a stream, stopping (and cancelling the rest) at `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(0), truncated: false };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - total;
    if (value.length >= room) {
      chunks.push(value.subarray(0, room));
      total += room;
      truncated = value.length > room || !(await reader.read().then((next) => next.done, () => true));
      if (truncated) await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    total += value.length;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, truncated };
}

/** The charset the server names, else what the bytes say (BOM, `<meta charset>`, UTF-8, a guess). */
function decodeHtml(bytes: Uint8Array, contentType: string): string | undefined {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: the bytes decide below.
    }
  }
  const decoded = decodeBytes(bytes);
  if (decoded.ok) return decoded.text;
  return decoded.reason === 'binary' ? undefined : new TextDecoder('utf-8').decode(bytes);
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  return /^<(!doctype html|html|head|body|meta|title|!--|p|div|article|main|section|h1)\b/.test(head);
}

function resolveRedirect(location: string, from: URL): URL | undefined {
  try {
    const next = new URL(location, from);
    return (next.protocol === 'http:' || next.protocol === 'https:') && !next.username && !next.password ? next : undefined;
  } catch {
    return undefined;
  }
}

function networkFailure(error: unknown, url: URL, inBrowser: boolean): FetchOutcome {
  if (inBrowser) {
    return {
      ok: false,
      kind: 'browser-blocked',
      message: l10n.t('{0} could not be read from VS Code for the Web: most sites do not let a browser page read theirs (CORS), and the site may also be unreachable or redirect in a loop. Copy the page\'s HTML and use “Paste HTML as Source...” instead.', url.host),
    };
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = code ?? (typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error));
  const message = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? l10n.t('{0} could not be found ({1}).', url.host, detail) : code === 'ECONNREFUSED' ? l10n.t('{0} refused the connection ({1}).', url.host, detail) : l10n.t('{0} could not be reached ({1}).', url.host, detail);
  return { ok: false, kind: 'unreachable', message };
}

function seconds(millis: number): string {
  const value = millis % 1000 === 0 ? String(millis / 1000) : (millis / 1000).toFixed(1);
  return value === '1' ? l10n.t('1 second') : l10n.t('{0} seconds', value);
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
