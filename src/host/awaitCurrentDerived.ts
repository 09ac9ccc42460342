import * as vscode from 'vscode';
import type { DerivedIndexes, DerivedSnapshot } from '../core/derived/derivedIndexes';

/** Waits longer than this show progress: the writer should see why a command has not answered yet. */
const progressAfterMs = 1000;

/**
 * The derived indexes of the corpus as it is now, for an explicit command: waits for pending
 * file changes and the rebuild they cause, and shows progress in the status bar if that takes
 * more than a second. Never answers from a half-built or older index.
 */
export async function awaitCurrentDerived(derived: DerivedIndexes, what: string): Promise<DerivedSnapshot> {
  const current = derived.whenCurrent();
  let settled = false;
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Sourcebook: {0} waits for the sources to be indexed', what) }, () => current.catch(() => undefined));
  }, progressAfterMs);
  try {
    return await current;
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}
