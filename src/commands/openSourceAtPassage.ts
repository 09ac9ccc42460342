import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

/** Opens a passage's source beside the draft, selected and highlighted (hover, tree and search links). */
export const openPassageCommand: CommandDefinition = {
  id: CommandIds.openPassage,
  title: vscode.l10n.t('Open Source'),
  run: ({ opener }, passageId) => opener.open(passageId),
};
