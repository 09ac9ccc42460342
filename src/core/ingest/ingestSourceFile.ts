import * as l10n from '@vscode/l10n';
import type { IngestOutcome, SkipReason } from '../model';
import { articleFromDocument, documentText, type DocumentContent } from './documentArticle';
import { readDocx } from './docxReader';
import { formatOfFileName, ingestFile, type IngestInput } from './ingestFile';
import { type IngestOptions, resolveIngestOptions } from './ingestOptions';
import { definedOnly } from './proseArticle';
import { readPdf, type PdfJsModule } from './pdfReader';

/**
 * Libraries too large to load before they are needed. The engine's thread provides them: the
 * PDF reader (pdf.js, 1.6 MB) is loaded the first time a PDF is read, never at start.
 */
export interface LazyLibraries {
  loadPdfJs?: () => Promise<PdfJsModule>;
}

/**
 * Reads any source file Sourcebook knows: text formats through `ingestFile`, Word documents
 * through `readDocx` and PDFs through `readPdf` (loading pdf.js first, if this is the first PDF).
 * Never rejects: every failure is a counted skip with its reason.
 */
export async function ingestSourceFile(input: IngestInput, options: Partial<IngestOptions> | undefined, libraries: LazyLibraries): Promise<IngestOutcome> {
  const format = formatOfFileName(input.fileName);
  if (format !== 'pdf' && format !== 'docx') return ingestFile(input, options);
  const resolved = resolveIngestOptions(options);
  try {
    const reading = await readDocumentContent(input, format, resolved, libraries);
    if (reading.kind === 'skipped') return reading;
    const { content, warnings } = reading;
    const article = articleFromDocument({ uri: input.uri, fileName: input.fileName, format, known: definedOnly(input.metadata ?? {}) }, content, resolved, warnings);
    if (article.passages.length === 0) return { kind: 'skipped', reason: 'empty', detail: l10n.t('The document has no text to index.') };
    return { kind: 'articles', articles: [article], warnings };
  } catch (error) {
    return { kind: 'skipped', reason: 'parse-error', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** A document's text as Sourcebook shows it (`documentText`), or why it could not be read. */
export type DocumentTextOutcome = { kind: 'text'; text: string } | { kind: 'skipped'; reason: SkipReason; detail: string };

/**
 * Reads a PDF or Word file again into the text its passages' ranges address (`documentText`),
 * with the same reader and the same limits as `ingestSourceFile`: a view of the extracted text
 * selects a passage exactly. Never rejects.
 */
export async function readDocumentText(input: IngestInput, options: Partial<IngestOptions> | undefined, libraries: LazyLibraries): Promise<DocumentTextOutcome> {
  const format = formatOfFileName(input.fileName);
  if (format !== 'pdf' && format !== 'docx') return { kind: 'skipped', reason: 'unsupported-format', detail: l10n.t('{0} is not a PDF or Word file.', input.fileName) };
  try {
    const reading = await readDocumentContent(input, format, resolveIngestOptions(options), libraries);
    return reading.kind === 'skipped' ? reading : { kind: 'text', text: documentText(reading.content) };
  } catch (error) {
    return { kind: 'skipped', reason: 'parse-error', detail: error instanceof Error ? error.message : String(error) };
  }
}

type DocumentReading = { kind: 'content'; content: DocumentContent; warnings: string[] } | { kind: 'skipped'; reason: SkipReason; detail: string };

async function readDocumentContent(input: IngestInput, format: 'pdf' | 'docx', options: IngestOptions, libraries: LazyLibraries): Promise<DocumentReading> {
  if (input.bytes.length > options.maxFileBytes) {
    return { kind: 'skipped', reason: 'too-large', detail: l10n.t('{0} bytes is over the {1}-byte limit.', input.bytes.length, options.maxFileBytes) };
  }
  if (input.bytes.length === 0) return { kind: 'skipped', reason: 'empty', detail: l10n.t('The file is empty.') };
  if (format === 'docx') {
    const reading = readDocx(input.bytes, options.maxDocxExpandedBytes);
    return reading.ok ? { kind: 'content', content: reading.content, warnings: [] } : { kind: 'skipped', reason: reading.reason, detail: reading.detail };
  }
  if (!libraries.loadPdfJs) return { kind: 'skipped', reason: 'unsupported-format', detail: l10n.t('PDF files are read in the background worker, which this editor could not start.') };
  const pdfjs = await libraries.loadPdfJs();
  const reading = await readPdf(input.bytes, pdfjs, { maxPages: options.maxPdfPages, maxMillis: options.maxPdfMillis });
  return reading.ok ? { kind: 'content', content: reading.content, warnings: [...reading.warnings] } : { kind: 'skipped', reason: reading.reason, detail: reading.detail };
}
