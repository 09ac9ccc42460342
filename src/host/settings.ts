import * as vscode from 'vscode';
import { defaultCitationFormat } from '../core/citation';

/** Sourcebook's settings, read once per use so changes apply live. */
export interface SourcebookSettings {
  corpusPaths: string[];
  includeBundled: boolean;
  maxFileBytes: number;
  followSymlinks: boolean;
  hoverEnabled: boolean;
  hoverMaxPassages: number;
  hoverLanguages: string[];
  decorationsEnabled: boolean;
  completionEnabled: boolean;
  citationFormat: string;
}

export function readSettings(scope?: vscode.ConfigurationScope): SourcebookSettings {
  const config = vscode.workspace.getConfiguration('sourcebook', scope);
  const trusted = vscode.workspace.isTrusted;
  const rawPaths = config.get<unknown>('corpus.paths');
  const paths = Array.isArray(rawPaths) ? rawPaths.filter((value): value is string => typeof value === 'string' && value.trim().length > 0) : [];
  return {
    // Restricted Mode: globs that climb out of the workspace or are absolute widen reach, so they are ignored there.
    corpusPaths: trusted ? paths : paths.filter((glob) => !glob.split(/[\\/]/).includes('..') && !/^([a-zA-Z]:)?[\\/]/.test(glob)),
    includeBundled: config.get<boolean>('corpus.includeBundled') === true,
    maxFileBytes: Math.max(1024, (config.get<number>('corpus.maxFileSizeMB') ?? 10) * 1024 * 1024),
    followSymlinks: trusted && config.get<boolean>('corpus.followSymlinks') === true,
    hoverEnabled: config.get<boolean>('hover.enabled') !== false,
    hoverMaxPassages: clamp(config.get<number>('hover.maxPassages') ?? 3, 1, 10),
    hoverLanguages: config.get<string[]>('hover.languages') ?? ['markdown', 'plaintext'],
    decorationsEnabled: config.get<boolean>('decorations.enabled') !== false,
    completionEnabled: config.get<boolean>('completion.enabled') === true,
    citationFormat: config.get<string>('citation.format') ?? defaultCitationFormat,
  };
}

/** Whether a document's language gets hovers and decorations. */
export function languageEnabled(settings: SourcebookSettings, languageId: string): boolean {
  return settings.hoverLanguages.includes('*') || settings.hoverLanguages.includes(languageId);
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
