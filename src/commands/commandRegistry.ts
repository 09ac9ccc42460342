import * as vscode from 'vscode';
import type { CommandIds } from '../contributionIds';
import { guardCommand } from './guardCommand';
import type { SourcebookServices } from './sourcebookServices';

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/**
 * One user-facing command: its id, the name its failures are reported under, and what it
 * does with the services. Each command file exports its definition; `allCommands` lists them.
 */
export interface CommandDefinition {
  id: CommandId;
  title: string;
  run(services: SourcebookServices, ...args: unknown[]): unknown;
}

/** Registers every command, each guarded so a failure is logged and told in one sentence. */
export function registerCommands(services: SourcebookServices, definitions: readonly CommandDefinition[]): vscode.Disposable[] {
  return definitions.map((definition) =>
    vscode.commands.registerCommand(definition.id, guardCommand(services.logger, definition.title, (...args) => definition.run(services, ...args))),
  );
}
