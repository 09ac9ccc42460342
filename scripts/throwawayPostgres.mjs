// A throwaway PostgreSQL cluster for the archive's tests and bench: a temporary folder, a free
// port on 127.0.0.1, the unix socket in the folder, two roles (an importer that owns the
// database and a read-only reader), and stop() that removes it all. PostgreSQL refuses to run as
// root, so as root the cluster runs as the `postgres` user (Debian's package creates it).
//
//   node scripts/throwawayPostgres.mjs   starts one, prints its addresses as JSON, stops on Ctrl+C
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Debian puts PostgreSQL's server programs: the newest version installed, or undefined. */
export function findPostgresBinaries() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(root, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = found.stdout.trim();
  return found.status === 0 && initdb ? join(initdb, '..') : undefined;
}

/**
 * Why the tests cannot start a cluster here, or undefined when they can. In CI (`CI=true`) a
 * missing PostgreSQL is a failure, not a reason to skip: `.ci/run` installs it.
 */
export function postgresUnavailableReason() {
  return findPostgresBinaries() ? undefined : 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); on Debian: apt-get install postgresql';
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function postgresIds() {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function runAsOwner(program, args) {
  const [command, fullArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

const secret = () => randomBytes(18).toString('hex');

/**
 * Starts a cluster and creates the database `sourcebook` owned by the importer role; the reader
 * role may connect and (once the schema is applied) only SELECT. Resolves to its addresses:
 * `url` (the superuser, for set-up and checks), `importerUrl`, `readerUrl`, plus
 * `stopServer()` / `startServer()` to take the database away mid-session and bring it back,
 * and `stop()` to remove everything.
 */
export async function startThrowawayPostgres(options = {}) {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error(postgresUnavailableReason());
  const folder = mkdtempSync(join(tmpdir(), 'sourcebook-pg-'));
  const data = join(folder, 'data');
  const port = options.port ?? (await freePort());
  const passwords = { admin: secret(), importer: secret(), reader: secret() };
  const passwordFile = join(folder, 'admin-password');
  writeFileSync(passwordFile, passwords.admin + '\n');
  chmodSync(folder, 0o700);
  if (isRoot) {
    const { uid, gid } = postgresIds();
    chownSync(folder, uid, gid);
    chownSync(passwordFile, uid, gid);
  }
  const pgctl = join(bin, 'pg_ctl');
  const log = join(folder, 'postgres.log');
  // Tests need no crash safety; the bench passes `durable: true` to measure what a newsroom would run.
  const durability = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  let running = false;
  const startServer = () => {
    runAsOwner(pgctl, ['start', '-w', '-t', '60', '-D', data, '-l', log, '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1${durability}`]);
    running = true;
  };
  const stopServer = () => {
    if (!running) return;
    runAsOwner(pgctl, ['stop', '-w', '-t', '60', '-m', 'fast', '-D', data]);
    running = false;
  };
  try {
    runAsOwner(join(bin, 'initdb'), ['-D', data, '-U', 'sourcebook_admin', '--pwfile', passwordFile, '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8']);
    rmSync(passwordFile);
    startServer();
    const psql = (database, sql) => runAsOwner(join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', folder, '-p', String(port), '-U', 'sourcebook_admin', '-d', database, '-c', sql]);
    psql('postgres', `CREATE ROLE sourcebook_importer LOGIN PASSWORD '${passwords.importer}'`);
    psql('postgres', `CREATE ROLE sourcebook_reader LOGIN PASSWORD '${passwords.reader}'`);
    psql('postgres', 'CREATE DATABASE sourcebook OWNER sourcebook_importer');
    psql('sourcebook', 'REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT CREATE, USAGE ON SCHEMA public TO sourcebook_importer; GRANT USAGE ON SCHEMA public TO sourcebook_reader');
  } catch (error) {
    try {
      stopServer();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    throw error;
  }
  const at = (role, password) => `postgres://${role}:${password}@127.0.0.1:${port}/sourcebook`;
  return {
    url: at('sourcebook_admin', passwords.admin),
    importerUrl: at('sourcebook_importer', passwords.importer),
    readerUrl: at('sourcebook_reader', passwords.reader),
    port,
    folder,
    stopServer,
    startServer,
    async stop() {
      try {
        stopServer();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cluster = await startThrowawayPostgres();
  console.log(JSON.stringify({ url: cluster.url, importerUrl: cluster.importerUrl, readerUrl: cluster.readerUrl }, null, 2));
  console.log('Press Ctrl+C to stop and remove the cluster.');
  const stop = async () => {
    await cluster.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
}
