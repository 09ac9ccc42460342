import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { hasDraftFigureAt, type DraftFigureMatch } from '../core/figures/draftFigures';
import { explainFigureGroup } from '../core/ledger/explainGroup';
import { measuredVerdicts, type MeasuredVerdict } from '../core/ledger/figureVerdict';
import { isolatedMarkdown } from '../core/present/bidiIsolation';
import { escapeMarkdown } from '../core/present/markdownEscape';
import { sourceLabel } from '../core/present/topicCard';
import type { DerivedIndexes, DerivedSnapshot } from '../core/derived/derivedIndexes';
import { languageEnabled, readSettings } from '../host/settings';

/** Lines read above and below the hovered one: enough for a wrapped paragraph, bounded for huge ones. */
const paragraphReach = 20;
const maxParagraphChars = 4000;
const maxSentenceChars = 240;

/** How long a hover waits for the ledger's notes on the figure's sentence ("not a contradiction: …") before it shows without them. */
const ledgerNotesWaitMs = 1500;

/** What a source figure does to the draft's, in words; figures on other measures neither agree nor contradict. */
function verdictWords(verdict: MeasuredVerdict, measure: string): string {
  switch (verdict) {
    case 'agree':
      return vscode.l10n.t('agrees');
    case 'tension':
      return vscode.l10n.t('may disagree');
    case 'contradiction':
      return vscode.l10n.t('contradicts');
    case 'different-measure':
      return vscode.l10n.t('not a contradiction: a different measure ({0})', measure);
    case 'same-number-other-measure':
      return vscode.l10n.t('matches, but on a different measure ({0})', measure);
  }
}

/** The only commands this hover's links may run. */
const figureHoverCommands = [CommandIds.openPassage];

/**
 * Hovering a figure in the draft ("80% of India's arms") shows what each source says about the
 * same thing and whether it agrees. Uses the last built figure snapshot: a hover never waits
 * for a rebuild.
 */
