import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { describeFigureGroup } from '../core/figures/compareSources';
import { findQuotations } from '../core/quotes/findQuotations';
import { contradictsOnItsMeasure } from '../core/ledger/figureVerdict';
import { draftFlavourOf, readDraftText } from '../core/present/draftText';
import { sanitiseLabel } from '../core/present/markdownEscape';
import { sourceLabel } from '../core/present/topicCard';
import type { DerivedIndexes, DerivedSnapshot } from '../core/derived/derivedIndexes';
import { awaitCurrentDerived } from '../host/awaitCurrentDerived';
import { documentViewScheme, passageLocation } from '../host/documentTextViews';
import { languageEnabled, readSettings } from '../host/settings';

/** Diagnostic codes, also read by the quick fix. */
export const DraftDiagnosticCodes = {
  misquote: 'misquote',
  quoteNotFound: 'quote-not-found',
  figureContradiction: 'figure-contradiction',
} as const;

export const diagnosticSource = 'Sourcebook';
const checkDelayMs = 600;
/** Longer drafts are checked only up to here, so a pasted megabyte never stalls the extension host. */
const maxDraftChars = 1_000_000;
const maxQuotedSourceChars = 300;

/**
 * Checks drafts against the sources: quotations that are not word for word in any source (a
 * near match shows the source's words) and figures that contradict every source on the same
 * thing. Runs on every markdown/plain-text draft as the writer types (debounced) when
 * `sourcebook.checkDraft.whileTyping` is on; otherwise only on drafts the writer checked with
 * "Check Draft Against Sources", which then stay checked as they change. Never on source files.
 */
