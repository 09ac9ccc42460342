/**
 * The mocha entry point VS Code loads into a node extension host (`extensionTestsPath`).
 *
 * One suite, two runners: `npm test` (code-server + Chromium, see
 * scripts/integrationSuite.mjs) and `npm run test:desktop` (@vscode/test-electron).
 * Both call `run()`. The web-worker host loads webIndex.ts instead, bundled.
 *
 * Tests use mocha's TDD interface: `suite(...)` and `test(...)`, with
 * `suiteSetup`/`setup`/`teardown` for fixtures. Every `*.test.js` next to this
 * file (recursively) is loaded. Set `SOURCEBOOK_TEST_GREP` to run only the tests
 * whose full title matches it. How results reach the harness: suiteReport.ts.
 */
import * as vscode from 'vscode';
import Mocha from 'mocha';
import * as path from 'path';
import * as fs from 'fs';
import { runAndReport } from './suiteReport';

export async function run(): Promise<void> {
  // In Restricted Mode only the suite written for it runs: the others set restricted settings on purpose.
  // In French (the harness's french tier) only the suite that checks the French interface runs: the others assert English text.
  const grep = process.env.SOURCEBOOK_TEST_GREP ?? (!vscode.workspace.isTrusted ? 'Restricted Mode' : vscode.env.language === 'fr' ? 'Interface in French' : undefined);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, grep });
  const failures = await runAndReport((done) => {
    for (const file of findTestFiles(__dirname)) mocha.addFile(file);
    return mocha.run(done);
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}

function findTestFiles(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(directory, name));
}
