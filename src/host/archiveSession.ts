import * as vscode from 'vscode';
import { ArchiveCardCache } from '../core/archive/archiveCardCache';
import { ArchiveClient, archiveAddress, isUsableToken, type ArchiveConnection, type ArchiveOutcome } from '../core/archive/archiveClient';
import type { ArchiveArticle, ArchiveSearchHit, ArchiveStatus } from '../core/archive/archiveProtocol';
import type { Logger } from '../core/model';
import type { TopicCard } from '../core/present/topicCard';
import { readSettings } from './settings';

/** Where the archive's token is kept: VS Code's SecretStorage, never the settings. */
export const archiveTokenSecretKey = 'sourcebook.archive.token';

/** How long a hover waits for the archive's card before showing the local one alone. */
export const archiveHoverWaitMs = 150;

/** A card request's own deadline: a card that comes after the hover's wait is kept for the next hover. */
const cardDeadlineMs = 3000;
const searchDeadlineMs = 5000;
const articleDeadlineMs = 10_000;
const statusDeadlineMs = 5000;
/** How often the status bar's counts (and a lost archive's return) are checked. */
const statusPollMs = 60_000;
const cachedArticles = 8;

/**
 * The extension's connection to Sourcebook Archive: the address from the settings, the token
 * from SecretStorage, the client built from them, and what the hover and search need of it:
 * cards cached per term (a card that arrives after the hover's 150 ms shows on the next hover),
 * articles cached for opening passages. The writer is told once when the archive's state
 * changes for the worse, never on every hover; everything local works whatever the state.
 */
