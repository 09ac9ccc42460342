/**
 * Connections to the archive's database and its schema. The importer connects as the role that
 * owns the tables; the service connects as a read-only role, with every transaction read-only
 * and a statement time-out, so a slow query answers 503 instead of hanging a writer's hover.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';

export type Database = postgres.Sql;

/** How long one query may run in the service before PostgreSQL cancels it. */
export const defaultStatementTimeoutMs = 2000;

/** A connection pool for the importer: it writes, and may take its time. */
export function connectImporter(url: string): Database {
  return postgres(url, { max: 2, onnotice: () => undefined, connect_timeout: 10, idle_timeout: 30 });
}

/** A pool for the service: read-only transactions, a statement time-out, quick to give up on a dead server. */
export function connectReader(url: string, statementTimeoutMs = defaultStatementTimeoutMs): Database {
  return postgres(url, {
    max: 8,
    onnotice: () => undefined,
    connect_timeout: 3,
    idle_timeout: 60,
    prepare: true,
    // The driver's look-up of array types on connecting is a query of its own that nobody awaits:
    // under a short statement time-out it would fail unhandled. The service's queries send lists as JSON.
    fetch_types: false,
    connection: {
      statement_timeout: statementTimeoutMs,
      default_transaction_read_only: true,
      // Every search is planned with its words, so the statistics of common lexemes pick the plan (see `rankedHits`).
      plan_cache_mode: 'force_custom_plan',
      application_name: 'sourcebook-archive',
    } as Record<string, unknown> as postgres.Options<Record<string, never>>['connection'],
  });
}

/** The schema file: beside the bundle (`dist/archive/schema.sql`) or in the source tree. */
function schemaText(): string {
  const candidates = [join(__dirname, 'schema.sql'), join(__dirname, '..', 'sql', 'schema.sql'), join(__dirname, '..', '..', '..', 'archive', 'sql', 'schema.sql')];
  for (const candidate of candidates) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      // Not here: try the next place.
    }
  }
  throw new Error(`archive/sql/schema.sql was not found (looked in ${candidates.join(', ')}).`);
}

/** Creates what is missing of the schema (every statement is idempotent). */
export async function applySchema(sql: Database): Promise<void> {
  await sql.unsafe(schemaText());
}

/** Lets `readerRole` read the archive's tables, and nothing else. */
export async function grantReader(sql: Database, readerRole: string): Promise<void> {
  const [role] = await sql`SELECT 1 FROM pg_roles WHERE rolname = ${readerRole}`;
  if (!role) return;
  await sql`GRANT USAGE ON SCHEMA public TO ${sql(readerRole)}`;
  await sql`GRANT SELECT ON source_files, articles, passages, vocabulary, topics, topic_keys, topic_mentions, archive_state TO ${sql(readerRole)}`;
}
