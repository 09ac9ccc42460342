import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import { claimStatuses, claimStatusLabels, emptyLedgerReport, type ClaimStatus, type DecidingPassage, type LedgerClaim, type LedgerReport } from '../core/ledger/storyLedger';
import { sanitiseLabel } from '../core/present/markdownEscape';

/** Waits this long after the last keystroke before the draft is checked again. */
const checkDelayMs = 700;
/** How much of a deciding sentence a passage's label shows before its figure. */
const figureLead = 30;
/** Longer drafts are checked only up to here. */
const maxDraftChars = 1_000_000;

const statusIcons: Record<ClaimStatus, vscode.ThemeIcon> = {
  supported: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  'single-source': new vscode.ThemeIcon('circle-large-outline'),
  'second-hand': new vscode.ThemeIcon('references'),
  disputed: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  'not-found': new vscode.ThemeIcon('question'),
};

const roleDescriptions: Record<DecidingPassage['role'], string> = {
  supports: vscode.l10n.t('states it'),
  'second-hand': vscode.l10n.t('second-hand'),
  disputes: vscode.l10n.t('disagrees'),
  repeats: vscode.l10n.t('repeats another source'),
};

/** "repeats AP (92% same wording)": whom a repeating source repeats, and how much of its wording. */
export function repeatsWords(passage: DecidingPassage): string {
  if (!passage.repeatsSource) return roleDescriptions[passage.role];
  return passage.overlapShare !== undefined
    ? vscode.l10n.t('repeats {0} ({1}% same wording)', passage.repeatsSource, Math.round(passage.overlapShare * 100))
    : vscode.l10n.t('repeats {0}', passage.repeatsSource);
}

/*
 * The nodes of this view carry no `id`. Each check makes a new report, and a check can land while
 * VS Code still fetches the children of the last one: with ids, the two fetches register the same
 * ids and VS Code's extension host rejects the second ("Element with id … is already registered"),
 * leaving the view on the older report with its groups empty. Without ids, VS Code makes the
 * handles from the labels, which keeps a claim expanded while its text stays the same.
 */

/** A status with its claims: "Disputed (1)". */
export class StatusNode {
  readonly kind = 'status';
  constructor(readonly status: ClaimStatus, readonly claims: LedgerClaim[], readonly draft: vscode.Uri) {}
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`${claimStatusLabels[this.status]} (${this.claims.length})`, this.claims.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.iconPath = statusIcons[this.status];
    item.contextValue = 'ledgerStatus';
    return item;
  }
  children(): ClaimNode[] {
    return this.claims.map((claim, position) => new ClaimNode(claim, this.draft, position, this));
  }
}

/** A claim of the draft: click selects it in the draft; expand for its deciding passages and notes. */
export class ClaimNode {
  readonly kind = 'claim';
  constructor(readonly claim: LedgerClaim, readonly draft: vscode.Uri, readonly position: number, readonly parent: StatusNode) {}
  toTreeItem(): vscode.TreeItem {
    const hasChildren = this.claim.passages.length > 0 || this.claim.notes.length > 0;
    const item = new vscode.TreeItem(sanitiseLabel(this.claim.text, 100), hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = sanitiseLabel(this.claim.summary, 80);
    item.tooltip = sanitiseLabel(`${vscode.l10n.t('{0}: {1}', claimStatusLabels[this.claim.status], this.claim.summary)}. ${this.claim.notes.join(' ')}`, 600);
    item.contextValue = 'ledgerClaim';
    item.command = { command: CommandIds.selectClaim, title: vscode.l10n.t('Select Claim in Draft'), arguments: [this.draft.toString(), this.claim.start, this.claim.end] };
    return item;
  }
  children(): Array<PassageNode | NoteNode> {
    return [
      ...this.claim.passages.map((passage) => new PassageNode(passage, this)),
      ...this.claim.notes.map((note, position) => new NoteNode(note, this, position)),
    ];
  }
}

/** A deciding passage: click opens the source at the passage; the inline action inserts it as a quote after the claim. */
export class PassageNode {
  readonly kind = 'passage';
  /** The shape the passage commands (`openPassage`, `insertQuote`) read from a tree node. */
  readonly passage: { id: string };
  constructor(readonly deciding: DecidingPassage, readonly parent: ClaimNode) {
    this.passage = { id: deciding.passageId };
  }
  toTreeItem(): vscode.TreeItem {
    // A long sentence is shown from a little before its figure, so the figure is in view.
    const at = this.deciding.figure ? this.deciding.quote.indexOf(this.deciding.figure) : -1;
    const from = at > figureLead ? this.deciding.quote.lastIndexOf(' ', at - figureLead) + 1 : 0;
    const words = from > 0 ? `…${this.deciding.quote.slice(from)}` : this.deciding.quote;
    const item = new vscode.TreeItem(sanitiseLabel(`${this.deciding.source}: ${words}`, 140), vscode.TreeItemCollapsibleState.None);
    const figure = this.deciding.figure ? ` · ${this.deciding.figure}` : '';
    const citing = this.deciding.citing ? ` · ${vscode.l10n.t('citing {0}', this.deciding.citing)}` : '';
    const role = this.deciding.repeatsSource ? repeatsWords(this.deciding) : roleDescriptions[this.deciding.role];
    item.description = sanitiseLabel(`${role}${figure}${citing}${this.deciding.date ? ` · ${this.deciding.date}` : ''}`, 80);
    const overlap = this.deciding.overlap && this.deciding.repeatsSource ? `\n${vscode.l10n.t('Same words as {0}: “{1}”', this.deciding.repeatsSource, this.deciding.overlap)}` : '';
    item.tooltip = sanitiseLabel(`${this.deciding.source}${this.deciding.date ? `, ${this.deciding.date}` : ''}: “${this.deciding.quote}”${overlap}`, 900);
    item.iconPath = new vscode.ThemeIcon(this.deciding.role === 'disputes' ? 'diff-removed' : 'quote');
    item.contextValue = 'ledgerPassage';
    item.command = { command: CommandIds.openPassage, title: vscode.l10n.t('Open Source at Passage'), arguments: [this.deciding.passageId] };
    return item;
  }
}

/** Why sources seem to disagree: "different measures: …". */
export class NoteNode {
  readonly kind = 'note';
  constructor(readonly note: string, readonly parent: ClaimNode, readonly position: number) {}
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(sanitiseLabel(this.note, 200), vscode.TreeItemCollapsibleState.None);
    item.tooltip = sanitiseLabel(this.note, 1000);
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'ledgerNote';
    return item;
  }
}