export class ArchiveSession implements vscode.Disposable {
  private client: ArchiveClient | undefined;
  private unsubscribeClient: (() => void) | undefined;
  private checking = false;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the connection's state or counts change, or it is connected or disconnected. */
  readonly onDidChange = this.changeEmitter.event;
  private cards: ArchiveCardCache | undefined;
  private readonly articles = new Map<string, Promise<ArchiveOutcome<ArchiveArticle>>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly poll: ReturnType<typeof setInterval>;
  private generation = 0;
  private latestReconnect: Promise<ArchiveOutcome<ArchiveStatus> | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly logger: Logger,
  ) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourcebook.archive')) void this.reconnect();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reconnect()),
      secrets.onDidChange((event) => {
        if (event.key === archiveTokenSecretKey) void this.reconnect();
      }),
    );
    this.poll = setInterval(() => void this.checkStatus(), statusPollMs);
  }

  /** The archive's address from the settings (user settings only in Restricted Mode), if any. */
  get url(): string | undefined {
    return readSettings().archiveUrl;
  }

  /** True when a client is built (an address and a token are known). */
  get active(): boolean {
    return this.client !== undefined;
  }

  /** The state after the last exchange with the archive, if a client is built and has spoken to it. */
  get connection(): ArchiveConnection | undefined {
    return this.client?.connection;
  }

  /** Whether the session is asking the archive for its status right now (on connect). */
  get isChecking(): boolean {
    return this.checking;
  }

  /**
   * Builds the client from the settings and the stored token, and asks the archive for its
   * status. Storing a token fires a change of its own, so reconnections overlap: one overtaken
   * by a newer one answers with the newer one's outcome.
   */
  reconnect(): Promise<ArchiveOutcome<ArchiveStatus> | undefined> {
    const generation = ++this.generation;
    const run = (async () => {
      const url = this.url;
      const token = url ? await this.secrets.get(archiveTokenSecretKey) : undefined;
      if (generation !== this.generation) return this.latestReconnect;
      this.replaceClient(url && token ? url : undefined, token);
      return this.checkStatus();
    })();
    this.latestReconnect = run;
    return run;
  }

  /** Keeps the token in SecretStorage and connects with it (the address is in the settings already). */
  async storeTokenAndConnect(token: string): Promise<ArchiveOutcome<ArchiveStatus> | undefined> {
    await this.secrets.store(archiveTokenSecretKey, token);
    return this.reconnect();
  }

  /** Forgets the token and drops the client: hovers and search are local only. */
  async disconnect(): Promise<void> {
    this.generation++;
    this.latestReconnect = Promise.resolve(undefined);
    this.replaceClient(undefined, undefined);
    await this.secrets.delete(archiveTokenSecretKey);
  }

  /**
   * The archive's card for a term: from the cache at once, else waited for at most `waitMs`
   * (undefined when it is not there by then; it is cached when it comes). Null when the archive
   * knows no such topic; undefined when it could not say.
   */
  async cardFor(term: string, limit: number, waitMs = archiveHoverWaitMs): Promise<TopicCard | null | undefined> {
    return this.cards ? this.cards.cardFor(term, limit, waitMs) : undefined;
  }

  /** Archive passages for a search query; empty when there is no archive or it failed (its state says why). */
  async search(query: string, limit: number, signal?: AbortSignal, filters: { outlet?: string; topic?: string } = {}): Promise<ArchiveSearchHit[]> {
    const client = this.client;
    if (!client || query.trim().length === 0) return [];
    const outcome = await client.search(query, { limit, deadlineMs: searchDeadlineMs, ...filters, ...(signal ? { signal } : {}) });
    if (!outcome.ok) return [];
    if (outcome.dropped > 0) this.logger.warn(`The archive's answer to a search had ${outcome.dropped} malformed hits; they were left out.`);
    return outcome.value.hits;
  }

  /** An archive article (for opening or quoting a passage), the last few kept. */
  async article(articleId: string): Promise<ArchiveOutcome<ArchiveArticle>> {
    const client = this.client;
    if (!client) return { ok: false, state: 'unreachable', message: vscode.l10n.t('Sourcebook is not connected to an archive.') };
    let pending = this.articles.get(articleId);
    if (!pending) {
      pending = client.article(articleId, { deadlineMs: articleDeadlineMs });
      this.articles.set(articleId, pending);
      if (this.articles.size > cachedArticles) this.articles.delete(this.articles.keys().next().value as string);
    }
    const outcome = await pending;
    if (!outcome.ok) this.articles.delete(articleId);
    return outcome;
  }

  private replaceClient(url: string | undefined, token: string | undefined): void {
    this.unsubscribeClient?.();
    this.unsubscribeClient = undefined;
    this.client = undefined;
    this.cards?.clear();
    this.cards = undefined;
    this.articles.clear();
    if (url && token && typeof archiveAddress(url) !== 'string' && isUsableToken(token)) {
      const client = new ArchiveClient({ url, token });
      this.client = client;
      this.cards = new ArchiveCardCache((term, limit) => client.topic(term, { limit, deadlineMs: cardDeadlineMs }), {
        onDropped: (term, dropped) => this.logger.warn(`The archive's card for “${term.slice(0, 80)}” had ${dropped} malformed records; they were left out.`),
      });
      this.unsubscribeClient = client.onDidChangeState((connection) => this.stateChanged(connection));
    } else if (url && typeof archiveAddress(url) === 'string') {
      this.logger.warn(`sourcebook.archive.url is not a usable address: ${String(archiveAddress(url))}`);
    }
    this.changeEmitter.fire();
  }

  private async checkStatus(): Promise<ArchiveOutcome<ArchiveStatus> | undefined> {
    const client = this.client;
    if (!client) return undefined;
    this.checking = client.connection === undefined;
    if (this.checking) this.changeEmitter.fire();
    try {
      const outcome = await client.status({ deadlineMs: statusDeadlineMs });
      return outcome;
    } finally {
      this.checking = false;
      if (client === this.client) this.changeEmitter.fire();
    }
  }

  /** Told once per change: the log always, the writer when the archive is lost or refuses. */
  private stateChanged(connection: ArchiveConnection): void {
    this.logger.info(`Archive ${connection.state}: ${connection.detail}`);
    this.changeEmitter.fire();
    if (connection.state === 'connected') return;
    const reason = {
      unauthorized: vscode.l10n.t('Sourcebook Archive refused the token: hovers and search use your local sources only. Run “Sourcebook: Connect to Archive…” with a new token.'),
      unreachable: vscode.l10n.t('Sourcebook Archive cannot be reached: hovers and search use your local sources only until it is back. ({0})', connection.detail),
      'too-slow': vscode.l10n.t('Sourcebook Archive is answering too slowly: hovers and search use your local sources meanwhile. ({0})', connection.detail),
      incompatible: vscode.l10n.t('Sourcebook Archive answered in a way this version cannot use: hovers and search use your local sources only. ({0})', connection.detail),
    }[connection.state];
    void vscode.window.showWarningMessage(reason);
  }

  dispose(): void {
    clearInterval(this.poll);
    this.unsubscribeClient?.();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
