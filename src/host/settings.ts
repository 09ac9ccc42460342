import * as vscode from 'vscode';
import { SettingKeys, settingsSection } from '../contributionIds';
import { defaultCitationFormat } from '../core/present/citation';

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
  checkDraftWhileTyping: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): SourcebookSettings {
  const config = vscode.workspace.getConfiguration(settingsSection, scope);
  const trusted = vscode.workspace.isTrusted;
  const rawPaths = config.get<unknown>(SettingKeys.corpusPaths);
  const paths = Array.isArray(rawPaths) ? rawPaths.filter((value): value is string => typeof value === 'string' && value.trim().length > 0) : [];
  return {
    // Restricted Mode: globs that climb out of the workspace or are absolute widen reach, so they are ignored there.
    corpusPaths: trusted ? paths : paths.filter((glob) => !glob.split(/[\\/]/).includes('..') && !/^([a-zA-Z]:)?[\\/]/.test(glob)),
    includeBundled: config.get<boolean>(SettingKeys.corpusIncludeBundled) === true,
    maxFileBytes: Math.max(1024, (config.get<number>(SettingKeys.corpusMaxFileSizeMB) ?? 10) * 1024 * 1024),
    followSymlinks: trusted && config.get<boolean>(SettingKeys.corpusFollowSymlinks) === true,
    hoverEnabled: config.get<boolean>(SettingKeys.hoverEnabled) !== false,
    hoverMaxPassages: clamp(config.get<number>(SettingKeys.hoverMaxPassages) ?? 3, 1, 10),
    hoverLanguages: config.get<string[]>(SettingKeys.hoverLanguages) ?? ['markdown', 'plaintext'],
    decorationsEnabled: config.get<boolean>(SettingKeys.decorationsEnabled) !== false,
    completionEnabled: config.get<boolean>(SettingKeys.completionEnabled) === true,
    citationFormat: config.get<string>(SettingKeys.citationFormat) ?? defaultCitationFormat,
    checkDraftWhileTyping: config.get<boolean>(SettingKeys.checkDraftWhileTyping) !== false,
  };
}

/** Whether a document's language gets hovers and decorations. */
export function languageEnabled(settings: SourcebookSettings, languageId: string): boolean {
  return settings.hoverLanguages.includes('*') || settings.hoverLanguages.includes(languageId);
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
