// `npm start`: builds Sourcebook and serves a real VS Code (code-server) on
// 127.0.0.1 with the extension installed, demo/ open and the printed URL opening
// demo/draft.md. Ctrl+C stops it.
//
// PORT=8080 npm start picks the port (default: a free one).
// Rebuild while it runs with `npm run watch`, then "Developer: Reload Window".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, lstatSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, startCodeServer, readManifest, repoRoot, CODE_SERVER_VERSION, EMBEDDED_VSCODE_VERSION } from './codeServer.mjs';

const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed (see above); not starting VS Code.');
  process.exit(1);
}

const entry = await ensureCodeServer();
const stateDir = join(repoRoot, '.vscode-test', 'start');
const extensionsDir = join(stateDir, 'extensions');
mkdirSync(extensionsDir, { recursive: true });

// An extension folder in the extensions dir is installed; a link to this repository
// makes every rebuild visible after a window reload, with nothing copied.
const manifest = readManifest();
const installed = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
if (isLink(installed)) unlinkSync(installed);
else if (existsSync(installed)) rmSync(installed, { recursive: true, force: true });
symlinkSync(repoRoot, installed, 'dir');
// VS Code lists what it found in extensions.json; a stale list could name an old version.
rmSync(join(extensionsDir, 'extensions.json'), { force: true });

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const workspace = join(repoRoot, 'demo');
const server = await startCodeServer({
  entry,
  port,
  folder: workspace,
  userDataDir: join(stateDir, 'user-data'),
  extensionsDir,
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

// The workbench reads the files to open from its URL (`payload`); a setting can only
// open a folder's README, so the printed URL is what puts draft.md in the editor.
const draft = join(workspace, 'draft.md');
const url = server.urlFor(workspace, [['openFile', server.remoteUri(draft)]]);

console.log(`
Sourcebook is running in VS Code ${EMBEDDED_VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) with ${workspace} open.

  Open:  ${url}

draft.md opens in the editor: hover over "S-400" or "RELOS" for the passages about it.
Click the Sourcebook icon in the activity bar for the Articles and Topics views,
or run "Sourcebook: Search Sources" (F1).
Press Ctrl+C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server...');
  await server.stop();
  process.exit(0);
};
server.exited.then(() => {
  if (stopping) return;
  console.error(`code-server stopped unexpectedly:\n${server.output().slice(-3000)}`);
  process.exit(1);
});
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
