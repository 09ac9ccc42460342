import type { CaptureServices } from '../host/pageCapture';
import type { SourcebookServices } from './sourcebookServices';

/** What the capture commands (Add Source from URL, Paste HTML as Source) use of Sourcebook's services. */
export function captureServicesOf(services: SourcebookServices): CaptureServices {
  return {
    readPage: (html, url) => services.derived.readPage(html, url),
    indexNow: (uri) => services.loader.indexNow(uri),
    revealArticle: async (sourceUri) => {
      const node = services.articlesTree.articleNodeOf(sourceUri);
      if (node) await services.articlesView.reveal(node, { select: true, focus: false, expand: false });
    },
    openPassage: (passageId) => services.opener.open(passageId),
    index: services.index,
    logger: services.logger,
  };
}

/** The argument object a capture command accepts (from a test, a script or another extension); anything else is ignored. */
export function objectArgument(argument: unknown): Record<string, unknown> {
  return typeof argument === 'object' && argument !== null && !Array.isArray(argument) ? (argument as Record<string, unknown>) : {};
}

/** A string field of an argument object, capped. */
export function stringField(argument: Record<string, unknown>, key: string, maxLength = 4096): string | undefined {
  const value = argument[key];
  return typeof value === 'string' && value.length <= maxLength ? value : undefined;
}
