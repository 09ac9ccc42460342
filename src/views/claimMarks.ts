import * as vscode from 'vscode';
import { ContextKeys } from '../contributionIds';
import { claimStatuses, claimStatusLabels, type ClaimStatus, type DecidingPassage, type LedgerClaim } from '../core/ledger/storyLedger';
import { escapeMarkdown, neutraliseThemeIcons } from '../core/present/markdownEscape';
import { repeatsWords, type DraftCheckTreeProvider } from './draftCheckTree';

/** Where the writer's choice is remembered (per workspace). */
const enabledKey = 'sourcebook.claimMarks.enabled';
/** How many deciding sources a mark's hover names before "and N more". */
const maxHoverSources = 4;
const maxHoverQuoteChars = 160;

/** A faint tint under the claim, and its colour in the overview ruler: readable in light and dark themes, quiet in both. */
const tints: Record<ClaimStatus, { light: string; dark: string }> = {
  supported: { light: 'rgba(42, 125, 52, 0.08)', dark: 'rgba(115, 201, 145, 0.10)' },
  'single-source': { light: 'rgba(31, 111, 178, 0.07)', dark: 'rgba(117, 190, 255, 0.09)' },
  'second-hand': { light: 'rgba(122, 79, 179, 0.08)', dark: 'rgba(197, 165, 240, 0.10)' },
  disputed: { light: 'rgba(179, 92, 0, 0.11)', dark: 'rgba(240, 176, 80, 0.13)' },
  'not-found': { light: 'rgba(107, 107, 107, 0.07)', dark: 'rgba(168, 168, 168, 0.08)' },
};

const roleWords: Record<DecidingPassage['role'], string> = {
  supports: vscode.l10n.t('states it'),
  'second-hand': vscode.l10n.t('second-hand'),
  disputes: vscode.l10n.t('disagrees'),
  repeats: vscode.l10n.t('repeats another source'),
};

/** One mark as put on a draft: for tests and for the toggle command's answer. */
export interface ClaimMark {
  status: ClaimStatus;
  /** Zero-based line of the claim's start (where its gutter icon is). */
  line: number;
  text: string;
  /** The hover's text, as markdown. */
  hover: string;
}

/** What the toggle command answers: whether marks are on, and those on the active draft. */
export interface ClaimMarksState {
  enabled: boolean;
  marks: ClaimMark[];
}

/**
 * Claim marks in the draft, on demand: a gutter icon per claim for its status, a faint tint
 * under the claim, and a hover on it naming the status and the deciding sources. Off by
 * default, remembered per workspace. The marks follow the Draft Check view, which checks the
 * draft a moment after the writer stops typing and off the typing path; between two checks
 * VS Code keeps the marks where the edited text moves them.
 */
export class ClaimMarks implements vscode.Disposable {
  /** The tint (and hover) over each claim, by status. */
  private readonly types: Record<ClaimStatus, vscode.TextEditorDecorationType>;
  /** The gutter icon on a claim's first line only (VS Code repeats an icon on every line of a range). */
  private readonly gutterTypes: Record<ClaimStatus, vscode.TextEditorDecorationType>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly applied = new Map<string, ClaimMark[]>();