export type DraftCheckNode = StatusNode | ClaimNode | PassageNode | NoteNode;

/**
 * The Draft Check view: the active draft's claims grouped by status, with counts. The claims
 * are computed by the derived-index engine (in its worker thread when it has one), a moment
 * after the writer stops typing, so typing never waits for them; a newer edit drops an older
 * answer.
 */
export class DraftCheckTreeProvider implements vscode.TreeDataProvider<DraftCheckNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<DraftCheckNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly updateListeners = new Set<() => void>();
  /** The draft the view shows and its ledger, with the document version it was computed for. */
  current: { uri: vscode.Uri; version: number; report: LedgerReport } | undefined;

  constructor(private readonly derived: DerivedIndexes, private readonly isDraft: (document: vscode.TextDocument) => boolean) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.schedule(checkDelayMs);
      }),
      { dispose: derived.onDidUpdate(() => this.schedule(0)) },
    );
    this.schedule(0);
  }

  /** Checks the active draft after `delayMs` (a newer call replaces an older one). */
  schedule(delayMs = checkDelayMs): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delayMs);
  }

  /** Checks the active draft now (or keeps the last draft's claims when a source or another view is active). */
  async update(): Promise<LedgerReport | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isDraft(document)) return this.current?.report;
    const snapshot = this.derived.current();
    const generation = ++this.generation;
    const version = document.version;
    const report = snapshot ? await snapshot.ledger(document.getText().slice(0, maxDraftChars)) : emptyLedgerReport();
    if (generation !== this.generation || document.isClosed || document.version !== version) return undefined;
    this.current = { uri: document.uri, version, report };
    this.changeEmitter.fire(undefined);
    for (const listener of [...this.updateListeners]) listener();
    return report;
  }

  /** Calls `listener` each time the view shows a newly checked draft (the claim marks follow it). */
  onDidShow(listener: () => void): vscode.Disposable {
    this.updateListeners.add(listener);
    return { dispose: () => this.updateListeners.delete(listener) };
  }

  /** Resolves when the view shows the claims of `uri` at its current version. */
  whenShowing(document: vscode.TextDocument, timeoutMs = 30_000): Promise<LedgerReport | undefined> {
    const showing = () => this.current && this.current.uri.toString() === document.uri.toString() && this.current.version === document.version && this.derived.current() !== undefined;
    if (showing()) return Promise.resolve(this.current?.report);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const listener = () => {
        if (showing()) done(this.current?.report);
      };
      const done = (report: LedgerReport | undefined) => {
        clearTimeout(timer);
        this.updateListeners.delete(listener);
        resolve(report);
      };
      this.updateListeners.add(listener);
      this.schedule(0);
    });
  }

  getTreeItem(node: DraftCheckNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getChildren(node?: DraftCheckNode): DraftCheckNode[] {
    if (!node) {
      const current = this.current;
      if (!current) return [];
      return claimStatuses.map((status) => new StatusNode(status, current.report.claims.filter((claim) => claim.status === status), current.uri));
    }
    if (node instanceof StatusNode || node instanceof ClaimNode) return node.children();
    return [];
  }

  getParent(node: DraftCheckNode): DraftCheckNode | undefined {
    return node instanceof StatusNode ? undefined : node.parent;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
