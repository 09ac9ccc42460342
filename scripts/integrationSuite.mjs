// Runs the mocha suite of out/test/integration inside a real VS Code extension host
// (code-server), opened by Chromium with VS Code's development payload.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, startCodeServer, repoRoot, rootFileAccessDropper } from './codeServer.mjs';
import { launchChromium, openRecordedPage } from './chromium.mjs';
import { startTestArchive, TEST_ARCHIVE_FILE_NAME } from './testArchive.mjs';
import { startTestPageServer, TEST_PAGES_FILE_NAME } from './testPageServer.mjs';
import { bundleWebSuite, prepareWebExtension } from './webHost.mjs';

/** The results file the suite writes beside the workspace folder (see test/integration/index.ts). */
const RESULTS_FILE_NAME = 'sourcebook-test-results.json';

/**
 * @typedef {object} TestResult
 * @property {string} title
 * @property {'passed' | 'failed' | 'pending'} state
 * @property {number} durationMs
 * @property {string} [error]
 */

/**
 * @typedef {object} SuiteOutcome
 * @property {string} name         the tier's name in the report
 * @property {TestResult[]} tests
 * @property {string} [problem]    why the suite could not run or finish (counts as one failure)
 * @property {string} [vscodeVersion]
 * @property {number} wallMs
 * @property {string} [keptDir]    the run's temp folder, kept when something failed
 * @property {string[]} [warnings] things worth knowing that are not test failures
 * @property {boolean} [hostUnresponsive] the workbench reported the extension host unresponsive (also a `problem`)
 */

/**
 * Runs the integration suite in a fresh code-server with a fresh user-data-dir,
 * extensions-dir and a throw-away copy of `workspace`.
 * @param {object} options
 * @param {string} [options.name]           label for the report and the files in test-results/
 * @param {string} [options.extensionPath]  the extension folder to load (default: this repository)
 * @param {string} [options.workspace]      folder copied and opened as the workspace (default: demo/)
 * @param {boolean} [options.trust]         false: keep workspace trust on, so the copy opens in Restricted Mode
 * @param {'node' | 'web'} [options.host]   'web': the web-worker extension host (vscode.dev's), with a copy of
 *                                          the extension whose package.json has no `main`, and the suite bundled
 * @param {string} [options.suitePath]      the compiled mocha entry (default: out/test/integration/index.js;
 *                                          for the web host, a bundle of test/integration built into the run folder)
 * @param {number} [options.timeoutMs]      from opening the workbench to the last result (a first-time
 *                                          install of code-server comes on top)
 * @param {number} [options.stallMs]        how long the results file may stay unchanged: the suite rewrites it
 *                                          every 5 s while its event loop runs, so this means a blocked host
 * @param {string} [options.resultsDir]     where the console log and a failure screenshot go
 * @param {string} [options.locale]         VS Code's display language (e.g. 'fr'; see displayLanguageStub in codeServer.mjs)
 * @param {(line: string) => void} [options.log]
 * @returns {Promise<SuiteOutcome>}
 */
