import * as vscode from 'vscode';
import type { SourceRange } from '../core/model';

/** The one place core ranges become VS Code ranges. */
export function toEditorRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter);
}

export function toUri(sourceUri: string): vscode.Uri {
  return vscode.Uri.parse(sourceUri, true);
}
