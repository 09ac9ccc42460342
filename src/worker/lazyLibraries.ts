import type { EngineLibraries, PageReaderModule } from '../core/derived/derivedEngine';
import type { PdfJsModule } from '../core/ingest/pdfReader';

/**
 * The engine's libraries loaded by their loader the first time they are asked for; a failed
 * load is tried again next time (the file may have been unreadable for a moment).
 */
export function lazyLibraries(loadPdfJs: () => Promise<unknown>, loadPageReader?: () => Promise<unknown>): EngineLibraries {
  const libraries: EngineLibraries = {
    loadPdfJs: onceLoaded(loadPdfJs, (module): module is PdfJsModule => typeof (module as Partial<PdfJsModule> | undefined)?.getDocument === 'function', 'the PDF reader script did not define getDocument'),
  };
  if (loadPageReader) {
    libraries.loadPageReader = onceLoaded(loadPageReader, (module): module is PageReaderModule => typeof (module as Partial<PageReaderModule> | undefined)?.readPage === 'function', 'the page reader script did not define readPage');
  }
  return libraries;
}

function onceLoaded<T>(load: () => Promise<unknown>, isModule: (module: unknown) => module is T, problem: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().then(
      (module) => {
        if (!isModule(module)) throw new Error(problem);
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
}
