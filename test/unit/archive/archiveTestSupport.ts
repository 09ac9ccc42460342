import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const repositoryRoot = join(__dirname, '..', '..', '..', '..');
export const bundledCorpus = join(repositoryRoot, 'corpus');

/** A real ES `import()` from this CommonJS test, for the harness (an .mjs script). */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export interface ThrowawayPostgres {
  url: string;
  importerUrl: string;
  readerUrl: string;
  stopServer(): void;
  startServer(): void;
  stop(): Promise<void>;
}

/**
 * Why these tests cannot run here, or undefined. Only outside CI: with `CI=true` a missing
 * PostgreSQL is not a reason, and starting the cluster fails the tests (`.ci/run` installs it).
 */
export function archiveSkipReason(): string | undefined {
  if (process.env.CI === 'true') return undefined;
  const root = '/usr/lib/postgresql';
  const installed = existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'initdb')));
  if (installed) return undefined;
  const reason = 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); the archive tests need it (apt-get install postgresql)';
  console.log(`# skipping the archive tests: ${reason}`);
  return reason;
}

/** One throwaway cluster (scripts/throwawayPostgres.mjs), for one test file. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const harness = (await importModule(join(repositoryRoot, 'scripts', 'throwawayPostgres.mjs'))) as { startThrowawayPostgres(): Promise<ThrowawayPostgres> };
  return harness.startThrowawayPostgres();
}

export const silent = (): void => undefined;
