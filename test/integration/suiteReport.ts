/**
 * How a run of the integration suite reports back to the code-server harness
 * (scripts/integrationSuite.mjs), shared by the node entry (index.ts) and the
 * web-worker entry (webIndex.ts).
 *
 * Results travel through a file, because code-server's browser workbench cannot
 * hand an environment to the extension host: `sourcebook-test-results.json`, in
 * the folder that CONTAINS the workspace folder. Both runners open a throw-away
 * copy of `demo/`, so that folder is theirs. The file is rewritten after every
 * test, so a harness that times out can still say which test was running.
 */
import * as vscode from 'vscode';
import * as fs from 'fs';

/** One finished test, as the harness reports it. */
export interface IntegrationTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
  /** Numbers a benchmark scenario recorded (see `recordMeasurements`), passed through to the harness. */
  measurements?: Record<string, number>;
}

/** What `sourcebook-test-results.json` holds. */
export interface IntegrationRunReport {
  status: 'running' | 'done' | 'crashed';
  vscodeVersion: string;
  uiKind: string;
  /** Where the suite ran: a node extension host, or the web worker vscode.dev uses. */
  extensionHost: 'node' | 'web-worker';
  /** `vscode.workspace.isTrusted` when the suite started: false in Restricted Mode. */
  trusted: boolean;
  /** The test being run right now (while `status` is `running`). */
  current?: string;
  tests: IntegrationTestResult[];
  /** Rewritten every few seconds while the event loop runs: a stale one means the host is blocked. */
  heartbeat?: number;
  /** Set when the suite could not run at all (a test file failed to load...). */
  crash?: string;
}

/** How often a running suite rewrites its report, so the harness can tell a long test from a blocked host. */
export const HEARTBEAT_MS = 5_000;

/** Name of the results file, beside the workspace folder. */
export const RESULTS_FILE_NAME = 'sourcebook-test-results.json';

/** A mocha test that carries the numbers it measured to the report. */
interface MeasuredRunnable extends Mocha.Runnable {
  sourcebookMeasurements?: Record<string, number>;
}

/**
 * Attaches `measurements` to `test`, so its entry in the results file carries them whether the
 * test then passes or fails: a benchmark records what it saw, and its correctness checks still count.
 */
export function recordMeasurements(test: Mocha.Runnable | undefined, measurements: Record<string, number>): void {
  if (test) (test as MeasuredRunnable).sourcebookMeasurements = { ...measurements };
}

function measurementsOf(runnable: Mocha.Runnable): { measurements?: Record<string, number> } {
  const measurements = (runnable as MeasuredRunnable).sourcebookMeasurements;
  return measurements ? { measurements } : {};
}

/**
 * Runs a mocha run to its end, recording every result (after `loadFailures`, test
 * files that could not even load) in the results file. Resolves to the number of failures.
 */
export async function runAndReport(
  startRun: (done: (failures: number) => void) => Mocha.Runner,
  loadFailures: IntegrationTestResult[] = [],
): Promise<number> {
  const report: IntegrationRunReport = {
    status: 'running',
    vscodeVersion: vscode.version,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    extensionHost: isNodeHost() ? 'node' : 'web-worker',
    trusted: vscode.workspace.isTrusted,
    tests: [...loadFailures],
  };
  const writer = new ReportWriter(resultsUri());
  writer.write(report);
  const heartbeat = setInterval(() => {
    report.heartbeat = Date.now();
    writer.write(report);
  }, HEARTBEAT_MS);
  let failures = loadFailures.length;
  try {
    failures += await new Promise<number>((resolve) => {
      const runner = startRun(resolve);
      runner.on('test', (test) => {
        report.current = test.fullTitle();
        writer.write(report);
      });
      runner.on('test end', (test) => {
        const state = test.state === 'passed' || test.state === 'failed' ? test.state : 'pending';
        if (state !== 'failed') report.tests.push({ title: test.fullTitle(), state, durationMs: test.duration ?? 0, ...measurementsOf(test) });
        writer.write(report);
      });
      runner.on('fail', (runnable, error: Error) => {
        report.tests.push(...failuresOf(runnable, error, report.tests));
        writer.write(report);
      });
    });
    report.status = 'done';
  } catch (error) {
    report.status = 'crashed';
    report.crash = describeError(error);
    failures += 1;
  }
  report.current = undefined;
  clearInterval(heartbeat);
  writer.write(report);
  await writer.flushed();
  return failures;
}

/**
 * A failing test is one failure. A failing hook (suiteSetup, setup) makes mocha skip
 * the tests under it, so each of those counts as failed, with the hook's error.
 */
function failuresOf(runnable: Mocha.Runnable, error: unknown, reported: IntegrationTestResult[]): IntegrationTestResult[] {
  const message = describeError(error);
  if ((runnable as { type?: string }).type !== 'hook' || !runnable.parent) {
    return [{ title: runnable.fullTitle(), state: 'failed', durationMs: runnable.duration ?? 0, error: message, ...measurementsOf(runnable) }];
  }
  const done = new Set(reported.map((test) => test.title));
  const skipped = testsUnder(runnable.parent).filter((title) => !done.has(title));
  const titles = skipped.length > 0 ? skipped : [runnable.fullTitle()];
  return titles.map((title) => ({ title, state: 'failed', durationMs: 0, error: `${runnable.title} failed: ${message}` }));
}

function testsUnder(suite: Mocha.Suite): string[] {
  return [...suite.tests.map((test) => test.fullTitle()), ...suite.suites.flatMap(testsUnder)];
}

function isNodeHost(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string' && typeof fs.writeFileSync === 'function';
}

function resultsUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, '..', RESULTS_FILE_NAME) : undefined;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const assertion = error as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
    let text = error.stack ?? `${error.name}: ${error.message}`;
    if (!text.includes(error.message)) text = `${error.message}\n${text}`;
    if (assertion.showDiff !== false && ('actual' in assertion || 'expected' in assertion)) {
      text += `\nactual:   ${safeJson(assertion.actual)}\nexpected: ${safeJson(assertion.expected)}`;
    }
    return text;
  }
  return String(error);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 2_000) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Writes the report in order without ever rejecting. In a node extension host the
 * file is on this machine and is written synchronously: a report that waited for
 * the event loop would never arrive if the extension under test blocked it.
 */
class ReportWriter {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly target: vscode.Uri | undefined) {}

  write(report: IntegrationRunReport): void {
    if (!this.target) return;
    const target = this.target;
    const text = JSON.stringify(report, null, 2);
    if (isNodeHost() && (target.scheme === 'file' || target.scheme === 'vscode-remote')) {
      try {
        fs.writeFileSync(target.scheme === 'file' ? target.fsPath : target.path, text);
        return;
      } catch (error) {
        console.error(`Could not write ${target.toString()} directly, trying vscode.workspace.fs:`, error);
      }
    }
    const bytes = new TextEncoder().encode(text);
    this.chain = this.chain.then(
      () => Promise.resolve(vscode.workspace.fs.writeFile(target, bytes)).then(undefined, (error) => console.error(`Could not write ${target.toString()}:`, error)),
    );
  }

  flushed(): Promise<void> {
    return this.chain;
  }
}
