import type { IngestOutcome } from '../model';
import { articleFromDocument, type DocumentContent } from './documentArticle';
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
  if (input.bytes.length > resolved.maxFileBytes) {
    return { kind: 'skipped', reason: 'too-large', detail: `${input.bytes.length} bytes is over the ${resolved.maxFileBytes}-byte limit.` };
  }
  if (input.bytes.length === 0) return { kind: 'skipped', reason: 'empty', detail: 'The file is empty.' };
  try {
    let content: DocumentContent;
    const warnings: string[] = [];
    if (format === 'docx') {
      const reading = readDocx(input.bytes, resolved.maxDocxExpandedBytes);
      if (!reading.ok) return { kind: 'skipped', reason: reading.reason, detail: reading.detail };
      content = reading.content;
    } else {
      if (!libraries.loadPdfJs) return { kind: 'skipped', reason: 'unsupported-format', detail: 'PDF files are read in the background worker, which this editor could not start.' };
      const pdfjs = await libraries.loadPdfJs();
      const reading = await readPdf(input.bytes, pdfjs, { maxPages: resolved.maxPdfPages, maxMillis: resolved.maxPdfMillis });
      if (!reading.ok) return { kind: 'skipped', reason: reading.reason, detail: reading.detail };
      content = reading.content;
      warnings.push(...reading.warnings);
    }
    const article = articleFromDocument({ uri: input.uri, fileName: input.fileName, format, known: definedOnly(input.metadata ?? {}) }, content, resolved, warnings);
    if (article.passages.length === 0) return { kind: 'skipped', reason: 'empty', detail: 'The document has no text to index.' };
    return { kind: 'articles', articles: [article], warnings };
  } catch (error) {
    return { kind: 'skipped', reason: 'parse-error', detail: error instanceof Error ? error.message : String(error) };
  }
}
