/**
 * `npm run archive:import -- --database <url> [--reader-role sourcebook_reader] [--aliases <file>] [--prune] <folder>...`
 *
 * Imports folders of sources into the archive (see archiveImport.ts): connect as the importer
 * role, which owns the tables. Safe to run again and to stop: unchanged files are skipped.
 */
import { parseArgs } from 'node:util';
import { connectImporter } from './archiveDatabase';
import { importArchive } from './archiveImport';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      database: { type: 'string' },
      'reader-role': { type: 'string', default: 'sourcebook_reader' },
      aliases: { type: 'string' },
      prune: { type: 'boolean', default: false },
      'no-topics': { type: 'boolean', default: false },
    },
  });
  const database = values.database ?? process.env.SOURCEBOOK_ARCHIVE_IMPORT_DATABASE;
  if (!database) throw new Error('Give the database to write with --database postgres://importer:password@host/db.');
  if (positionals.length === 0) throw new Error('Give at least one folder to import.');
  const sql = connectImporter(database);
  try {
    const summary = await importArchive(sql, { paths: positionals, readerRole: values['reader-role'], ...(values.aliases ? { aliasFile: values.aliases } : {}), skipTopics: values['no-topics'], prune: values.prune });
    if (summary.skipped['write-failed']) process.exitCode = 2;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(`Sourcebook Archive import: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
