import * as l10n from '@vscode/l10n';
import type { ArticleMetadata, IngestOutcome, SourceFormat } from '../model';
import { ArticleDraft, buildArticle } from './buildArticle';
import { boundedTitle } from './cleanArticle';
import { decodeBytes } from './decodeBytes';
import { IngestOptions, resolveIngestOptions } from './ingestOptions';
import { readFrontMatter } from './frontMatter';
import { readHtml } from './htmlReader';
import { MAX_JSON_NESTING, readJsonl } from './jsonlReader';
import { LineIndex } from './lineIndex';
import { readMarkdown } from './markdownReader';
import { definedOnly, draftFromProse } from './proseArticle';
import { plainTextLines } from './proseLines';

/** One file to ingest: where it lives, its name (for the format), its bytes, and metadata known from elsewhere (a manifest). */
export interface IngestInput {
  uri: string;
  fileName: string;
  bytes: Uint8Array;
  metadata?: Partial<ArticleMetadata>;
}

/** The format a file name implies, or undefined when Sourcebook does not read it. */
export function formatOfFileName(fileName: string): SourceFormat | undefined {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  switch (match?.[1].toLowerCase()) {
    case 'txt':
    case 'text':
      return 'txt';
    case 'md':
    case 'markdown':
      return 'md';
    case 'html':
    case 'htm':
      return 'html';
    case 'jsonl':
      return 'jsonl';
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    default:
      return undefined;
  }
}

/**
 * Reads one source file into articles with clean passages and honest metadata, or
 * says why it was skipped. Never throws: any unexpected failure becomes a 'parse-error' skip.
 */
export function ingestFile(input: IngestInput, options?: Partial<IngestOptions>): IngestOutcome {
  try {
    return ingestOrSkip(input, resolveIngestOptions(options));
  } catch (error) {
    return { kind: 'skipped', reason: 'parse-error', detail: error instanceof Error ? error.message : String(error) };
  }
}

function ingestOrSkip(input: IngestInput, options: IngestOptions): IngestOutcome {
  const format = formatOfFileName(input.fileName);
  if (!format) {
    return { kind: 'skipped', reason: 'unsupported-format', detail: l10n.t('{0} is not .txt, .md, .html, .jsonl, .pdf or .docx.', input.fileName) };
  }
  if (format === 'pdf' || format === 'docx') {
    // Documents are read by `ingestSourceFile` (the PDF reader loads only when a PDF is found, and answers asynchronously).
    return { kind: 'skipped', reason: 'unsupported-format', detail: `${input.fileName} is a document: read it with ingestSourceFile.` };
  }
  if (input.bytes.length > options.maxFileBytes) {
    return { kind: 'skipped', reason: 'too-large', detail: l10n.t('{0} bytes is over the {1}-byte limit.', input.bytes.length, options.maxFileBytes) };
  }
  const decoded = decodeBytes(input.bytes);
  if (!decoded.ok) {
    return { kind: 'skipped', reason: decoded.reason, detail: decoded.detail };
  }
  if (decoded.text.trim().length === 0) {
    return { kind: 'skipped', reason: 'empty', detail: l10n.t('The file has no text.') };
  }
  const index = new LineIndex(decoded.text);
  const warnings: string[] = [];
  const drafts = readDrafts(format, input, index, options, warnings);
  const articles = [];
  for (const draft of drafts) {
    const article = buildArticle(draft, index, options, warnings);
    if (article.passages.length > 0) {
      articles.push(article);
    } else if (format === 'jsonl') {
      warnings.push(`${draft.meta.title}: no text to index.`);
    }
  }
  if (articles.length === 0) {
    return { kind: 'skipped', reason: 'empty', detail: format === 'jsonl' ? l10n.t('No line of the file holds an article with text.') : noPassagesDetail(drafts, format === 'md' && readFrontMatter(index) !== undefined) };
  }
  return { kind: 'articles', articles, warnings };
}

/** Why a file with text gave no passage: it holds only front matter, headings and cruft, and which. */
function noPassagesDetail(drafts: ArticleDraft[], frontMatterOnly: boolean): string {
  const dropped = drafts.flatMap((draft) => draft.droppedLines);
  const parts = frontMatterOnly ? [l10n.t('front matter')] : [];
  if (dropped.length > 0) {
    const reasons = [...new Set(dropped.map((line) => line.reason))];
    parts.push(l10n.t('{0} line(s) of headings or cruft ({1})', dropped.length, `${reasons.slice(0, 5).join(', ')}${reasons.length > 5 ? ', ...' : ''}`));
  }
  return parts.length === 0 ? l10n.t('The file has no passages to index.') : l10n.t('The file has no passages to index: only {0}.', parts.join(l10n.t(' and ')));
}

