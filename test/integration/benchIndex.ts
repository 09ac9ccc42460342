/**
 * The mocha entry for the benchmarks that run inside a real VS Code (`extensionTestsPath`):
 * every `*.bench.js` next to this file, and nothing else. scripts/loadBench.mjs launches it
 * through the same code-server harness as the integration suite (scripts/integrationSuite.mjs),
 * and reads the measurements from the same results file (suiteReport.ts). `npm test` loads
 * index.ts, which picks only `*.test.js`, so no benchmark runs in CI.
 */
import Mocha from 'mocha';
import * as path from 'path';
import * as fs from 'fs';
import { runAndReport } from './suiteReport';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, grep: process.env.SOURCEBOOK_TEST_GREP });
  const failures = await runAndReport((done) => {
    for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.bench.js')).sort()) mocha.addFile(path.join(__dirname, file));
    return mocha.run(done);
  });
  if (failures > 0) throw new Error(`${failures} benchmark(s) failed.`);
}
