/**
 * The integration suite's entry for the web-worker extension host (how vscode.dev
 * runs extensions). A web worker can neither list a folder nor `require` a file, so
 * scripts/integrationSuite.mjs bundles this module together with every test file
 * into one script whose `run()` calls `runTestModules`. Each test module is loaded
 * only after mocha has defined `suite` and `test`; one that cannot load here (it
 * needs node's `fs`, say) is reported as a failed test instead of stopping the run.
 */
import 'mocha/mocha';
import * as vscode from 'vscode';
import { describeError, runAndReport, type IntegrationTestResult } from './suiteReport';

/** A test file of the bundle, loaded on demand. */
export interface BundledTestModule {
  file: string;
  load(): unknown;
}

export async function runTestModules(modules: BundledTestModule[]): Promise<void> {
  // The browser build's default reporter writes HTML into a document, which a worker lacks.
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false } as Mocha.MochaOptions);
  // In French (the harness's french-web tier) only the suite that checks the French interface runs: the others assert English text.
  if (vscode.env.language === 'fr') mocha.grep('Interface in French');
  const loadFailures: IntegrationTestResult[] = [];
  for (const module of modules) {
    try {
      module.load();
    } catch (error) {
      loadFailures.push({ title: `${module.file} (loading it in the web-worker host)`, state: 'failed', durationMs: 0, error: describeError(error) });
    }
  }
  const failures = await runAndReport((done) => mocha.run(done), loadFailures);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