export async function runIntegrationSuite({
  name = 'integration',
  extensionPath = repoRoot,
  workspace = join(repoRoot, 'demo'),
  trust = true,
  host = 'node',
  suitePath = join(repoRoot, 'out', 'test', 'integration', 'index.js'),
  timeoutMs = 8 * 60_000,
  stallMs = 90_000,
  resultsDir = join(repoRoot, 'test-results'),
  locale,
  log = (line) => console.log(line),
} = {}) {
  const started = Date.now();
  const runDir = mkdtempSync(join(tmpdir(), `sourcebook-${name}-`));
  const workspaceCopy = join(runDir, 'workspace');
  const resultsFile = join(runDir, RESULTS_FILE_NAME);
  cpSync(workspace, workspaceCopy, { recursive: true });
  mkdirSync(resultsDir, { recursive: true });
  if (host === 'web') {
    try {
      extensionPath = prepareWebExtension(extensionPath, join(runDir, 'extension-web'));
      // VS Code runs a test module in the host of the extension whose folder contains it.
      suitePath = await bundleWebSuite(join(extensionPath, 'test', 'webSuite.js'));
    } catch (error) {
      rmSync(runDir, { recursive: true, force: true });
      return { name, tests: [], problem: `could not prepare the web-worker run: ${error instanceof Error ? error.message : error}`, wallMs: Date.now() - started };
    }
  }
  if (!existsSync(suitePath)) {
    rmSync(runDir, { recursive: true, force: true });
    return { name, tests: [], problem: `the integration suite ${suitePath} does not exist (did tsc run?)`, wallMs: 0 };
  }

  const consoleLines = [];
  let server;
  let browser;
  let pages;
  let archive;
  /** @type {SuiteOutcome} */
  let outcome;
  try {
    // The saved web pages Add Source from URL is tested against (see scripts/testPageServer.mjs).
    pages = await startTestPageServer();
    writeFileSync(join(runDir, TEST_PAGES_FILE_NAME), JSON.stringify({ origin: pages.origin }));
    const entry = await ensureCodeServer({ log });
    server = await startCodeServer({
      entry,
      userDataDir: join(runDir, 'user-data'),
      extensionsDir: join(runDir, 'extensions'),
      trust,
      locale,
      // As root (CI), file permissions would not apply to the extension host: the "unreadable file" test needs them to.
      withoutRootFileAccess: true,
      // With SOURCEBOOK_PROFILE_DIR set, the extension host records CPU profiles (see the script).
      env: process.env.SOURCEBOOK_PROFILE_DIR
        ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(join(repoRoot, 'scripts', 'profileExtensionHost.cjs'))}`.trim() }
        : {},
    });
    log(`  code-server pid ${server.pid} on ${server.origin}${trust ? '' : ' (workspace trust on: Restricted Mode)'}${rootFileAccessDropper().length > 0 ? ' (as root without the file-permission override: chmod 000 applies)' : ''}`);
    // A real Sourcebook Archive (PostgreSQL + the service) for the archive suite, in the tiers that run it (see scripts/testArchive.mjs).
    if (trust && !locale) {
      archive = await startTestArchive({ allowOrigins: [server.origin], log });
      writeFileSync(join(runDir, TEST_ARCHIVE_FILE_NAME), JSON.stringify('unavailable' in archive ? { unavailable: archive.unavailable, required: Boolean(process.env.CI) } : { url: archive.url, token: archive.token, control: archive.control }));
      if ('unavailable' in archive) log(`  no archive for the archive suite: ${archive.unavailable}`);
    }
    const url = server.urlFor(workspaceCopy, [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(suitePath)],
      ['openFile', server.remoteUri(join(workspaceCopy, 'draft.md'))],
    ]);
    browser = await launchChromium();
    const page = await openRecordedPage(browser, consoleLines);
    const opened = Date.now();
    await page.goto(url);
    const stopProfiling = await profileRenderer(page, name);
    const report = await waitForReport(resultsFile, { deadline: opened + timeoutMs, stallMs, serverOutput: () => server.output(), consoleLines });
    await stopProfiling();
    outcome = {
      name,
      tests: report.tests,
      vscodeVersion: report.vscodeVersion,
      wallMs: Date.now() - started,
      problem: report.status === 'crashed' ? `the suite crashed: ${report.crash}` : report.problem,
    };
    const expectedHost = host === 'web' ? 'web-worker' : 'node';
    if (!outcome.problem && report.extensionHost !== expectedHost) {
      outcome.problem = `the suite was meant to run in the ${expectedHost} extension host, but ran in the ${report.extensionHost} one`;
    }
    if (!outcome.problem && report.trusted !== trust) {
      outcome.problem = `the run was meant to be ${trust ? 'trusted' : 'in Restricted Mode'}, but vscode.workspace.isTrusted was ${report.trusted}`;
    }
    if (outcome.problem || outcome.tests.some((test) => test.state === 'failed')) {
      await page.screenshot({ path: join(resultsDir, `${name}-end.png`) }).catch(() => {});
    }
  } catch (error) {
    outcome = { name, tests: [], problem: error instanceof Error ? error.message : String(error), wallMs: Date.now() - started };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    await pages?.stop().catch(() => {});
    if (archive && 'stop' in archive) await archive.stop().catch((error) => log(`  stopping the test archive failed: ${error}`));
  }
  const consoleLog = join(resultsDir, `${name}-console.log`);
  writeFileSync(consoleLog, consoleLines.join('\n') + '\n\n--- code-server output ---\n' + (server?.output() ?? ''));
  const failed = outcome.problem || outcome.tests.some((test) => test.state === 'failed');
  if (failed && !process.env.CI) {
    outcome.keptDir = runDir;
  } else {
    rmSync(runDir, { recursive: true, force: true });
  }
  // VS Code reports a host unresponsive when it could not answer for seconds: that is a failure, whichever test caused it.
  const unresponsiveAt = consoleLines.findIndex((line) => /Extension host \(\w+\) is unresponsive/.test(line));
  if (unresponsiveAt >= 0) outcome.hostUnresponsive = true;
  if (!outcome.problem && unresponsiveAt >= 0) {
    const before = consoleLines.slice(Math.max(0, unresponsiveAt - 3), unresponsiveAt).map((line) => `    ${line.slice(0, 300)}`).join('\n');
    outcome.problem = `the workbench reported the extension host unresponsive (its event loop was blocked for seconds); the console just before:\n${before}`;
  }
  if (outcome.problem) outcome.problem += `\n(workbench console: ${consoleLog})`;
  return outcome;
}

/**
 * With SOURCEBOOK_PROFILE_DIR set, records a CPU profile of the workbench renderer for the whole
 * run into that folder (`<tier>-renderer.cpuprofile`, opens in Chrome DevTools); otherwise does nothing.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @returns {Promise<() => Promise<void>>}
 */
async function profileRenderer(page, name) {
  const folder = process.env.SOURCEBOOK_PROFILE_DIR;
  if (!folder) return async () => {};
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = await session.send('Profiler.stop');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}-renderer.cpuprofile`), JSON.stringify(profile));
  };
}

