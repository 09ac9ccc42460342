import type { LazyLibraries } from '../core/ingest/ingestSourceFile';
import type { PdfJsModule } from '../core/ingest/pdfReader';

/**
 * The engine's libraries loaded by `load` the first time they are asked for; a failed load is
 * tried again next time (the file may have been unreadable for a moment).
 */
export function lazyLibraries(loadPdfJs: () => Promise<unknown>): LazyLibraries {
  let loading: Promise<PdfJsModule> | undefined;
  return {
    loadPdfJs: () => {
      loading ??= loadPdfJs().then(
        (module) => {
          if (typeof (module as Partial<PdfJsModule> | undefined)?.getDocument !== 'function') throw new Error('the PDF reader script did not define getDocument');
          return module as PdfJsModule;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}