  constructor(extensionUri: vscode.Uri, private readonly draftCheck: DraftCheckTreeProvider, private readonly state: vscode.Memento) {
    const icon = (status: ClaimStatus, theme: 'light' | 'dark') => vscode.Uri.joinPath(extensionUri, 'media', `claim-${status}-${theme}.svg`);
    const make = (status: ClaimStatus) =>
      vscode.window.createTextEditorDecorationType({
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        light: { backgroundColor: tints[status].light, overviewRulerColor: tints[status].light.replace(/[\d.]+\)$/, '0.6)') },
        dark: { backgroundColor: tints[status].dark, overviewRulerColor: tints[status].dark.replace(/[\d.]+\)$/, '0.6)') },
      });
    const makeGutter = (status: ClaimStatus) =>
      vscode.window.createTextEditorDecorationType({
        gutterIconSize: '70%',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        light: { gutterIconPath: icon(status, 'light') },
        dark: { gutterIconPath: icon(status, 'dark') },
      });
    const byStatus = <T>(build: (status: ClaimStatus) => T): Record<ClaimStatus, T> => ({ supported: build('supported'), 'single-source': build('single-source'), 'second-hand': build('second-hand'), disputed: build('disputed'), 'not-found': build('not-found') });
    this.types = byStatus(make);
    this.gutterTypes = byStatus(makeGutter);
    this.disposables.push(
      ...Object.values(this.types),
      ...Object.values(this.gutterTypes),
      draftCheck.onDidShow(() => this.applyToVisible()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.applyToVisible()),
      vscode.workspace.onDidCloseTextDocument((document) => this.applied.delete(document.uri.toString())),
    );
    void vscode.commands.executeCommand('setContext', ContextKeys.claimMarksOn, this.enabled);
    if (this.enabled) this.applyToVisible();
  }

  get enabled(): boolean {
    return this.state.get<boolean>(enabledKey, false) === true;
  }

  /** Turns the marks on or off (and remembers it); with marks on, waits for the active draft's check and marks it. */
  async toggle(): Promise<ClaimMarksState> {
    const enabled = !this.enabled;
    await this.state.update(enabledKey, enabled);
    void vscode.commands.executeCommand('setContext', ContextKeys.claimMarksOn, enabled);
    if (!enabled) {
      this.clearAll();
      return { enabled, marks: [] };
    }
    const editor = vscode.window.activeTextEditor;
    if (editor) await this.draftCheck.whenShowing(editor.document, 60_000);
    this.applyToVisible();
    return { enabled, marks: editor ? this.marksOn(editor.document) : [] };
  }

  /** The marks put on a document, in document order (empty when marks are off). */
  marksOn(document: vscode.TextDocument): ClaimMark[] {
    return [...(this.applied.get(document.uri.toString()) ?? [])];
  }

  private clearAll(): void {
    for (const editor of vscode.window.visibleTextEditors) for (const type of [...Object.values(this.types), ...Object.values(this.gutterTypes)]) editor.setDecorations(type, []);
    this.applied.clear();
  }

  /** Marks each visible editor of the checked draft, when the check is of the text it shows now. */
  private applyToVisible(): void {
    if (!this.enabled) return;
    const current = this.draftCheck.current;
    if (!current) return;
    for (const editor of vscode.window.visibleTextEditors) {
      const document = editor.document;
      if (document.uri.toString() !== current.uri.toString() || document.version !== current.version) continue;
      const byStatus = new Map<ClaimStatus, vscode.DecorationOptions[]>(claimStatuses.map((status) => [status, []]));
      const gutterByStatus = new Map<ClaimStatus, vscode.Range[]>(claimStatuses.map((status) => [status, []]));
      const marks: ClaimMark[] = [];
      for (const claim of current.report.claims) {
        const range = new vscode.Range(document.positionAt(claim.start), document.positionAt(claim.end));
        const hover = hoverOf(claim);
        const message = new vscode.MarkdownString(hover, false);
        message.isTrusted = false;
        message.supportHtml = false;
        byStatus.get(claim.status)?.push({ range, hoverMessage: message });
        gutterByStatus.get(claim.status)?.push(new vscode.Range(range.start, range.start));
        marks.push({ status: claim.status, line: range.start.line, text: claim.text, hover });
      }
      for (const [status, options] of byStatus) editor.setDecorations(this.types[status], options);
      for (const [status, ranges] of gutterByStatus) editor.setDecorations(this.gutterTypes[status], ranges);
      this.applied.set(document.uri.toString(), marks.sort((a, b) => a.line - b.line));
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** "**Single source** — 1 source" then each deciding source: "RFI, 2021-12-06 (states it, fallen below 50%): “…”", and the notes. */
export function hoverOf(claim: LedgerClaim): string {
  const safe = (text: string) => neutraliseThemeIcons(escapeMarkdown(text));
  const lines = [`**${safe(claimStatusLabels[claim.status])}** — ${safe(claim.summary)}`];
  for (const passage of claim.passages.slice(0, maxHoverSources)) {
    const quote = passage.quote.length > maxHoverQuoteChars ? `${passage.quote.slice(0, maxHoverQuoteChars - 1)}…` : passage.quote;
    const detail = [passage.repeatsSource ? repeatsWords(passage) : roleWords[passage.role], passage.figure, passage.citing ? vscode.l10n.t('citing {0}', passage.citing) : undefined].filter(Boolean).join(', ');
    lines.push(`- ${safe(passage.source)}${passage.date ? `, ${safe(passage.date)}` : ''} (${safe(detail)}): “${safe(quote)}”`);
    if (passage.overlap && passage.repeatsSource) lines.push(`  - ${safe(vscode.l10n.t('Same words as {0}: “{1}”', passage.repeatsSource, passage.overlap))}`);
  }
  if (claim.passages.length > maxHoverSources) lines.push(`- ${safe(vscode.l10n.t('and {0} more', claim.passages.length - maxHoverSources))}`);
  for (const note of claim.notes) lines.push(`\n*${safe(note)}*`);
  return lines.join('\n');
}
