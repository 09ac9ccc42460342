/**
 * `npm run archive -- --database <url> [--port 8787] [--host 127.0.0.1] [--token-file <file>]
 * [--allow-origin <origin>]... [--statement-timeout <ms>] [--rate <per second>]`
 *
 * Serves the archive over HTTP. Tokens come from `--token-file` (one a line, `#` comments) and
 * the environment variable SOURCEBOOK_ARCHIVE_TOKEN; the service refuses to start without one.
 * Connect it with the read-only role; put it behind a TLS-terminating proxy to serve HTTPS.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectReader, defaultStatementTimeoutMs } from './archiveDatabase';
import { createArchiveServer } from './archiveService';

const minimumTokenLength = 16;

function readTokens(tokenFile: string | undefined): string[] {
  const tokens: string[] = [];
  if (tokenFile) {
    for (const line of readFileSync(tokenFile, 'utf8').split(/\r?\n/)) {
      const token = line.trim();
      if (token && !token.startsWith('#')) tokens.push(token);
    }
  }
  const fromEnvironment = process.env.SOURCEBOOK_ARCHIVE_TOKEN?.trim();
  if (fromEnvironment) tokens.push(fromEnvironment);
  return tokens;
}

// A failure nobody awaited (a dropped connection inside the driver) is logged; the service keeps answering.
process.on('unhandledRejection', (reason: unknown) => {
  console.error(`Sourcebook Archive: ${reason instanceof Error ? reason.message : String(reason)}`);
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'token-file': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'statement-timeout': { type: 'string', default: String(defaultStatementTimeoutMs) },
      rate: { type: 'string', default: '50' },
    },
  });
  const database = values.database ?? process.env.SOURCEBOOK_ARCHIVE_DATABASE;
  if (!database) throw new Error('Give the database to read with --database postgres://reader:password@host/db (or SOURCEBOOK_ARCHIVE_DATABASE).');
  const tokens = readTokens(values['token-file']);
  if (tokens.length === 0) throw new Error('Give at least one token: --token-file <file> or SOURCEBOOK_ARCHIVE_TOKEN.');
  const short = tokens.filter((token) => token.length < minimumTokenLength);
  if (short.length > 0) throw new Error(`Tokens must be at least ${minimumTokenLength} characters (${short.length} is shorter); make one with: openssl rand -hex 32`);
  const statementTimeoutMs = Number(values['statement-timeout']);
  const sql = connectReader(database, statementTimeoutMs);
  const [privileges] = await sql<Array<{ can_write: boolean }>>`SELECT has_table_privilege('passages', 'INSERT') OR has_table_privilege('passages', 'DELETE') AS can_write`;
  if (privileges?.can_write) {
    console.warn('Sourcebook Archive: warning: this role can write to the archive; the service should connect with the read-only role.');
  }
  const server = createArchiveServer({ database: sql, tokens, allowOrigins: values['allow-origin'], ratePerSecond: Number(values.rate), rateBurst: Number(values.rate) * 2, databaseWaitMs: statementTimeoutMs + 1500 });
  server.listen(Number(values.port), values.host, () => {
    console.log(`Sourcebook Archive listening on http://${values.host}:${values.port} (${tokens.length} token(s), ${values['allow-origin'].length} allowed origin(s)).`);
  });
  const stop = (): void => {
    server.close();
    void sql.end({ timeout: 5 }).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Sourcebook Archive: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
