import * as vscode from 'vscode';
import { SettingKeys, settingsSection } from '../contributionIds';
import { defaultIngestOptions, type IngestOptions } from '../core/ingest/ingestOptions';
import { defaultCitationFormat } from '../core/present/citation';

/** Sourcebook's settings, read once per use so changes apply live. */
export interface SourcebookSettings {
  corpusPaths: string[];
  includeBundled: boolean;
  maxFileBytes: number;
  /** A PDF's pages after this many are not read. */
  pdfMaxPages: number;
  /** Reading one PDF stops after this long, keeping the pages read. */
  pdfMaxMillis: number;
  /** A Word file whose text parts unzip to more than this is skipped (a zip bomb). */
  docxMaxUnzippedBytes: number;
  followSymlinks: boolean;
  hoverEnabled: boolean;
  hoverMaxPassages: number;
  hoverLanguages: string[];
  decorationsEnabled: boolean;
  completionEnabled: boolean;
  citationFormat: string;
  checkDraftWhileTyping: boolean;
  /** Sourcebook Archive's address; in Restricted Mode only the user's own setting counts (a workspace could point it at a server of its choosing). */
  archiveUrl: string | undefined;
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
    pdfMaxPages: Math.max(1, Math.round(finiteOr(config.get<number>(SettingKeys.corpusPdfMaxPages), defaultIngestOptions.maxPdfPages))),
    pdfMaxMillis: Math.max(1, finiteOr(config.get<number>(SettingKeys.corpusPdfMaxSeconds), defaultIngestOptions.maxPdfMillis / 1000)) * 1000,
    docxMaxUnzippedBytes: Math.max(1, finiteOr(config.get<number>(SettingKeys.corpusDocxMaxUnzippedMB), defaultIngestOptions.maxDocxExpandedBytes / 1048576)) * 1048576,
    followSymlinks: trusted && config.get<boolean>(SettingKeys.corpusFollowSymlinks) === true,
    hoverEnabled: config.get<boolean>(SettingKeys.hoverEnabled) !== false,
    hoverMaxPassages: clamp(config.get<number>(SettingKeys.hoverMaxPassages) ?? 3, 1, 10),
    hoverLanguages: config.get<string[]>(SettingKeys.hoverLanguages) ?? ['markdown', 'plaintext'],
    decorationsEnabled: config.get<boolean>(SettingKeys.decorationsEnabled) !== false,
    completionEnabled: config.get<boolean>(SettingKeys.completionEnabled) === true,
    citationFormat: config.get<string>(SettingKeys.citationFormat) ?? defaultCitationFormat,
    checkDraftWhileTyping: config.get<boolean>(SettingKeys.checkDraftWhileTyping) !== false,
    archiveUrl: nonEmpty(trusted ? config.get<unknown>(SettingKeys.archiveUrl) : config.inspect<unknown>(SettingKeys.archiveUrl)?.globalValue),
  };
}

/** The limits on reading one file that the settings set, as the engine takes them. */
export function ingestOptionsOf(settings: SourcebookSettings): Partial<IngestOptions> {
  return {
    maxFileBytes: settings.maxFileBytes,
    maxPdfPages: settings.pdfMaxPages,
    maxPdfMillis: settings.pdfMaxMillis,
    maxDocxExpandedBytes: settings.docxMaxUnzippedBytes,
  };
}

/** Whether a document's language gets hovers and decorations. */
export function languageEnabled(settings: SourcebookSettings, languageId: string): boolean {
  return settings.hoverLanguages.includes('*') || settings.hoverLanguages.includes(languageId);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
