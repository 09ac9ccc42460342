import * as vscode from 'vscode';
import type { Logger } from '../core/model';

/**
 * Wraps a command handler so that a failure is logged and told to the user in one sentence,
 * and every other command keeps working: errors are caught here, at the edge, and nowhere else.
 */
export function guardCommand(logger: Logger, name: string, handler: (...args: unknown[]) => unknown): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`${name} failed: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Sourcebook: {0} failed: {1}', name, message));
      return undefined;
    }
  };
}
