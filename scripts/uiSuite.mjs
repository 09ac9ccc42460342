// Runs the UI tests of out/test/e2e: mocha in this process, driving Chromium on a
// real VS Code workbench (code-server) with Sourcebook loaded for development.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Mocha from 'mocha';
import { ensureCodeServer, startCodeServer, repoRoot } from './codeServer.mjs';
import { launchChromium, openRecordedPage } from './chromium.mjs';
import { startTestArchive } from './testArchive.mjs';
import { unresponsiveHint } from './integrationSuite.mjs';

/** Must match UI_CONTEXT_GLOBAL in test/e2e/uiContext.ts. */
const UI_CONTEXT_GLOBAL = 'sourcebookUiContext';

/**
 * @param {object} [options]
 * @param {string} [options.name]
 * @param {string} [options.extensionPath]
 * @param {string} [options.workspace]   copied, then opened with draft.md in an editor
 * @param {string} [options.testsDir]    compiled UI tests (default: out/test/e2e)
 * @param {string} [options.resultsDir]  screenshots and the workbench console log
 * @param {(line: string) => void} [options.log]
 * @param {(result: import('./integrationSuite.mjs').TestResult) => void} [options.onResult]
 * @returns {Promise<import('./integrationSuite.mjs').SuiteOutcome>}
 */
export async function runUiSuite({
  name = 'ui',
  extensionPath = repoRoot,
  workspace = join(repoRoot, 'demo'),
  testsDir = join(repoRoot, 'out', 'test', 'e2e'),
  resultsDir = join(repoRoot, 'test-results'),
  log = (line) => console.log(line),
  onResult = () => {},
} = {}) {
  const started = Date.now();
  const files = existsSync(testsDir)
    ? readdirSync(testsDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.js')).sort().map((file) => join(testsDir, file))
    : [];
  if (files.length === 0) return { name, tests: [], problem: `no UI tests found in ${testsDir} (did tsc run?)`, wallMs: 0 };

  const runDir = mkdtempSync(join(tmpdir(), `sourcebook-${name}-`));
  mkdirSync(resultsDir, { recursive: true });

  const consoleLines = [];
  /** @type {import('./integrationSuite.mjs').TestResult[]} */
  const tests = [];
  const problems = [];
  let server;
  let browser;
  let archive;
  try {
    const entry = await ensureCodeServer({ log });
    server = await startCodeServer({ entry, userDataDir: join(runDir, 'user-data'), extensionsDir: join(runDir, 'extensions') });
    log(`  code-server pid ${server.pid} on ${server.origin}`);
    // A real Sourcebook Archive for the archive's UI test (see scripts/testArchive.mjs).
    archive = await startTestArchive({ allowOrigins: [server.origin], log });
    browser = await launchChromium();
    // Each test file gets a fresh workbench window on a fresh copy of the workspace,
    // so no file depends on what another left open or edited.
    for (const [index, file] of files.entries()) {
      const stem = basename(file, '.test.js');
      const workspaceCopy = join(runDir, `workspace-${index + 1}`);
      cpSync(workspace, workspaceCopy, { recursive: true });
      consoleLines.push(`===== ${stem}`);
      try {
        await runFile(file, stem, workspaceCopy);
      } catch (error) {
        problems.push(`${stem}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    delete globalThis[UI_CONTEXT_GLOBAL];
    await browser?.close().catch(() => {});
    await server?.stop();
    if (archive && 'stop' in archive) await archive.stop().catch((error) => log(`  stopping the test archive failed: ${error}`));
  }
  const problem = problems.length > 0 ? problems.join('\n') : undefined;
  writeFileSync(join(resultsDir, `${name}-console.log`), consoleLines.join('\n') + '\n\n--- code-server output ---\n' + (server?.output() ?? ''));
  const failed = problem || tests.some((test) => test.state === 'failed');
  const keptDir = failed && !process.env.CI ? runDir : undefined;
  if (!keptDir) rmSync(runDir, { recursive: true, force: true });
  const warnings = unresponsiveHint(consoleLines) ? [`the extension host reported itself unresponsive at least once (see ${name}-console.log)${unresponsiveHint(consoleLines)}`] : undefined;
  return { name, tests, problem, wallMs: Date.now() - started, keptDir, warnings };

  function record(result) {
    tests.push(result);
    onResult(result);
  }

  async function runFile(file, stem, workspaceCopy) {
    const page = await openRecordedPage(browser, consoleLines);
    let shot = 0;
    const screenshot = async (step) => {
      shot += 1;
      const path = join(resultsDir, `${name}-${stem}-${String(shot).padStart(2, '0')}-${step.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path });
      return path;
    };
    const archiveContext = archive && ('unavailable' in archive ? { unavailable: archive.unavailable } : { url: archive.url, token: archive.token });
    globalThis[UI_CONTEXT_GLOBAL] = { page, workspaceFolder: workspaceCopy, corpusFolder: join(extensionPath, 'corpus'), screenshot, archive: archiveContext };
    try {
      await page.goto(server.urlFor(workspaceCopy, [
        ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
        ['openFile', server.remoteUri(join(workspaceCopy, 'draft.md'))],
      ]));
      const mocha = new Mocha({ ui: 'tdd', timeout: 120_000, reporter: Mocha.reporters.Base, color: false });
      mocha.addFile(file);
      mocha.suite.afterEach(async function screenshotFailure() {
        if (this.currentTest?.state === 'failed') await screenshot(`FAILED-${this.currentTest.title.slice(0, 60)}`).catch(() => {});
      });
      await mocha.loadFilesAsync();
      await new Promise((resolveRun) => {
        const runner = mocha.run(() => resolveRun());
        runner.on('pass', (test) => record({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
        runner.on('pending', (test) => record({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
        runner.on('fail', (runnable, error) => record({ title: runnable.fullTitle(), state: 'failed', durationMs: runnable.duration ?? 0, error: error?.stack ?? String(error) }));
      });
    } finally {
      await page.context().close().catch(() => {});
    }
  }
}