export class FigureHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: CorpusIndex, private readonly derived: DerivedIndexes) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document.uri);
    if (!settings.hoverEnabled || !languageEnabled(settings, document.languageId)) return undefined;
    if (this.index.files().includes(document.uri.toString())) return undefined;
    const line = document.lineAt(position.line).text;
    if (!/\d/.test(line)) return undefined;
    const snapshot = this.derived.current();
    if (!snapshot || token.isCancellationRequested) return undefined;
    const paragraph = paragraphAround(document, position);
    if (!hasDraftFigureAt(paragraph.text, paragraph.offset)) return undefined;
    const match = (await snapshot.figureMatches(paragraph.text))
      .find((candidate) => candidate.figure.span.start <= paragraph.offset && paragraph.offset <= candidate.figure.span.end);
    if (!match || token.isCancellationRequested) return undefined;
    const notes = await ledgerNotes(snapshot, paragraph.text, match);
    if (token.isCancellationRequested) return undefined;
    const start = paragraph.positionOf(match.figure.span.start);
    const end = paragraph.positionOf(match.figure.span.end);
    return new vscode.Hover(this.render(match, notes), new vscode.Range(start, end));
  }

  private render(match: DraftFigureMatch, ledgerNotes: readonly string[]): vscode.MarkdownString[] {
    const body = new vscode.MarkdownString('', false);
    body.isTrusted = false;
    body.supportHtml = false;
    body.supportThemeIcons = false;
    const verdicts = measuredVerdicts(match);
    const agreeing = verdicts.filter((entry) => entry.verdict === 'agree').length;
    const sources = new Set(match.verdicts.map((entry) => entry.figure.articleId)).size;
    body.appendMarkdown(`**${isolatedMarkdown(match.group.label)}**  \n`);
    body.appendMarkdown(`${match.verdicts.length === 1 ? vscode.l10n.t('Your figure, {0}: {1} of 1 source figure agree ({2})', escapeMarkdown(match.figure.span.text), agreeing, sources === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', sources)) : vscode.l10n.t('Your figure, {0}: {1} of {2} source figures agree ({3})', escapeMarkdown(match.figure.span.text), agreeing, match.verdicts.length, sources === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', sources))}\n\n`);
    for (const { figure, verdict, measure } of verdicts) {
      const article = this.index.article(figure.articleId);
      const source = article ? sourceLabel(article) : vscode.l10n.t('unknown source');
      const frame = figure.anchor && !figure.span.text.includes(figure.anchor.text) ? `, ${figure.anchor.text}` : '';
      const sentence = figure.sentence.text.length > maxSentenceChars ? `${figure.sentence.text.slice(0, maxSentenceChars - 1)}…` : figure.sentence.text;
      body.appendMarkdown(`- **${isolatedMarkdown(figure.span.text)}** — *${isolatedMarkdown(source + frame)}* — ${isolatedMarkdown(verdictWords(verdict, measure.description))}: “${isolatedMarkdown(sentence)}”\n`);
    }
    // Figures that seem to disagree but measure different things (the story ledger's reading) say so.
    const explanation = explainFigureGroup(match.group, (articleId) => {
      const article = this.index.article(articleId);
      return article ? sourceLabel(article) : vscode.l10n.t('unknown source');
    });
    if (explanation) body.appendMarkdown(`\n*${isolatedMarkdown(explanation)}*\n`);
    // The ledger also reads figures of other groups: "not a contradiction: bilateral trade goal by 2025 (…) vs investment target by 2025 (…)".
    const kindOf = (note: string) => note.slice(0, note.indexOf(':'));
    for (const note of ledgerNotes) {
      if (explanation && kindOf(note) === kindOf(explanation)) continue;
      body.appendMarkdown(`\n*${isolatedMarkdown(note)}*\n`);
    }
    const actions = new vscode.MarkdownString('', true);
    actions.isTrusted = { enabledCommands: figureHoverCommands };
    actions.supportHtml = false;
    actions.supportThemeIcons = true;
    const links: string[] = [];
    const seen = new Set<string>();
    for (const { figure } of match.verdicts) {
      if (seen.has(figure.passageId) || !this.index.passage(figure.passageId)) continue;
      seen.add(figure.passageId);
      const article = this.index.article(figure.articleId);
      const label = isolatedMarkdown(article ? sourceLabel(article) : vscode.l10n.t('source'));
      links.push(`[$(go-to-file) ${label}](command:${CommandIds.openPassage}?${encodeURIComponent(JSON.stringify([figure.passageId]))} "${vscode.l10n.t('Open the source at this passage')}")`);
    }
    actions.appendMarkdown(links.join(' · '));
    return [body, actions];
  }
}

/** The story ledger's notes on the claim around the hovered figure, or none when the ledger is slow to answer. */
async function ledgerNotes(snapshot: DerivedSnapshot, paragraph: string, match: DraftFigureMatch): Promise<string[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ledgerNotesWaitMs);
  });
  try {
    const report = await Promise.race([snapshot.ledger(paragraph), late]);
    const claim = report?.claims.find((entry) => entry.start <= match.figure.span.start && match.figure.span.end <= entry.end);
    return claim ? [...claim.notes] : [];
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}

interface Paragraph {
  text: string;
  /** The hovered position as an offset into `text`. */
  offset: number;
  positionOf(offset: number): vscode.Position;
}

/** The lines of the hovered paragraph (up to a blank line), joined by line breaks, with a way back to editor positions. */
function paragraphAround(document: vscode.TextDocument, position: vscode.Position): Paragraph {
  let first = position.line;
  while (first > 0 && position.line - first < paragraphReach && document.lineAt(first - 1).text.trim() !== '') first--;
  let last = position.line;
  while (last < document.lineCount - 1 && last - position.line < paragraphReach && document.lineAt(last + 1).text.trim() !== '') last++;
  const lineStarts: number[] = [];
  let text = '';
  let offset = 0;
  for (let line = first; line <= last; line++) {
    lineStarts.push(text.length);
    const lineText = document.lineAt(line).text.slice(0, maxParagraphChars);
    if (line === position.line) offset = text.length + Math.min(position.character, lineText.length);
    text += `${lineText}\n`;
  }
  return {
    text,
    offset,
    positionOf(at: number): vscode.Position {
      let index = lineStarts.length - 1;
      while (index > 0 && lineStarts[index] > at) index--;
      return new vscode.Position(first + index, at - lineStarts[index]);
    },
  };
}
