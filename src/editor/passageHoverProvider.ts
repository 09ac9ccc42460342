import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { buildTopicCard } from '../core/present/topicCard';
import { languageEnabled, readSettings } from '../host/settings';
import { renderTopicCard } from './renderTopicCard';

/** Hovering a topic in the writer's draft shows what the sources say about it. */
export class PassageHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: CorpusIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const settings = readSettings(document.uri);
    if (!settings.hoverEnabled || !languageEnabled(settings, document.languageId)) return undefined;
    if (token.isCancellationRequested || this.index.passageCount() === 0) return undefined;
    const line = document.lineAt(position.line).text;
    const topics = this.index.topics();
    const match = topics.matchAt(line, position.character);
    if (!match || token.isCancellationRequested) return undefined;
    const transliterations = match.quality === 'transliterated' ? [] : topics.transliterationsAt(line, match);
    const card = buildTopicCard(match, this.index, settings.hoverMaxPassages, line.slice(match.start, match.end), transliterations);
    if (card.passages.length === 0) return undefined;
    return new vscode.Hover(renderTopicCard(card), new vscode.Range(position.line, match.start, position.line, match.end));
  }
}
