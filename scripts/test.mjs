// `npm test`: type-check, build, unit tests, the integration suite inside a real
// VS Code extension host (code-server), and UI tests in Chromium on the same VS Code.
// Prints every failure and every skipped test, then one last line
// "N passed, N failed, N skipped" over all tiers, and exits non-zero when anything failed.
// A skipped test (node's skip and todo, mocha's pending) is never counted as passed.
//
// Options (environment): TEST_TIERS=unit,integration,restricted,french,web,french-web,ui runs only those tiers
// (type-check and build always run); SOURCEBOOK_TEST_GREP filters integration tests.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, stopAllCodeServers, EMBEDDED_VSCODE_VERSION } from './codeServer.mjs';
import { runIntegrationSuite } from './integrationSuite.mjs';
import { runUiSuite } from './uiSuite.mjs';
import { closeAllBrowsers } from './chromium.mjs';

/** The whole run must stay well under CI's patience; past this it stops with a clear message. */
const WHOLE_RUN_LIMIT_MS = 14 * 60_000;
/**
 * A unit test that hangs fails after this instead of stalling the tier. On Node 20 the limit also
 * bounds each test file as a whole (the slowest takes about 15 s on a busy 2-core machine), so it
 * is generous: it catches hangs, it is no speed limit.
 */
const UNIT_TEST_TIMEOUT_MS = 120_000;

const wanted = new Set((process.env.TEST_TIERS ?? 'unit,integration,restricted,french,web,french-web,ui').split(',').map((tier) => tier.trim()));
const startedAt = Date.now();
/** @type {{ tier: string, title: string, error: string }[]} */
const failures = [];
let passed = 0;
/** @type {{ tier: string, title: string, reason: string }[]} */
const skips = [];
/** @type {{ tier: string, ms: number, passed: number, failed: number, skipped: number }[]} */
const timings = [];
let aborting = false;
let abortExitCode = 0;

process.on('SIGINT', () => abort('interrupted (SIGINT)', 130));
process.on('SIGTERM', () => abort('terminated (SIGTERM)', 143));
const wholeRunTimer = setTimeout(
  () => abort(`npm test took longer than ${WHOLE_RUN_LIMIT_MS / 60_000} minutes and was stopped`, 1),
  WHOLE_RUN_LIMIT_MS,
);
wholeRunTimer.unref();

try {
  await main();
} catch (error) {
  failures.push({ tier: 'harness', title: 'the test harness itself', error: error?.stack ?? String(error) });
}
await finish();

