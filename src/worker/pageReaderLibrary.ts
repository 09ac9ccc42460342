/**
 * The entry of `dist/pageReader.js`: a captured web page's HTML read into its article, with
 * linkedom (a DOM that runs in a worker, parses with htmlparser2 and never runs a script or
 * loads an image) and @mozilla/readability (Firefox's reader view). scripts/build.mjs bundles it
 * apart from everything else, so its 280 KB are read only when the first page is captured, and
 * one file serves node's worker (`require`) and a Web Worker (evaluated, then found as
 * `sourcebookPageReader`).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { PageReaderModule } from '../core/derived/derivedEngine';
import { extractPage, type PageReaderLibraries } from '../core/webpage/extractPage';

const libraries: PageReaderLibraries = {
  parseHTML: (html) => parseHTML(html) as unknown as { document: Document },
  Readability: Readability as unknown as PageReaderLibraries['Readability'],
};

export const readPage: PageReaderModule['readPage'] = (html, url) => extractPage(html, url, libraries);
