import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

/**
 * "Sourcebook: Filter Topics...": narrows the Topics view to names and aliases containing the
 * text, and topics whose name in another alphabet transliterates to it (listed after, labelled).
 * Given a string argument, filters by it without asking.
 */
export const filterTopicsCommand: CommandDefinition = {
  id: CommandIds.filterTopics,
  title: vscode.l10n.t('Filter Topics'),
  async run({ topicsTree, topicsView }, given) {
    const text = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: vscode.l10n.t('Filter Topics'), value: topicsTree.filter, prompt: vscode.l10n.t('Show only topics whose name or alias contains this (empty: all)') });
    if (text === undefined) return;
    topicsTree.setFilter(text);
    topicsView.description = text.trim() ? vscode.l10n.t('filter: {0}', text.trim()) : undefined;
  },
};
