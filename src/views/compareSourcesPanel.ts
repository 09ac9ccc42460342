import * as vscode from 'vscode';
import { passageFromArgument } from '../core/corpus/commandArguments';
import type { PassageOpener } from '../host/passageOpener';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { Logger, Topic } from '../core/model';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import { awaitCurrentDerived } from '../host/awaitCurrentDerived';
import { buildCompareModel, type CompareModel } from '../core/present/compareSourcesModel';

/** What the webview reports after it has built its DOM (so tests know the page really rendered). */
export interface CompareRenderReport {
  topicId: string;
  sources: number;
  passages: number;
  disagreements: number;
  statementLinks: number;
  /** Disagreements shown as "different measures: …" (see `explainFigureGroup`). */
  explanations: number;
}

/** The only messages the webview may send; anything else is ignored. */
type WebviewMessage =
  | { type: 'ready' }
  | { type: 'openPassage'; passageId: string }
  | { type: 'rendered'; report: CompareRenderReport };

const viewType = 'sourcebook.compareSources';

/**
 * "Compare Sources": one webview panel, reused for every topic, showing per source what it says
 * about the topic and, at the top, the figures the sources disagree on. The page's script only
 * builds DOM from the JSON model with `textContent`; the CSP allows nothing but our own script
 * (by nonce) and stylesheet from `media/`.
 */
export class CompareSourcesPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private topicId: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The model last sent to the webview (for tests: the webview's DOM is not reachable from the extension host). */
  lastRendered: CompareModel | undefined;
  /** What the webview said it rendered last. */
  lastReport: CompareRenderReport | undefined;
  private readonly reportWaiters = new Set<(report: CompareRenderReport) => void>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: CorpusIndex,
    private readonly derived: DerivedIndexes,
    private readonly opener: PassageOpener,
    private readonly logger: Logger,
  ) {
    this.disposables.push({ dispose: derived.onDidUpdate(() => this.refresh()) });
  }

  /** Opens (or reveals) the panel on a topic; resolves once the model of the current sources is sent to it. */
  async show(topic: Topic): Promise<void> {
    this.topicId = topic.id;
    if (!this.panel) this.panel = this.createPanel();
    else this.panel.reveal(undefined, true);
    this.panel.title = vscode.l10n.t('Compare: {0}', topic.name.slice(0, 40));
    this.lastReport = undefined;
    await this.render();
  }

  /**
   * Resolves with the webview's report once it has rendered the current topic, or undefined
   * after `timeoutMs` (a hidden or closed panel renders nothing).
   */
  whenRendered(timeoutMs = 10_000): Promise<CompareRenderReport | undefined> {
    const topicId = this.topicId;
    if (this.lastReport && this.lastReport.topicId === topicId) return Promise.resolve(this.lastReport);
    return new Promise((resolve) => {
      const done = (report: CompareRenderReport | undefined) => {
        clearTimeout(timer);
        this.reportWaiters.delete(waiter);
        resolve(report);
      };
      const waiter = (report: CompareRenderReport) => {
        if (report.topicId === topicId) done(report);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      this.reportWaiters.add(waiter);
    });
  }

  /** True while the panel is open. */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(viewType, vscode.l10n.t('Compare Sources'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'sourcebook.svg');
    panel.webview.html = this.html(panel.webview, media);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), undefined, this.disposables);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.lastRendered = undefined;
      this.lastReport = undefined;
    }, undefined, this.disposables);
    return panel;
  }

  private refresh(): void {
    if (this.panel) void this.render();
  }

  /** Renders the topic from the derived indexes of the corpus as it is now (topic and figures of one version). */
  private async render(): Promise<void> {
    if (!this.panel || !this.topicId) return;
    const topicId = this.topicId;
    const snapshot = await awaitCurrentDerived(this.derived, vscode.l10n.t('Compare Sources'));
    if (!this.panel || this.topicId !== topicId) return;
    const topic = snapshot.topics.topicById(topicId);
    if (!topic) {
      this.lastRendered = { topicId, topicName: vscode.l10n.t('This topic is no longer in the sources'), disagreements: [], sources: [] };
    } else {
      const groups = await snapshot.figureGroupsTouching([...new Set(topic.mentions.map((mention) => mention.passageId))]);
      if (!this.panel || this.topicId !== topicId) return;
      this.lastRendered = buildCompareModel(topic, this.index, groups);
    }
    void this.panel.webview.postMessage({ type: 'render', model: this.lastRendered, words: compareViewWords() });
  }

  private receive(raw: unknown): void {
    const message = parseMessage(raw);
    if (!message) {
      this.logger.warn('Compare view: ignored a message of an unknown type.');
      return;
    }
    switch (message.type) {
      case 'ready':
        void this.render();
        break;
      case 'openPassage':
        if (!passageFromArgument(this.index, message.passageId)) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: that passage is no longer in the index (the source changed).'));
          return;
        }
        void this.opener.open(message.passageId, vscode.ViewColumn.One).then(undefined, (error: unknown) => {
          this.logger.error(`Compare view: could not open the passage: ${error instanceof Error ? error.message : String(error)}`);
        });
        break;
      case 'rendered':
        this.lastReport = message.report;
        for (const waiter of [...this.reportWaiters]) waiter(message.report);
        break;
    }
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'compare.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'compare.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${htmlText(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${htmlText(vscode.l10n.t('Compare Sources'))}</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="empty">${htmlText(vscode.l10n.t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The page's own words in the display language (media/compare.js falls back to English for any it lacks). */
function compareViewWords(): Record<string, string> {
  return {
    openPassage: vscode.l10n.t('Open the source at this passage'),
    whereTheyDisagree: vscode.l10n.t('Where the sources disagree'),
    noDisagreement: vscode.l10n.t('The sources do not disagree on any figure about this topic.'),
    contradiction: vscode.l10n.t('Contradiction'),
    tension: vscode.l10n.t('Tension'),
    differentMeasures: vscode.l10n.t('Different measures'),
    figures: vscode.l10n.t('Figures'),
    disputed: vscode.l10n.t('disputed'),
    onePassage: vscode.l10n.t('1 passage'),
    passages: vscode.l10n.t('{0} passages'),
    openInSourceAtPage: vscode.l10n.t('Open in source ({0})'),
    openInSource: vscode.l10n.t('Open in source'),
    whatTheySay: vscode.l10n.t('What the sources say about {0}'),
    oneSource: vscode.l10n.t('1 source'),
    sources: vscode.l10n.t('{0} sources'),
    notShown: vscode.l10n.t('The comparison could not be shown: {0}'),
  };
}

function htmlText(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Accepts only the known message shapes, with bounded strings. */
function parseMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openPassage':
      return typeof message.passageId === 'string' && message.passageId.length < 200 ? { type: 'openPassage', passageId: message.passageId } : undefined;
    case 'rendered': {
      const report = message.report as Record<string, unknown> | undefined;
      if (typeof report !== 'object' || report === null || typeof report.topicId !== 'string') return undefined;
      const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
      return {
        type: 'rendered',
        report: {
          topicId: report.topicId.slice(0, 300),
          sources: count(report.sources),
          passages: count(report.passages),
          disagreements: count(report.disagreements),
          statementLinks: count(report.statementLinks),
          explanations: count(report.explanations),
        },
      };
    }
    default:
      return undefined;
  }
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
