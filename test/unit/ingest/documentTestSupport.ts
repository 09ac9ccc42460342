import type { IngestOptions } from '../../../src/core/ingest/ingestOptions';
import { ingestSourceFile, type LazyLibraries } from '../../../src/core/ingest/ingestSourceFile';
import type { PdfJsModule } from '../../../src/core/ingest/pdfReader';
import type { IngestOutcome } from '../../../src/core/model';

/** A real ES `import()` from this CommonJS test (TypeScript would turn a written one into `require`, which pdf.js's package refuses). */
export const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** pdf.js as `dist/pdfjs.js` wraps it: unpdf's build for hosts without a DOM. */
export const testLibraries: LazyLibraries = {
  loadPdfJs: async () => (await importModule('unpdf/pdfjs')) as PdfJsModule,
};

export function ingestDocument(fileName: string, bytes: Uint8Array, options?: Partial<IngestOptions>, libraries: LazyLibraries = testLibraries): Promise<IngestOutcome> {
  return ingestSourceFile({ uri: `file:///sources/${fileName}`, fileName, bytes }, options, libraries);
}
