import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { draftFlavourOf, inertDraftText } from '../core/present/draftText';
import { sanitiseLabel } from '../core/present/markdownEscape';
import { termRangeAt } from '../core/text/termAt';
import { languageEnabled, readSettings } from '../host/settings';

const minimumPrefix = 2;
const maxItems = 20;

/**
 * Offers canonical topic names while typing ("S4" offers "S-400" with a one-line source
 * preview). Off by default (`sourcebook.completion.enabled`): in prose, a suggest widget on
 * every word gets in the way of writing. The inserted name is plain text (never a snippet),
 * made inert for the draft like every other source text Sourcebook writes there.
 */
export class TopicCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: CorpusIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.CompletionItem[] | undefined {
    const settings = readSettings(document.uri);
    if (!settings.completionEnabled || !languageEnabled(settings, document.languageId)) return undefined;
    const line = document.lineAt(position.line).text;
    const term = termRangeAt(line, position.character);
    if (!term) return undefined;
    const replaced = new vscode.Range(position.line, term.start, position.line, position.character);
    const prefix = line.slice(term.start, position.character);
    if (prefix.length < minimumPrefix || token.isCancellationRequested) return undefined;
    const items: vscode.CompletionItem[] = [];
    const flavour = draftFlavourOf(document.languageId);
    for (const match of this.index.topics().lookup(prefix, maxItems)) {
      const { topic } = match;
      const item = new vscode.CompletionItem({ label: sanitiseLabel(topic.name), description: vscode.l10n.t('{0} sources', topic.articleIds.length) }, vscode.CompletionItemKind.Reference);
      item.range = replaced;
      item.insertText = inertDraftText(topic.name, flavour, { before: line.slice(0, term.start), after: line.slice(position.character) });
      item.filterText = [prefix, topic.name, ...topic.aliases].join(' ');
      const firstPassage = topic.mentions[0] ? this.index.passage(topic.mentions[0].passageId) : undefined;
      if (firstPassage) item.detail = sanitiseLabel(firstPassage.text, 100);
      items.push(item);
    }
    return items;
  }
}
