import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { buildTopicCard, type TopicCard } from '../core/present/topicCard';
import { termRangeAt } from '../core/text/termAt';
import { languageEnabled, readSettings } from '../host/settings';
import { renderTopicCard } from './renderTopicCard';

/** What the hover needs of the archive: its card for a term, waited for briefly (see `ArchiveSession.cardFor`). */
export interface ArchiveCards {
  readonly active: boolean;
  cardFor(term: string, limit: number): Promise<TopicCard | null | undefined>;
}

/**
 * Hovering a topic in the writer's draft shows what the sources say about it: the local card at
 * once, and, when an archive is connected, the archive's card below it if it comes within the
 * archive's short wait (else it is cached for the next hover of that term).
 */
export class PassageHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: CorpusIndex,
    private readonly archive?: ArchiveCards,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document.uri);
    if (!settings.hoverEnabled || !languageEnabled(settings, document.languageId)) return undefined;
    if (token.isCancellationRequested) return undefined;
    const line = document.lineAt(position.line).text;
    const local = this.localCard(line, position.character, settings.hoverMaxPassages);
    const archiveTerm = local ? local.term : termRangeAt(line, position.character);
    if (!this.archive?.active || !archiveTerm) {
      return local ? new vscode.Hover(renderTopicCard(local.card), new vscode.Range(position.line, local.start, position.line, local.end)) : undefined;
    }
    const archiveCard = await this.archive.cardFor(line.slice(archiveTerm.start, archiveTerm.end), settings.hoverMaxPassages);
    if (token.isCancellationRequested) return undefined;
    const shownIds = new Set(local?.card.passages.map((passage) => passage.passageId));
    const archivePassages = archiveCard?.passages.filter((passage) => !shownIds.has(passage.passageId)) ?? [];
    const contents = [...(local ? renderTopicCard(local.card) : []), ...(archiveCard && archivePassages.length > 0 ? renderTopicCard({ ...archiveCard, passages: archivePassages }, 'archive') : [])];
    if (contents.length === 0) return undefined;
    const range = local ?? archiveTerm;
    return new vscode.Hover(contents, new vscode.Range(position.line, range.start, position.line, range.end));
  }

  private localCard(line: string, character: number, maxPassages: number): { card: TopicCard; start: number; end: number; term: { start: number; end: number } } | undefined {
    if (this.index.passageCount() === 0) return undefined;
    const topics = this.index.topics();
    const match = topics.matchAt(line, character);
    if (!match) return undefined;
    const transliterations = match.quality === 'transliterated' ? [] : topics.transliterationsAt(line, match);
    const card = buildTopicCard(match, this.index, maxPassages, line.slice(match.start, match.end), transliterations);
    if (card.passages.length === 0) return undefined;
    return { card, start: match.start, end: match.end, term: { start: match.start, end: match.end } };
  }
}
