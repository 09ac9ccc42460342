// A real Sourcebook Archive for the integration tests of the extension's archive client: a
// throwaway PostgreSQL cluster (scripts/throwawayPostgres.mjs), test/fixtures/archive imported by
// the real importer, and the real service (dist/archive/serve.js) with a known token and CORS for
// the workbench's origin. A small control server beside it lets the suite (even in the web
// worker, which cannot start processes) stop and restart the database mid-session. The harness
// tells the suite where everything is through a file beside the workspace.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer.mjs';

/** The file beside the workspace folder that tells the suite the archive's address and token. */
export const TEST_ARCHIVE_FILE_NAME = 'sourcebook-test-archive.json';

const fixtures = join(repoRoot, 'test', 'fixtures', 'archive');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the archive, or says why it cannot here (PostgreSQL or the service missing).
 * @param {{ allowOrigins: string[], log?: (line: string) => void }} options
 * @returns {Promise<{ unavailable: string } | { url: string, token: string, control: string, stop: () => Promise<void> }>}
 */
export async function startTestArchive({ allowOrigins, log = () => {} }) {
  const throwaway = join(repoRoot, 'scripts', 'throwawayPostgres.mjs');
  if (!existsSync(throwaway) || !existsSync(join(repoRoot, 'scripts', 'buildArchive.mjs'))) return { unavailable: 'the archive service is not in this checkout (scripts/throwawayPostgres.mjs, scripts/buildArchive.mjs)' };
  const { startThrowawayPostgres, postgresUnavailableReason } = await import(throwaway);
  const missing = postgresUnavailableReason();
  if (missing) return { unavailable: missing };

  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'buildArchive.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the archive service failed: ${built.stderr || built.stdout}`);
  const cluster = await startThrowawayPostgres();
  const folder = mkdtempSync(join(tmpdir(), 'sourcebook-test-archive-'));
  let service;
  let control;
  const stop = async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (service.exitCode === null) service.kill('SIGKILL');
    }
    if (control) {
      control.closeAllConnections();
      await new Promise((resolve) => control.close(() => resolve()));
    }
    await cluster.stop();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const imported = spawnSync(process.execPath, [join(repoRoot, 'dist', 'archive', 'import.js'), '--database', cluster.importerUrl, fixtures], { cwd: repoRoot, encoding: 'utf8' });
    if (imported.status !== 0) throw new Error(`importing ${fixtures} failed (${imported.status}): ${imported.stderr || imported.stdout}`);
    const token = randomBytes(24).toString('hex');
    const tokenFile = join(folder, 'tokens');
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    const port = await freePort();
    const output = [];
    service = spawn(process.execPath, [join(repoRoot, 'dist', 'archive', 'serve.js'), '--database', cluster.readerUrl, '--port', String(port), '--host', '127.0.0.1', '--token-file', tokenFile, ...allowOrigins.flatMap((origin) => ['--allow-origin', origin])], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    service.stdout.on('data', (chunk) => output.push(String(chunk)));
    service.stderr.on('data', (chunk) => output.push(String(chunk)));
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (service.exitCode !== null) throw new Error(`the archive service exited (${service.exitCode}): ${output.join('')}`);
      const answered = await fetch(new URL('v1/status', url), { headers: { authorization: `Bearer ${token}` } }).then((response) => response.ok, () => false);
      if (answered) break;
      if (Date.now() > deadline) throw new Error(`the archive service did not answer within 30 s: ${output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    control = createServer((request, response) => {
      const cors = { 'access-control-allow-origin': '*', 'content-type': 'text/plain' };
      try {
        if (request.url === '/database/stop') cluster.stopServer();
        else if (request.url === '/database/start') cluster.startServer();
        else return void response.writeHead(404, cors).end('no such control');
        response.writeHead(200, cors).end('done');
      } catch (error) {
        response.writeHead(500, cors).end(String(error));
      }
    });
    await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));
    log(`  archive service pid ${service.pid} on ${url} (PostgreSQL on port ${cluster.port}, fixtures imported)`);
    return { url, token, control: `http://127.0.0.1:${control.address().port}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
