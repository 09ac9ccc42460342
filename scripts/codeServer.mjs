// Installs and runs code-server: the real VS Code workbench served to a browser,
// with a real extension host. It is the only VS Code that installs offline from the
// npm registry, so `npm test` and `npm start` both go through it.
import { spawn, spawnSync, execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, chmodSync, writeFileSync, copyFileSync, symlinkSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The code-server release whose embedded VS Code (1.100.3) still runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** The VS Code version code-server embeds; the integration suite checks it. */
export const EMBEDDED_VSCODE_VERSION = '1.100.3';

const repoRoot = resolve(new URL('..', import.meta.url).pathname);

/** Where the installed code-server lives; reused by every later run. */
export const codeServerHome = join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

/**
 * Returns the path of code-server's entry script, installing it first when the
 * cache lacks a complete install. The marker file is written only after every
 * step succeeded, so an interrupted install is redone rather than trusted.
 * @param {{ home?: string, log?: (line: string) => void }} [options]
 *   `home`: where to install (default `codeServerHome`); a test can install elsewhere.
 */
export async function ensureCodeServer({ home = codeServerHome, log = (line) => console.log(line) } = {}) {
  const installedMarker = join(home, '.installed');
  const entryScript = join(home, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (existsSync(installedMarker) && existsSync(entryScript)) return entryScript;
  checkNodeVersion();
  log(`Installing code-server ${CODE_SERVER_VERSION} (VS Code ${EMBEDDED_VSCODE_VERSION}) into ${home} (once, ~2-4 minutes)...`);
  const started = Date.now();
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));

  const npmEnv = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const npm = (args, cwd, what) => step(what, 'npm', args, cwd, npmEnv, log);

  // code-server's postinstall refuses to run as root under npm 11, so its steps are done by hand.
  await npm(['install', '--no-save', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], home, 'download code-server');
  const vscodeDir = join(home, 'node_modules', 'code-server', 'lib', 'vscode');
  await npm(['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], vscodeDir, 'install VS Code server dependencies');
  // @vscode/ripgrep's postinstall downloads a binary (no internet) unless bin/ exists.
  const ripgrepBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  if (existsSync('/usr/bin/rg')) copyFileSync('/usr/bin/rg', join(ripgrepBin, 'rg'));
  if (kerberosHeadersPresent()) {
    await npm(['rebuild'], vscodeDir, 'build native modules (node-pty, kerberos...; needs g++, make, python3, libkrb5-dev)');
  } else {
    log('  - skipping the kerberos module: no Kerberos headers (Debian: libkrb5-dev); code-server needs it only to log in to a Kerberos proxy');
    const dependencies = Object.keys(JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8')).dependencies);
    await npm(['rebuild', ...dependencies.filter((name) => name !== 'kerberos')], vscodeDir, 'build native modules except kerberos (node-pty...; needs g++, make, python3)');
  }
  const asarLink = join(vscodeDir, 'node_modules.asar');
  if (!existsSync(asarLink)) symlinkSync('node_modules', asarLink);
  await npm(['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], join(vscodeDir, 'extensions'), 'install built-in extension dependencies');
  // npm hoists argon2 (code-server's password hashing) next to code-server, not inside it.
  await npm(['rebuild', 'argon2'], home, 'build argon2');

  const { stdout } = await run(process.execPath, [entryScript, '--version'], { env: { ...process.env, XDG_CONFIG_HOME: join(home, '.config') } });
  if (!stdout.includes(CODE_SERVER_VERSION) || !stdout.includes(EMBEDDED_VSCODE_VERSION)) {
    throw new Error(`code-server installed but reports an unexpected version: ${stdout.trim()}`);
  }
  writeFileSync(installedMarker, `${stdout.trim()}\ninstalled ${new Date().toISOString()}\n`);
  const versionLine = stdout.split('\n').find((line) => line.includes('with Code'));
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s: ${versionLine}`);
  return entryScript;
}

/**
 * Whether the kerberos module can be built here: its C++ source includes <gssapi/gssapi.h>
 * (Debian's libkrb5-dev). code-server needs the module only to log in to a proxy with
 * Kerberos, so a machine without the headers gets a code-server without it.
 */
export function kerberosHeadersPresent() {
  const probe = spawnSync(process.env.CXX || 'g++', ['-fsyntax-only', '-x', 'c++', '-'], { input: '#include <gssapi/gssapi.h>\n', stdio: ['pipe', 'ignore', 'ignore'], timeout: 30_000 });
  return probe.status === 0;
}

function checkNodeVersion() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is Node ${process.versions.node}). Use Node 20 to run the tests in VS Code.`);
  }
}

async function step(what, command, args, cwd, env, log) {
  log(`  - ${what}`);
  try {
    await run(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const output = `${error.stdout ?? ''}\n${error.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    const hint = /krb5|gssapi/i.test(output)
      ? '\nThe kerberos module needs Debian\'s libkrb5-dev: apt-get install -y libkrb5-dev'
      : '';
    throw new Error(`Installing code-server failed at "${what}" (${command} ${args.join(' ')} in ${cwd}):\n${output}${hint}`);
  }
}

/**
 * User settings for a workbench that opens straight onto the workspace: no
 * walkthrough, no prompts that cover the editor, nothing sent anywhere.
 */
export const QUIET_WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * @typedef {object} RunningCodeServer
 * @property {number} port
 * @property {number} pid
 * @property {string} origin  e.g. http://127.0.0.1:PORT
 * @property {(folder: string, payload?: Array<[string, string]>) => string} urlFor
 *   the workbench URL opening `folder`, with VS Code's payload pairs
 * @property {(absolutePath: string) => string} remoteUri  a vscode-remote:// URI for a server path
 * @property {() => string} output  what code-server printed so far
 * @property {() => Promise<void>} stop  stops this server by its own pid
 * @property {Promise<void>} exited  settles when the server process has ended, for whatever reason
 */

/** The capabilities that let root read and search any file whatever its permissions. */
const ROOT_FILE_CAPABILITIES = '-dac_override,-dac_read_search';
let cachedDropper;

/**
 * The command prefix that runs a program as this root user but without CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH (`setpriv --bounding-set=...`), so that `chmod 000` makes a file unreadable
 * to it as it would to any writer: the hostile-input test's "unreadable file" row needs that,
 * and CI runs as root. Empty when not root, when setpriv is missing, or when this machine does
 * not allow dropping them (checked by reading a chmod 000 file through it).
 * @returns {string[]}
 */
export function rootFileAccessDropper() {
  if (cachedDropper) return cachedDropper;
  cachedDropper = [];
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return cachedDropper;
  const prefix = ['setpriv', `--bounding-set=${ROOT_FILE_CAPABILITIES}`, `--inh-caps=${ROOT_FILE_CAPABILITIES}`, '--'];
  const probeDir = mkdtempSync(join(tmpdir(), 'sourcebook-caps-'));
  try {
    const locked = join(probeDir, 'locked.txt');
    writeFileSync(locked, 'locked');
    chmodSync(locked, 0o000);
    const probe = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, '-e', `try { require('fs').readFileSync(${JSON.stringify(locked)}); process.exit(3); } catch { process.exit(0); }`], { stdio: 'ignore', timeout: 10_000 });
    if (probe.status === 0) cachedDropper = prefix;
  } catch {
    // No setpriv, or not allowed here: the server runs with root's usual access.
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
  return cachedDropper;
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers HTTP.
 * @param {{ entry: string, userDataDir: string, extensionsDir: string, folder?: string,
 *   port?: number, trust?: boolean, timeoutMs?: number, env?: Record<string, string>,
 *   withoutRootFileAccess?: boolean }} options
 *   `trust: false` keeps workspace trust on, so the folder opens in Restricted Mode.
 *   `withoutRootFileAccess: true`, when run as root, starts the server without the capabilities
 *   that let root read any file (see `rootFileAccessDropper`), so file permissions apply to it.
 *   A user-data-dir without settings gets QUIET_WORKBENCH_SETTINGS.
 *   `locale` (e.g. 'fr'): VS Code's display language, through `--locale` and a stub language pack (see `displayLanguageStub`).
 * @returns {Promise<RunningCodeServer>}
 */
export async function startCodeServer({ entry, userDataDir, extensionsDir, folder, port, trust = true, timeoutMs = 60_000, env = {}, withoutRootFileAccess = false, locale }) {
  const chosenPort = port ?? (await findFreePort());
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(QUIET_WORKBENCH_SETTINGS, null, 2));
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    // Keeps code-server from writing a config file into the user's home.
    '--config', join(userDataDir, 'code-server-config.yaml'),
    '--extensions-dir', extensionsDir,
  ];
  if (trust) args.push('--disable-workspace-trust');
  if (locale) args.push('--locale', displayLanguageStub(userDataDir, locale));
  if (folder) args.push(folder);
  // Its own process group, so stopping it also stops the extension host and file
  // watcher it forks: the group id is the pid of the server we started.
  const dropper = withoutRootFileAccess ? rootFileAccessDropper() : [];
  const child = spawn(dropper.length > 0 ? dropper[0] : process.execPath, dropper.length > 0 ? [...dropper.slice(1), process.execPath, ...args] : args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    detached: true,
  });
  let output = '';
  const capture = (chunk) => { output = (output + chunk.toString()).slice(-200_000); };
  child.stdout.on('data', capture);
  child.stderr.on('data', capture);
  let exited = false;
  const exitedPromise = new Promise((resolveExit) => child.on('exit', () => { exited = true; resolveExit(); }));
  const origin = `http://127.0.0.1:${chosenPort}`;

  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const stop = async () => {
    if (!exited) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
      await exitedPromise;
      clearTimeout(timer);
    }
    // Children that outlive the server (a busy extension host) go with their group.
    signalGroup('SIGKILL');
  };
  // If this process ends without stopping it (an uncaught error, process.exit), the server goes too.
  const onExit = () => signalGroup('SIGKILL');
  process.once('exit', onExit);
  liveServers.add(stop);
  exitedPromise.then(() => liveServers.delete(stop));

  const deadline = Date.now() + timeoutMs;
  while (!(await answers(origin))) {
    if (exited) throw new Error(`code-server exited before it was ready:\n${output.slice(-4000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${origin} within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const authority = `127.0.0.1:${chosenPort}`;
  const remoteUri = (absolutePath) => `vscode-remote://${authority}${encodeURI(absolutePath)}`;
  return {
    port: chosenPort,
    pid: child.pid,
    origin,
    remoteUri,
    urlFor: (workspaceFolder, payload) => {
      let url = `${origin}/?folder=${encodeURIComponent(workspaceFolder)}`;
      if (payload && payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    output: () => output,
    stop,
    exited: exitedPromise,
  };
}

/**
 * Makes `locale` VS Code's display language without downloading its language pack (there is no
 * gallery offline). `--locale` alone is not enough: without a language pack for it, VS Code falls
 * back to English (its resolved language, hence `vscode.env.language`, stays `en`). The server
 * finds language packs through `languagepacks.json` in the user-data-dir; this writes one entry
 * whose translation of VS Code's own strings is empty, so the workbench stays in English while
 * `vscode.env.language` is `locale` and every extension gets its `package.nls.<locale>.json` and
 * `l10n/bundle.l10n.<locale>.json`, as with the real language pack installed.
 * @returns {string} the locale, for `--locale`
 */
export function displayLanguageStub(userDataDir, locale) {
  const translations = join(userDataDir, `display-language-${locale}`, 'main.i18n.json');
  mkdirSync(join(userDataDir, `display-language-${locale}`), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  // The workbench asks which extension provides the display language: without one it loads no extension at all.
  const entry = { hash: `stub-${locale}`, extensions: [{ extensionIdentifier: { id: `sourcebook-tests.display-language-${locale}` }, version: '1.0.0' }], translations: { vscode: translations }, label: locale };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: entry }, null, 2));
  return locale;
}

/** Stop functions of every code-server this process started and has not yet stopped. */
const liveServers = new Set();

/** Stops every code-server this process started (each by its own pid). */
export async function stopAllCodeServers() {
  await Promise.all([...liveServers].map((stop) => stop()));
}

function answers(origin) {
  return new Promise((resolveAnswer) => {
    const req = request(origin, { method: 'GET', timeout: 2_000 }, (res) => {
      res.resume();
      resolveAnswer(res.statusCode !== undefined && res.statusCode < 500);
    });
    req.on('error', () => resolveAnswer(false));
    req.on('timeout', () => { req.destroy(); resolveAnswer(false); });
    req.end();
  });
}

/** Reads package.json of the repository (for the extension id and commands). */
export function readManifest(extensionPath = repoRoot) {
  return JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
}

export { repoRoot };
