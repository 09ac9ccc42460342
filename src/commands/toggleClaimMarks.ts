import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

/**
 * Turns the claim marks in the draft on or off (the Draft Check view's title button). Answers
 * whether they are on and the marks put on the active draft.
 */
export const toggleClaimMarksCommand: CommandDefinition = {
  id: CommandIds.toggleClaimMarks,
  title: vscode.l10n.t('Toggle Claim Marks'),
  run: ({ claimMarks }) => claimMarks.toggle(),
};
