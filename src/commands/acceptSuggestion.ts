import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { sanitiseLabel } from '../core/present/markdownEscape';
import type { SameTopicSuggestion } from '../core/topics/groupingSuggestions';
import { mergeTopics } from '../core/topics/aliasFile';
import type { CommandDefinition } from './commandRegistry';
import type { SourcebookServices } from './sourcebookServices';

/**
 * The suggestion a command was given: a node of the "Possibly the same" group or a suggestion's
 * key, checked against the suggestions shown now (nothing else is ever written to the alias
 * file); with no argument, the writer picks one.
 */
export async function suggestionFromArgument({ topicsTree }: SourcebookServices, argument: unknown, title: string): Promise<SameTopicSuggestion | undefined> {
  const current = await topicsTree.suggestions();
  const key = typeof argument === 'string' ? argument : isObject(argument) && isObject(argument.suggestion) && typeof argument.suggestion.key === 'string' ? argument.suggestion.key : undefined;
  if (key !== undefined) return current.find((suggestion) => suggestion.key === key);
  if (current.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sourcebook has no topics to suggest as possibly the same.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    current.map((suggestion) => ({
      label: sanitiseLabel(`${suggestion.other.name} ↔ ${suggestion.keep.name}`, 100),
      detail: sanitiseLabel(suggestion.evidence.map((evidence) => evidence.text).join(' · '), 200),
      suggestion,
    })),
    { title, placeHolder: vscode.l10n.t('Choose a pair of topics that may be the same') },
  );
  return picked?.suggestion;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** "Accept: the Same Topic": writes the pair to .sourcebook/topics.json as an alias, so the two are one topic from then on. */
async function acceptSuggestion(services: SourcebookServices, argument?: unknown): Promise<boolean> {
  const suggestion = await suggestionFromArgument(services, argument, vscode.l10n.t('Sourcebook: Accept — these are the same'));
  if (!suggestion) return false;
  const { keep, other } = suggestion;
  const written = await services.aliasFiles.edit((text) => mergeTopics(text, keep.name, [other.name]));
  if (written) void vscode.window.setStatusBarMessage(vscode.l10n.t('Sourcebook: “{0}” is now an alias of {1}', other.name, keep.name), 4000);
  return written;
}

export const acceptSuggestionCommand: CommandDefinition = {
  id: CommandIds.acceptSuggestion,
  title: vscode.l10n.t('Accept Suggestion'),
  run: (services, node) => acceptSuggestion(services, node),
};
