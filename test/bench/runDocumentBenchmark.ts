/**
 * The "PDF and Word sources" section alone: `npm run bench:documents` (which builds dist/ for
 * production first). Prints the section and puts it into BENCHMARKS.md in place of the previous
 * one, unless DOCUMENTS_NO_WRITE is set.
 */
import { join } from 'node:path';
import { DOCUMENTS_SECTION_HEADING, writeDocumentsSection } from './benchmarksFile';
import { documentSection, measureDocuments } from './documentBenchmark';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  const results = await measureDocuments(root, (line) => process.stderr.write(`${line}\n`));
  const section = documentSection(results, DOCUMENTS_SECTION_HEADING);
  if (!process.env.DOCUMENTS_NO_WRITE) writeDocumentsSection(join(root, 'BENCHMARKS.md'), section);
  process.stdout.write(`${section}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