export class DraftDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('sourcebook');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly checkedOnRequest = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly index: CorpusIndex, private readonly derived: DerivedIndexes) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.scheduleIfWatched(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleIfWatched(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sourcebook')) this.recheckOpenDrafts();
      }),
      { dispose: derived.onDidUpdate(() => this.recheckOpenDrafts()) },
    );
  }

  /** A writer's draft in a language Sourcebook reads (not a source file, not an output channel). */
  isDraft(document: vscode.TextDocument): boolean {
    if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm' || document.uri.scheme === documentViewScheme) return false;
    if (!languageEnabled(readSettings(document.uri), document.languageId)) return false;
    return !this.index.files().includes(document.uri.toString());
  }

  /** Checks a document against the sources as they are now (after pending file changes) and keeps it checked as it changes. */
  async checkNow(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    this.checkedOnRequest.add(document.uri.toString());
    const snapshot = await awaitCurrentDerived(this.derived, vscode.l10n.t('Check Draft'));
    return this.check(document, snapshot);
  }

  private watched(document: vscode.TextDocument): boolean {
    if (!this.isDraft(document)) return false;
    if (this.checkedOnRequest.has(document.uri.toString())) return true;
    return readSettings(document.uri).checkDraftWhileTyping;
  }

  private scheduleIfWatched(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.watched(document)) {
      if (this.collection.has(document.uri) && !this.isDraft(document)) this.collection.delete(document.uri);
      return;
    }
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (document.isClosed) return;
      const snapshot = this.derived.current();
      if (snapshot) void this.check(document, snapshot);
    }, checkDelayMs));
  }

  private recheckOpenDrafts(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.watched(document)) this.scheduleIfWatched(document);
      else if (this.collection.has(document.uri)) this.collection.delete(document.uri);
    }
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.checkedOnRequest.delete(key);
    this.collection.delete(document.uri);
  }

  private async check(document: vscode.TextDocument, snapshot: DerivedSnapshot): Promise<vscode.Diagnostic[]> {
    if (!this.isDraft(document)) {
      this.collection.delete(document.uri);
      return [];
    }
    const version = document.version;
    const text = document.getText().slice(0, maxDraftChars);
    const [quotations, figures] = await Promise.all([this.quotationDiagnostics(document, text, snapshot), this.figureDiagnostics(document, text, snapshot)]);
    // The writer typed while the engine checked: the positions are stale, and a newer check is scheduled.
    if (document.isClosed || document.version !== version) return [];
    const diagnostics = [...quotations, ...figures];
    diagnostics.sort((a, b) => a.range.start.compareTo(b.range.start));
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  private async quotationDiagnostics(document: vscode.TextDocument, text: string, snapshot: DerivedSnapshot): Promise<vscode.Diagnostic[]> {
    const diagnostics: vscode.Diagnostic[] = [];
    const quotations = findQuotations(text);
    const flavour = draftFlavourOf(document.languageId);
    const checks = await snapshot.checkQuotations(quotations.map((quotation) => readDraftText(quotation.text, flavour)));
    for (const [at, quotation] of quotations.entries()) {
      const check = checks[at] ?? { verdict: 'not-found' };
      if (check.verdict === 'verbatim') continue;
      const range = new vscode.Range(document.positionAt(quotation.start), document.positionAt(quotation.end));
      const passage = check.passageId ? this.index.passage(check.passageId) : undefined;
      const article = passage ? this.index.article(passage.articleId) : undefined;
      if (check.verdict === 'near' && passage && article && check.sourceText) {
        const words = check.sourceText.length > maxQuotedSourceChars ? `${check.sourceText.slice(0, maxQuotedSourceChars - 1)}…` : check.sourceText;
        const diagnostic = new vscode.Diagnostic(
          range,
          plainMessage(vscode.l10n.t('Not word for word in the sources. {0} has: “{1}”', sourceLabel(article), words)),
          vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.code = DraftDiagnosticCodes.misquote;
        diagnostic.source = diagnosticSource;
        diagnostic.relatedInformation = [
          new vscode.DiagnosticRelatedInformation(passageLocation(article, passage), plainMessage(`${sourceLabel(article)}: “${words}”`)),
        ];
        diagnostics.push(diagnostic);
        continue;
      }
      const message = check.similarity ? vscode.l10n.t('This quotation is not in any of the sources (the closest passage shares only {0}% of its words).', Math.round(check.similarity * 100)) : vscode.l10n.t('This quotation is not in any of the sources.');
      const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Information);
      diagnostic.code = DraftDiagnosticCodes.quoteNotFound;
      diagnostic.source = diagnosticSource;
      diagnostics.push(diagnostic);
    }
    return diagnostics;
  }

  private async figureDiagnostics(document: vscode.TextDocument, text: string, snapshot: DerivedSnapshot): Promise<vscode.Diagnostic[]> {
    const labelOf = (articleId: string) => {
      const article = this.index.article(articleId);
      return article ? sourceLabel(article) : vscode.l10n.t('unknown source');
    };
    const diagnostics: vscode.Diagnostic[] = [];
    for (const match of await snapshot.figureContradictions(text)) {
      // A figure that differs only from figures on other measures ("80% of the army's armaments" against imports since 2010) contradicts nothing.
      if (!contradictsOnItsMeasure(match)) continue;
      const range = new vscode.Range(document.positionAt(match.figure.span.start), document.positionAt(match.figure.span.end));
      const diagnostic = new vscode.Diagnostic(
        range,
        plainMessage(vscode.l10n.t('{0} disagrees with every source on this. {1}', match.figure.span.text, describeFigureGroup(match.group, labelOf))),
        vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.code = DraftDiagnosticCodes.figureContradiction;
      diagnostic.source = diagnosticSource;
      const related: vscode.DiagnosticRelatedInformation[] = [];
      for (const { figure } of match.verdicts) {
        const passage = this.index.passage(figure.passageId);
        const article = passage ? this.index.article(passage.articleId) : undefined;
        if (!passage || !article) continue;
        related.push(new vscode.DiagnosticRelatedInformation(
          passageLocation(article, passage),
          plainMessage(`${sourceLabel(article)}: ${figure.span.text} — “${figure.sentence.text.slice(0, maxQuotedSourceChars)}”`),
        ));
      }
      diagnostic.relatedInformation = related;
      diagnostics.push(diagnostic);
    }
    return diagnostics;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** A Problems-panel message quoting a source: no bidi, zero-width or control character from the source reaches it. */
function plainMessage(text: string): string {
  return sanitiseLabel(text, 2000);
}