function readDrafts(format: Exclude<SourceFormat, 'pdf' | 'docx'>, input: IngestInput, index: LineIndex, options: IngestOptions, warnings: string[]): ArticleDraft[] {
  const known = definedOnly(input.metadata ?? {});
  switch (format) {
    case 'txt':
      return [draftFromProse({ sourceUri: input.uri, format, lines: plainTextLines(index), known, fallbackTitle: input.fileName })];
    case 'md':
      return [markdownDraft(input, index, known, warnings)];
    case 'html': {
      const page = readHtml(index, options.maxHtmlDepth, options.maxPassagesPerArticle * 2);
      if (page.truncated) {
        warnings.push(`Only the first ${options.maxPassagesPerArticle * 2} blocks of text on the page were read.`);
      }
      if (page.flattenedTags > 0) {
        warnings.push(`${page.flattenedTags} HTML element(s) nested more than ${options.maxHtmlDepth} deep were flattened into their ancestor; their text is kept.`);
      }
      const merged: Partial<ArticleMetadata> = { ...page.metadata, ...known };
      if (merged.title === undefined && page.title) {
        merged.title = boundedTitle(page.title);
      }
      return [draftFromProse({ sourceUri: input.uri, format, lines: page.lines, known: merged, titleLine: 'paragraph', fallbackTitle: input.fileName, dropped: page.dropped })];
    }
    case 'jsonl':
      return jsonlDrafts(input, index, known, options, warnings);
  }
}

function markdownDraft(input: IngestInput, index: LineIndex, manifest: Partial<ArticleMetadata>, warnings: string[]): ArticleDraft {
  const frontMatter = readFrontMatter(index);
  if (frontMatter?.problem) {
    warnings.push(frontMatter.problem);
  }
  const body = readMarkdown(index, frontMatter?.bodyLine ?? 0);
  const firstProse = body.lines.find((line) => line.text.trim().length > 0)?.line ?? Infinity;
  const heading = body.headings.find((candidate) => candidate.level === 1) ?? body.headings.find((candidate) => candidate.line < firstProse);
  const known: Partial<ArticleMetadata> = { ...frontMatter?.metadata, ...manifest };
  if (known.title === undefined && heading && heading.text.length > 0) {
    known.title = boundedTitle(heading.text);
  }
  const headings = body.headings.filter((candidate) => candidate.text.length > 0).map((candidate) => ({ line: candidate.line, text: candidate.text, reason: 'heading' }));
  return draftFromProse({ sourceUri: input.uri, format: 'md', lines: body.lines, known, titleLine: 'paragraph', fallbackTitle: input.fileName, dropped: headings });
}

function jsonlDrafts(input: IngestInput, index: LineIndex, manifest: Partial<ArticleMetadata>, options: IngestOptions, warnings: string[]): ArticleDraft[] {
  const content = readJsonl(index, options.maxJsonlArticles);
  if (content.badLines.length > 0) {
    const shown = content.badLines.slice(0, 5).map((line) => line + 1).join(', ');
    warnings.push(`${content.badLines.length} line(s) are not JSON articles with a "text" field and were skipped (line ${shown}${content.badLines.length > 5 ? ', ...' : ''}).`);
  }
  if (content.deepLines.length > 0) {
    const shown = content.deepLines.slice(0, 5).map((line) => line + 1).join(', ');
    warnings.push(`${content.deepLines.length} line(s) nest arrays or objects more than ${MAX_JSON_NESTING} deep; only their top-level text and metadata fields were read (line ${shown}${content.deepLines.length > 5 ? ', ...' : ''}).`);
  }
  if (content.truncated) {
    warnings.push(`Only the first ${options.maxJsonlArticles} articles were read.`);
  }
  return content.articles.map((article) =>
    draftFromProse({
      sourceUri: input.uri,
      format: 'jsonl',
      part: String(article.line),
      lines: article.lines,
      known: { ...manifestForLine(manifest), ...article.metadata },
      // A record's text is body: a first line without a full stop (a wire alert, a post) names it but stays indexed.
      titleLine: 'paragraph',
      fallbackTitle: `${input.fileName}:${article.line + 1}`,
    }),
  );
}

/** A manifest entry for a whole .jsonl file can only say what all its articles share. */
function manifestForLine(manifest: Partial<ArticleMetadata>): Partial<ArticleMetadata> {
  const { title: _title, url: _url, ...shared } = manifest;
  return shared;
}
