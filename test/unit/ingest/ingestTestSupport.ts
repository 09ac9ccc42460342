import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import type { IngestOptions } from '../../../src/core/ingest/ingestOptions';
import type { Article, ArticleMetadata, IngestOutcome, SourceRange } from '../../../src/core/model';

/** Tests run from out/test/unit/ingest; sources and fixtures stay in the repository. */
export const repositoryRoot = join(__dirname, '..', '..', '..', '..');
export const fixturesDir = join(repositoryRoot, 'test', 'fixtures', 'ingest');
export const corpusDir = join(repositoryRoot, 'corpus');

export function ingestBytes(fileName: string, bytes: Uint8Array, options?: Partial<IngestOptions>, metadata?: Partial<ArticleMetadata>): IngestOutcome {
  return ingestFile({ uri: `file:///sources/${fileName}`, fileName, bytes, metadata }, options);
}

export function ingestFixture(fileName: string, options?: Partial<IngestOptions>): IngestOutcome {
  return ingestBytes(fileName, readFileSync(join(fixturesDir, fileName)), options);
}

export function ingestString(fileName: string, text: string, options?: Partial<IngestOptions>): IngestOutcome {
  return ingestBytes(fileName, new TextEncoder().encode(text), options);
}

export function onlyArticle(outcome: IngestOutcome): Article {
  assert.equal(outcome.kind, 'articles', outcome.kind === 'skipped' ? `skipped: ${outcome.reason} ${outcome.detail}` : '');
  assert.equal(outcome.articles.length, 1);
  return outcome.articles[0];
}

export function skipReason(outcome: IngestOutcome): string {
  return outcome.kind === 'skipped' ? outcome.reason : `indexed ${outcome.articles.length} article(s)`;
}

/** The source text an editor would select for `range` (lines split as VS Code splits them). */
export function textAtRange(source: string, range: SourceRange): string {
  const lines = source.split(/\r\n|\r|\n/);
  if (range.startLine === range.endLine) {
    return lines[range.startLine].slice(range.startCharacter, range.endCharacter);
  }
  return [
    lines[range.startLine].slice(range.startCharacter),
    ...lines.slice(range.startLine + 1, range.endLine),
    lines[range.endLine].slice(0, range.endCharacter),
  ].join('\n');
}
