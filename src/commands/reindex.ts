import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

/** "Sourcebook: Reindex Sources": a full rescan, every file read again. */
export const reindexCommand: CommandDefinition = {
  id: CommandIds.reindex,
  title: vscode.l10n.t('Reindex'),
  run: (services) => services.loader.reload({ force: true }),
};
