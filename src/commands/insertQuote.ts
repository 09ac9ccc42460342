import * as vscode from 'vscode';
import { citationText, formatQuote, quoteTextFor } from '../core/present/citation';
import { draftFlavourOf } from '../core/present/draftText';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { Article, Passage } from '../core/model';
import { archiveDocumentScheme } from '../host/archiveDocuments';
import { documentViewScheme, sourceUriShownIn } from '../host/documentTextViews';
import { toEditorRange } from '../host/editorRanges';
import { readSettings } from '../host/settings';
import { passageFromArgument } from '../core/corpus/commandArguments';
import { CommandIds } from '../contributionIds';
import type { CommandDefinition } from './commandRegistry';

/**
 * Inserts a passage (or, when the writer selected part of it in the source, that sentence)
 * with a citation at the cursor of the writer's draft, as one undoable edit.
 */
export async function insertQuote(index: CorpusIndex, passageArgument?: unknown): Promise<boolean> {
  const sourceUris = new Set(index.articles().map((article) => article.sourceUri));
  const active = vscode.window.activeTextEditor;
  let passage = passageArgument === undefined ? undefined : passageFromArgument(index, passageArgument);
  let selection: string | undefined;
  const activeSource = active ? sourceUriShownIn(active.document.uri) : undefined;
  if (active && activeSource !== undefined && sourceUris.has(activeSource) && !active.selection.isEmpty) {
    const selected = active.document.getText(active.selection);
    const inside = passage ?? passageContaining(index, activeSource, active.selection.start);
    if (inside) {
      passage = inside;
      selection = selected;
    }
  }
  if (!passage) {
    void vscode.window.showWarningMessage(passageArgument === undefined ? vscode.l10n.t('Sourcebook: choose a passage to quote (from a hover, the search, or the Articles view).') : vscode.l10n.t('Sourcebook: that passage is no longer in the index.'));
    return false;
  }
  const article = index.article(passage.articleId);
  const draft = draftEditor(index);
  if (!draft || !article) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Sourcebook: open your draft in an editor to insert a quote into it.'));
    return false;
  }
  return quoteIntoDraft(draft, article, quoteTextFor(passage, selection), passage.page);
}

/**
 * Puts a quotation of `article` and its citation (in the writer's citation format, made inert
 * for the draft's kind of text) in place of the draft's selection, with a footnote at the end
 * when the format has one, as one undoable edit; then shows the draft. Local and archive
 * passages are quoted through this one path.
 */
export async function quoteIntoDraft(draft: vscode.TextEditor, article: Article, text: string, page: number | undefined): Promise<boolean> {
  const format = readSettings(draft.document.uri).citationFormat;
  const { start: from, end: to } = draft.selection;
  const placement = {
    flavour: draftFlavourOf(draft.document.languageId),
    before: draft.document.lineAt(from.line).text.slice(0, from.character),
    after: draft.document.lineAt(to.line).text.slice(to.character),
  };
  const quote = formatQuote(format, article, { text, page }, nextFootnoteLabel(draft.document.getText()), placement);
  const applied = await draft.edit((builder) => {
    builder.replace(draft.selection, quote.text);
    if (quote.footnote) {
      const end = draft.document.lineAt(draft.document.lineCount - 1).range.end;
      builder.insert(end, `\n\n${quote.footnote}\n`);
    }
  });
  if (applied) await vscode.window.showTextDocument(draft.document, { viewColumn: draft.viewColumn, preserveFocus: false });
  return applied;
}

/**
 * The citation text for a passage, for "Copy Citation": made inert for the draft the writer is
 * working in (the editor Insert Quote would write to), or for markdown when none is open, since
 * where the clipboard goes is unknown and markdown is the reading that needs escaping.
 */
export function citationFor(index: CorpusIndex, passage: Passage): string | undefined {
  const article: Article | undefined = index.article(passage.articleId);
  if (!article) return undefined;
  const draft = draftEditor(index);
  const flavour = draft ? draftFlavourOf(draft.document.languageId) : 'markdown';
  return citationText(readSettings(draft?.document.uri).citationFormat, article, { text: passage.text, page: passage.page }, flavour, nextFootnoteLabel(''));
}

/** The writer's draft: the active editor, else a visible one, that is not a source, an archive article or an output channel. */
export function draftEditor(index: CorpusIndex): vscode.TextEditor | undefined {
  const sourceUris = new Set(index.articles().map((article) => article.sourceUri));
  return [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find(
    (editor): editor is vscode.TextEditor => !!editor && !sourceUris.has(editor.document.uri.toString()) && editor.document.uri.scheme !== 'output' && editor.document.uri.scheme !== documentViewScheme && editor.document.uri.scheme !== archiveDocumentScheme,
  );
}

function passageContaining(index: CorpusIndex, sourceUri: string, position: vscode.Position): Passage | undefined {
  for (const article of index.articles()) {
    if (article.sourceUri !== sourceUri) continue;
    const found = article.passages.find((passage) => toEditorRange(passage.range).contains(position));
    if (found) return found;
  }
  return undefined;
}

export function nextFootnoteLabel(documentText: string): string {
  let highest = 0;
  for (const match of documentText.matchAll(/\[\^source-(\d+)\]/g)) highest = Math.max(highest, Number(match[1]));
  return `source-${highest + 1}`;
}

export const insertQuoteCommand: CommandDefinition = {
  id: CommandIds.insertQuote,
  title: vscode.l10n.t('Insert Quote'),
  run: ({ index }, passageId) => insertQuote(index, passageId),
};