async function main() {
  rmSync(join(repoRoot, 'test-results'), { recursive: true, force: true, maxRetries: 3 });

  const typecheck = await step('Type-check', process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
  if (!typecheck.ok) failures.push({ tier: 'type-check', title: 'tsc -p .', error: head(typecheck.output, 10) });
  removeOrphanedTests();
  const build = await step('Build', process.execPath, [join(repoRoot, 'scripts', 'build.mjs')]);
  if (!build.ok) failures.push({ tier: 'build', title: 'node scripts/build.mjs', error: head(build.output, 10) });

  if (wanted.has('unit')) await unitTier();

  const builtExtension = build.ok && existsSync(join(repoRoot, 'dist', 'extension.js'));
  for (const tier of ['integration', 'restricted', 'french', 'web', 'french-web', 'ui']) {
    if (!wanted.has(tier)) continue;
    if (!builtExtension) {
      failures.push({ tier, title: `${tier} tests`, error: 'not run: the build failed' });
      continue;
    }
    if (tier === 'integration') await suiteTier('Integration tests in VS Code (code-server, node extension host)', () => runIntegrationSuite({ name: 'integration', log: indent }));
    if (tier === 'restricted') await suiteTier('Integration tests in Restricted Mode (workspace trust on, node extension host)', () => runIntegrationSuite({ name: 'restricted', trust: false, log: indent }));
    if (tier === 'french') await suiteTier('Integration tests with VS Code\'s display language French (node extension host)', () => runIntegrationSuite({ name: 'french', locale: 'fr', log: indent }));
    if (tier === 'web') await suiteTier('Integration tests in the web-worker extension host (as on vscode.dev; package.json without main)', () => runIntegrationSuite({ name: 'web', host: 'web', log: indent }));
    if (tier === 'french-web') await suiteTier('Integration tests with VS Code\'s display language French in the web-worker extension host', () => runIntegrationSuite({ name: 'french-web', host: 'web', locale: 'fr', log: indent }));
    if (tier === 'ui') await suiteTier('UI tests in Chromium (code-server workbench)', () => runUiSuite({ name: 'ui', log: indent, onResult: printResult }), { live: true });
  }
}

/** Compiled tests whose source was deleted or renamed would still run: remove them. */
function removeOrphanedTests() {
  const compiledTests = join(repoRoot, 'out', 'test');
  if (!existsSync(compiledTests)) return;
  for (const file of readdirSync(compiledTests, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js')) continue;
    if (!existsSync(join(repoRoot, 'test', file.replace(/\.js$/, '.ts')))) rmSync(join(compiledTests, file), { force: true });
  }
}

async function unitTier() {
  heading('Unit tests (node --test out/test/unit)');
  const started = Date.now();
  const unitDir = join(repoRoot, 'out', 'test', 'unit');
  if (!existsSync(unitDir)) {
    failures.push({ tier: 'unit', title: 'unit tests', error: `${unitDir} does not exist (tsc emitted nothing?)` });
    return;
  }
  const { output } = await runCommand(process.execPath, ['--test', '--test-reporter=spec', `--test-timeout=${UNIT_TEST_TIMEOUT_MS}`, unitDir], { timeoutMs: 5 * 60_000 });
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  const [pass, fail, cancelled] = [count('pass'), count('fail'), count('cancelled')];
  // node counts neither skipped nor todo tests as passed; both are tests that proved nothing.
  const skipped = (count('skipped') || 0) + (count('todo') || 0);
  if (Number.isNaN(pass)) {
    failures.push({ tier: 'unit', title: 'node --test', error: `the test runner printed no summary:\n${tail(output, 60)}` });
    return;
  }
  passed += pass;
  // The spec reporter marks a skipped test "﹣ title (0.1ms) # reason" and a todo test "... # TODO".
  const named = [...output.matchAll(/^\s*[﹣✔✖] (.+?) \([\d.]+m?s\) # (.*)$/gm)];
  for (const [, title, reason] of named) skips.push({ tier: 'unit', title, reason });
  for (let i = named.length; i < skipped; i++) skips.push({ tier: 'unit', title: 'a unit test (see output above)', reason: '' });
  const failingSection = output.split('✖ failing tests:')[1] ?? '';
  const failingTitles = [...failingSection.matchAll(/^✖ (.+?)(?: \([\d.]+m?s\))?$/gm)].map((match) => match[1]);
  for (const title of failingTitles) failures.push({ tier: 'unit', title, error: '(details above, in the unit test output)' });
  const unaccounted = fail + cancelled - failingTitles.length;
  for (let i = 0; i < unaccounted; i++) failures.push({ tier: 'unit', title: 'a unit test (see output above)', error: '' });
  if (fail + cancelled > 0) process.stdout.write(`${indentBlock(failingSection.trim())}\n`);
  const ms = Date.now() - started;
  timings.push({ tier: 'unit', ms, passed: pass, failed: fail + cancelled, skipped });
  indent(`${pass} passed, ${fail + cancelled} failed, ${skipped} skipped (${seconds(ms)})`);
}

/** Runs one VS Code-hosted suite and folds its results into the tally. */
async function suiteTier(title, runSuite, { live = false } = {}) {
  heading(title);
  const outcome = await runSuite();
  let tierPassed = 0;
  let tierFailed = 0;
  let tierSkipped = 0;
  for (const test of outcome.tests) {
    if (!live) printResult(test);
    if (test.state === 'passed') tierPassed += 1;
    if (test.state === 'pending') {
      tierSkipped += 1;
      skips.push({ tier: outcome.name, title: test.title, reason: '' });
    }
    if (test.state === 'failed') {
      tierFailed += 1;
      failures.push({ tier: outcome.name, title: test.title, error: test.error ?? '' });
    }
  }
  if (outcome.problem) {
    tierFailed += 1;
    failures.push({ tier: outcome.name, title: `${outcome.name} run`, error: outcome.problem });
  }
  if (outcome.vscodeVersion && outcome.vscodeVersion !== EMBEDDED_VSCODE_VERSION) {
    tierFailed += 1;
    failures.push({ tier: outcome.name, title: 'VS Code version', error: `expected VS Code ${EMBEDDED_VSCODE_VERSION} from code-server, the extension host reported ${outcome.vscodeVersion}` });
  }
  for (const warning of outcome.warnings ?? []) indent(`warning: ${warning}`);
  passed += tierPassed;
  timings.push({ tier: outcome.name, ms: outcome.wallMs, passed: tierPassed, failed: tierFailed, skipped: tierSkipped });
  indent(`${tierPassed} passed, ${tierFailed} failed, ${tierSkipped} skipped (${seconds(outcome.wallMs)})${outcome.keptDir ? `; run folder kept: ${outcome.keptDir}` : ''}`);
}

function printResult(test) {
  if (test.state === 'pending') indent(`- ${test.title} (skipped)`);
  else indent(`${test.state === 'passed' ? '✔' : '✖'} ${test.title} (${seconds(test.durationMs)})`);
}

async function step(title, command, args) {
  heading(title);
  const started = Date.now();
  const { code, output } = await runCommand(command, args, { timeoutMs: 5 * 60_000 });
  const ok = code === 0;
  indent(ok ? `ok (${seconds(Date.now() - started)})` : `FAILED (exit ${code})`);
  if (!ok) process.stdout.write(`${indentBlock(head(output, 80))}\n`);
  timings.push({ tier: title.toLowerCase(), ms: Date.now() - started, passed: 0, failed: ok ? 0 : 1, skipped: 0 });
  return { ok, output };
}

/** Runs a child process in the repository, capturing its output; kills it (by its pid) after `timeoutMs`. */
function runCommand(command, args, { timeoutMs }) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => {
      output += `\n(stopped after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => { output += String(error); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? 1, output });
    });
  });
}

async function finish() {
  await closeAllBrowsers();
  await stopAllCodeServers();
  if (failures.length > 0) {
    heading(`Failures (${failures.length})`);
    failures.forEach((failure, index) => {
      console.log(`\n  ${index + 1}) [${failure.tier}] ${failure.title}`);
      if (failure.error) console.log(indentBlock(tail(failure.error, 25), '     '));
    });
  }
  if (skips.length > 0) {
    heading(`Skipped (${skips.length}): these tests ran no check`);
    for (const skip of skips) indent(`[${skip.tier}] ${skip.title}${skip.reason ? ` — ${skip.reason}` : ''}`);
  }
  heading('Summary');
  for (const timing of timings) indent(`${timing.tier.padEnd(12)} ${seconds(timing.ms).padStart(7)}  ${timing.passed} passed, ${timing.failed} failed, ${timing.skipped} skipped`);
  indent(`total        ${seconds(Date.now() - startedAt).padStart(7)}`);
  if (existsSync(join(repoRoot, 'test-results'))) indent('screenshots and workbench logs: test-results/');
  console.log(closingLine());
  process.exit(abortExitCode || (failures.length > 0 ? 1 : 0));
}

/**
 * Ctrl+C or the whole-run limit: stop the browsers and servers (which makes the
 * running tier end), let the normal report print, and exit with `exitCode`.
 * Should the report not come within 15 s, print the tally and exit anyway.
 */
async function abort(reason, exitCode) {
  if (aborting) return;
  aborting = true;
  abortExitCode = exitCode;
  console.log(`\n${reason}: stopping code-server and Chromium...`);
  failures.push({ tier: 'harness', title: 'npm test', error: reason });
  await closeAllBrowsers();
  await stopAllCodeServers();
  setTimeout(() => {
    console.log(closingLine());
    process.exit(exitCode);
  }, 15_000).unref();
}

function closingLine() {
  return `${passed} passed, ${failures.length} failed, ${skips.length} skipped`;
}

function heading(text) {
  console.log(`\n== ${text}`);
}

function indent(line) {
  console.log(`   ${line}`);
}

function indentBlock(text, prefix = '   ') {
  return text.split('\n').map((line) => prefix + line).join('\n');
}

function tail(text, lines) {
  const all = String(text).trimEnd().split('\n');
  return (all.length > lines ? ['...', ...all.slice(-lines)] : all).join('\n');
}

function head(text, lines) {
  const all = String(text).trimEnd().split('\n');
  return (all.length > lines ? [...all.slice(0, lines), '...'] : all).join('\n');
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