/**
 * Polls the results file until the suite says it is done. A run that never
 * starts, stops making progress, or never ends fails with the test it was running.
 */
async function waitForReport(resultsFile, { deadline, stallMs, serverOutput, consoleLines }) {
  const startLimitMs = Math.min(deadline - Date.now(), 120_000);
  const startDeadline = Date.now() + startLimitMs;
  let report;
  let lastText = '';
  let lastChange = Date.now();
  for (;;) {
    const text = readText(resultsFile);
    const parsed = parseReport(text);
    if (parsed) report = parsed;
    if (parsed && text !== lastText) {
      lastText = text;
      lastChange = Date.now();
    }
    if (report && report.status !== 'running') return report;
    const now = Date.now();
    if (!report && now > startDeadline) {
      throw new Error(`the extension host did not start the test suite within ${Math.round(startLimitMs / 1000)} s (no ${RESULTS_FILE_NAME} was written).${unresponsiveHint(consoleLines)}\ncode-server said:\n${serverOutput().slice(-3000)}`);
    }
    const stalled = report && now - lastChange > stallMs;
    if (report && (now > deadline || stalled)) {
      const finished = report.tests.map((test) => `${test.state}: ${test.title}`).join('\n  ');
      const why = stalled ? `the extension host wrote no heartbeat for ${Math.round(stallMs / 1000)} s (its event loop is blocked)` : 'timed out';
      return {
        ...report,
        status: 'done',
        problem: `${why} while running "${report.current ?? '(a suite hook, or between tests)'}".${unresponsiveHint(consoleLines)}\nFinished before that:\n  ${finished || '(none)'}`,
      };
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
}

/** VS Code logs this when an extension blocks the extension host's event loop. */
export function unresponsiveHint(consoleLines) {
  return consoleLines.some((line) => /Extension host \(\w+\) is unresponsive/.test(line))
    ? '\nThe workbench reported "Extension host is unresponsive": code in the extension blocks the event loop (a long synchronous computation, or an endless loop), so no test can run or time out.'
    : '';
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function parseReport(text) {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    // Caught mid-write: the next poll reads it whole.
    return undefined;
  }
}
