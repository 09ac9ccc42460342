import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { pageMarkdown, type PageMarkdown } from '../../../src/core/capture/pageMarkdown';
import type { ExtractedPage } from '../../../src/core/webpage/extractedPage';
import { extractPage, type PageReaderLibraries } from '../../../src/core/webpage/extractPage';

/** Tests run from out/test/unit/capture; fixtures stay in the repository. */
export const repositoryRoot = join(__dirname, '..', '..', '..', '..');
export const captureFixturesDir = join(repositoryRoot, 'test', 'fixtures', 'capture');

/** The same libraries `dist/pageReader.js` bundles, loaded in node. */
export const readerLibraries: PageReaderLibraries = {
  parseHTML: (html) => parseHTML(html) as unknown as { document: Document },
  Readability: Readability as unknown as PageReaderLibraries['Readability'],
};

export const retrieved = new Date('2024-05-01T10:00:00.123Z');

export function capturedFixture(fileName: string, url: string): ExtractedPage {
  return capturedHtml(readFileSync(join(captureFixturesDir, fileName), 'utf8'), url);
}

export function capturedHtml(html: string, url: string | undefined): ExtractedPage {
  const extraction = extractPage(html, url, readerLibraries);
  if (!extraction.ok) throw new Error(`no article: ${extraction.reason} (${extraction.detail})`);
  return extraction.page;
}

export function savedFixture(fileName: string, url: string): PageMarkdown {
  return pageMarkdown(capturedFixture(fileName, url), { url, retrieved });
}

/** The body of a saved file: what follows the front matter. */
export function bodyOf(text: string): string {
  return text.slice(text.indexOf('\n---\n', 4) + 5);
}
