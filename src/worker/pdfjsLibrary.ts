/**
 * The entry of `dist/pdfjs.js`: pdf.js as unpdf builds it for hosts without a DOM (no canvas,
 * no `document`, its own worker replaced by a fake one on the calling thread, which is already
 * the engine's worker). scripts/build.mjs bundles it apart from everything else, so the
 * 1.6 MB are read only when the first PDF is, and one file serves node's worker (`require`) and
 * a Web Worker (evaluated, then found as `sourcebookPdfJs`).
 */
import { getDocument } from 'unpdf/pdfjs';

export { getDocument };
