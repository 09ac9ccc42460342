/**
 * The fact-check report: the story ledger of a draft as a markdown file written beside it.
 * Every string from a source or the draft is made inert (`inertDraftText`): the report is read
 * in a markdown preview, where an article's `[x](command:...)` or `<img>` must stay text. Only
 * the links built here (relative links to source files in the workspace, and Sourcebook's own
 * open-passage command for the others) are live.
 */
import * as l10n from '@vscode/l10n';
import { claimStatuses, claimStatusLabels, type DecidingPassage, type LedgerClaim, type LedgerReport } from '../ledger/storyLedger';
import { inertDraftText } from './draftText';
import { pageLabel } from './pageLabel';
import type { ClaimReason } from '../ledger/draftClaims';

/** Where a deciding passage can be opened from the report. */
export interface PassageLinks {
  /** A `command:` link that opens the passage in VS Code: from the report's editor only (the Markdown preview runs no command links). */
  command: string;
  /**
   * A link relative to the report to the source file at the passage's first line and column
   * (`sources/story.txt#L12,5`), when the source is a text file in the report's workspace: the
   * Markdown preview and the editor both open it there. Absent for PDF and Word sources (their
   * lines are those of the extracted text) and for sources a relative link cannot reach.
   */
  relative?: string;
  /** The PDF page the passage starts on, named beside a command link. */
  page?: number;
}

/** The fragment VS Code's Markdown preview and editor read as a position: `#L12,5` (one-based line and column). */
export function lineFragment(range: { startLine: number; startCharacter: number }): string {
  return `#L${range.startLine + 1},${range.startCharacter + 1}`;
}

/** What the report says about its draft. */
export interface FactCheckReportInput {
  report: LedgerReport;
  /** The draft's file name, as the title reads it. */
  draftName: string;
  /** The draft's text: claims are located by line. */
  draftText: string;
  /** `YYYY-MM-DD`. */
  checkedOn: string;
  sourceCount: number;
  links: (passage: DecidingPassage) => PassageLinks;
}

/** In the display language, read when the report is written (the core's translator is configured after this module loads). */
function roleLabel(role: DecidingPassage['role']): string {
  switch (role) {
    case 'supports':
      return l10n.t('States it');
    case 'second-hand':
      return l10n.t('States it second-hand');
    case 'disputes':
      return l10n.t('Disagrees');
    case 'repeats':
      return l10n.t('Repeats another source');
  }
}

/** The command link that opens a passage: `command:sourcebook.openPassage?["<id>"]`, encoded so that no character of it can end the markdown link. */
export function openPassageLink(commandId: string, passageId: string): string {
  return `command:${commandId}?${encodeLinkPart(JSON.stringify([passageId]))}`;
}

/** Percent-encodes a link part, parentheses and quotes too (which `encodeURIComponent` leaves). */
export function encodeLinkPart(part: string): string {
  return encodeURIComponent(part).replace(/[()'!*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function inert(text: string): string {
  return inertDraftText(text, 'markdown', { before: 'x ' });
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Why a sentence is a claim, in the display language. */
function reasonLabel(reason: ClaimReason): string {
  switch (reason) {
    case 'figure':
      return l10n.t('figure');
    case 'date':
      return l10n.t('date');
    case 'quotation':
      return l10n.t('quotation');
    case 'attribution':
      return l10n.t('attribution');
    case 'topic':
      return l10n.t('topic');
  }
}

function passageLine(passage: DecidingPassage, links: PassageLinks): string {
  const when = passage.date ? `, ${passage.date}` : '';
  const figure = passage.figure ? ` (${inert(passage.figure)}${passage.measure ? `: ${inert(passage.measure)}` : ''})` : '';
  const citing = passage.citing ? l10n.t(', citing {0}', inert(passage.citing)) : '';
  const repeats = passage.repeatsSource
    ? passage.overlapShare !== undefined
      ? l10n.t(', repeating {0} ({1}% same wording)', inert(passage.repeatsSource), Math.round(passage.overlapShare * 100))
      : l10n.t(', repeating {0}', inert(passage.repeatsSource))
    : '';
  const open = links.relative
    ? `[${l10n.t('open passage')}](${links.relative})`
    : `${pageLabel(links.page) ? `${pageLabel(links.page)}, ` : ''}[${l10n.t('open passage')}](${links.command}) ${l10n.t('(from the report\'s editor: Ctrl/Cmd+click; the preview does not run this link)')}`;
  const overlap = passage.overlap && passage.repeatsSource ? `\n  - ${l10n.t('same words as {0}: “{1}”', inert(passage.repeatsSource), inert(passage.overlap))}` : '';
  return `- ${roleLabel(passage.role)}${figure}: **${inert(passage.source)}**${when}${citing}${repeats}: “${inert(passage.quote)}” — ${open}${overlap}`;
}

function claimSection(claim: LedgerClaim, number: number, input: FactCheckReportInput): string[] {
  const lines = [`### ${number}. ${inert(claim.text)}`, ''];
  lines.push(`${l10n.t('Line {0}', lineOf(input.draftText, claim.start))} · **${claimStatusLabels[claim.status]}** · ${inert(claim.summary)} · ${claim.reasons.map(reasonLabel).join(', ')}`, '');
  for (const passage of claim.passages) lines.push(passageLine(passage, input.links(passage)));
  for (const note of claim.notes) lines.push(`- ${l10n.t('Why the sources seem to disagree: {0}', inert(note))}`);
  if (claim.passages.length > 0 || claim.notes.length > 0) lines.push('');
  return lines;
}

/** The whole report, as markdown. */
export function factCheckReport(input: FactCheckReportInput): string {
  const { report } = input;
  const counts = claimStatuses.map((status) => l10n.t('{0}: {1}', claimStatusLabels[status], report.counts[status])).join(' · ');
  const lines = [
    `# ${l10n.t('Fact-check report: {0}', inert(input.draftName))}`,
    '',
    `${input.sourceCount === 1 ? l10n.t('Checked by Sourcebook against 1 source on {0}.', input.checkedOn) : l10n.t('Checked by Sourcebook against {0} sources on {1}.', input.sourceCount, input.checkedOn)} ${report.claims.length === 1 ? l10n.t('1 claim: {0}.', counts) : l10n.t('{0} claims: {1}.', report.claims.length, counts)}`,
    '',
    l10n.t('Supported: stated by at least two independent sources. Single source: by one. Second-hand: only by sources citing someone else. Disputed: a source gives a value that conflicts on the same measure. Not found: nothing in the sources speaks to it.'),
    '',
  ];
  let number = 0;
  for (const status of claimStatuses) {
    const claims = report.claims.filter((claim) => claim.status === status);
    if (claims.length === 0) continue;
    lines.push(`## ${claimStatusLabels[status]} (${claims.length})`, '');
    for (const claim of claims) lines.push(...claimSection(claim, ++number, input));
  }
  const explained = [...new Set(report.claims.flatMap((claim) => claim.notes))];
  if (explained.length > 0) {
    lines.push(`## ${l10n.t('Disagreements explained')}`, '');
    for (const note of explained) lines.push(`- ${inert(note)}`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** `draft.md` -> `draft.fact-check.md`. */
export function reportFileName(draftFileName: string): string {
  const dot = draftFileName.lastIndexOf('.');
  return `${dot > 0 ? draftFileName.slice(0, dot) : draftFileName}.fact-check.md`;
}

/** True for a report this module names (`draft.fact-check.md`): a report is no draft, and its claims are the draft's. */
export function isFactCheckReportName(fileName: string): boolean {
  return /\.fact-check\.md$/i.test(fileName);
}
