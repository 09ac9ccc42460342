/**
 * Load: 10,000 articles indexed in a real VS Code while the writer hovers and searches every
 * 100 ms. Every search and every hover but at most one (timed end to end through the workbench,
 * renderer round trip included; the one may take 400 ms and is named) answers within 250 ms, the
 * extension host's event loop is never blocked for 250 ms (VS Code calls a host unresponsive
 * after 3 s; the runner fails a tier where it does), and the final index equals a fresh rescan.
 *
 * The articles are written with node's `fs` (vscode.workspace.fs would take minutes for 10,000
 * files); in the web-worker extension host the test is skipped.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { activateSourcebook, forEachConcurrently, hoverMarkdownAt, nodeFs, openDraft, waitFor, workspaceFolder } from './sourcebookTestKit';


const articleCount = 10_000;
const loadFolder = 'load-sources';
/** The slowest response a writer should ever wait for. */
const responseBudgetMs = 250;
/** The most one hover may take once in a run (see the assertions). */
const hoverHiccupLimitMs = 400;
/** The longest the extension host may be blocked in one stretch while indexing. */
const hostStallLimitMs = responseBudgetMs;

const places = ['Pskov', 'Kaliningrad', 'Murmansk', 'Novorossiysk', 'Sevastopol', 'Ladakh', 'Vladivostok', 'Chennai', 'Gujarat', 'Arkhangelsk'];
const people = ['Sergey Lavrov', 'Narendra Modi', 'Vladimir Putin', 'Rajnath Singh', 'Sergei Shoigu', 'Subrahmanyam Jaishankar'];
const systems = ['S-400', 'Su-57', 'T-90', 'Kalibr', 'BrahMos', 'Ka-226'];

function article(i: number): string {
  const place = places[i % places.length];
  const person = people[(i * 7) % people.length];
  const system = systems[(i * 3) % systems.length];
  return [
    `Field report ${i} from ${place}`,
    '',
    `The ${system} unit ${i} moved near ${place} on day ${i % 365}, ${person} told reporters.`,
    '',
    `Convoy ${i} passed checkpoint ${i % 97}; officials in ${place} declined to comment on the ${system} schedule.`,
    '',
  ].join('\n');
}

interface Sample {
  at: number;
  hoverMs: number;
  searchMs: number;
  hovered: boolean;
  hits: number;
  articles: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

suite('Load: 10,000 articles indexed while hovering and searching every 100 ms', function () {
  this.timeout(150_000);
  let api: SourcebookApi;
  const fs = nodeFs();
  const config = () => vscode.workspace.getConfiguration('sourcebook');
  const folderPath = () => vscode.Uri.joinPath(workspaceFolder().uri, loadFolder).fsPath;
  let writeMillis = 0;

  suiteSetup(async function () {
    this.timeout(120_000);
    api = await activateSourcebook();
    if (!fs) return;
    const started = Date.now();
    // Subfolders of 1,000, as a writer's archive by month might be.
    const folderOf = (i: number) => `${folderPath()}/batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`;
    for (let i = 0; i < articleCount; i += 1000) fs.mkdirSync(folderOf(i), { recursive: true });
    const indices = Array.from({ length: articleCount }, (_, i) => i);
    await forEachConcurrently(indices, 64, (i) => fs.promises.writeFile(`${folderOf(i)}/report-${String(i).padStart(5, '0')}.txt`, article(i)));
    writeMillis = Date.now() - started;
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
    await fs?.promises.rm(folderPath(), { recursive: true, force: true });
    await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, 60_000);
  });

  test('every search and every hover but at most one within 250 ms, the host never blocked for 250 ms, and the final index equals a fresh rescan', async function () {
    if (!fs) {
      this.test!.title += ' (skipped: the web-worker extension host has no node fs to write 10,000 files quickly)';
      this.skip();
    }
    const line = 'Delhi bought the S-400 system and the Su-57 jet.';
    const draft = await openDraft(line);
    const position = new vscode.Position(0, line.indexOf('S-400') + 2);
    assert.ok(await hoverMarkdownAt(draft, position), 'no hover over S-400 on the bundled corpus before the load');

    // How long the extension host's event loop was blocked: what VS Code's unresponsive check sees.
    let longestStall = 0;
    const started = performance.now();
    const longStalls: string[] = [];
    let lastTick = performance.now();
    const stallWatch = setInterval(() => {
      const now = performance.now();
      const stall = now - lastTick - 20;
      longestStall = Math.max(longestStall, stall);
      if (stall > 100) longStalls.push(`${stall.toFixed(0)} ms at ${((lastTick - started) / 1000).toFixed(1)} s`);
      lastTick = now;
    }, 20);

    const samples: Sample[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const due = performance.now() + 100;
        const hoverStart = performance.now();
        const markdown = await hoverMarkdownAt(draft, position);
        const hoverMs = performance.now() - hoverStart;
        const searchStart = performance.now();
        const hits = api.index.search('convoy checkpoint Pskov').length;
        const searchMs = performance.now() - searchStart;
        samples.push({ at: hoverStart - started, hoverMs, searchMs, hovered: markdown !== undefined, hits, articles: api.index.articles().length });
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      }
    })();

    let indexedAt = 0;
    let topicsAt = 0;
    try {
      await config().update('corpus.paths', [loadFolder], vscode.ConfigurationTarget.Workspace);
      await waitFor('10,000 articles to be indexed', () => api.loadSummary()?.usingBundled === false && api.index.articles().length === articleCount, 120_000).catch((error: Error) => {
        throw new Error(`${error.message}: ${api.index.articles().length} articles; last load ${JSON.stringify(api.loadSummary())}`);
      });
      indexedAt = performance.now() - started;
      await api.ready();
      topicsAt = performance.now() - started;
      // Keep sampling a little after the load: topics and views are rebuilt then.
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      sampling = false;
      await sampler;
      clearInterval(stallWatch);
    }

    const hoverTimes = samples.map((sample) => sample.hoverMs);
    const slowest = samples.reduce((worst, sample) => (sample.hoverMs > worst.hoverMs ? sample : worst), samples[0]);
    const slowestAt = slowest ? `${(slowest.at / 1000).toFixed(1)} s, with ${slowest.articles} articles indexed` : 'n/a';
    const searchTimes = samples.map((sample) => sample.searchMs);
    const summary = api.loadSummary();
    const report = `${samples.length} samples over ${(samples[samples.length - 1]?.at / 1000).toFixed(1)} s; files written in ${writeMillis} ms; indexed after ${(indexedAt / 1000).toFixed(1)} s (loader: ${summary?.millis} ms), topics ${((topicsAt - indexedAt) / 1000).toFixed(1)} s later; hover p50 ${percentile(hoverTimes, 50).toFixed(0)} / p95 ${percentile(hoverTimes, 95).toFixed(0)} / max ${Math.max(...hoverTimes).toFixed(0)} ms (slowest at ${slowestAt}); over 150 ms: ${samples.filter((sample) => sample.hoverMs > 150).length}; search p50 ${percentile(searchTimes, 50).toFixed(1)} / max ${Math.max(...searchTimes).toFixed(1)} ms; longest event-loop stall ${longestStall.toFixed(0)} ms${longStalls.length ? ` (stalls over 100 ms: ${longStalls.join(', ')})` : ''}`;
    this.test!.title += ` (${report})`;

    assert.ok(samples.length >= 20, `only ${samples.length} samples: ${report}`);
    assert.ok(samples.some((sample) => sample.articles > 5 && sample.articles < articleCount), `no sample was taken while indexing: ${report}`);
    // Searches run in the extension host and must all be within budget. A hover crosses the
    // workbench renderer and back, on a 2-core machine that is also running Chromium: in 14 runs
    // the slowest was 245 ms, with the host itself never blocked for more than 122 ms. So that one
    // renderer hiccup on a busy CI machine cannot fail the build, a single hover may take up to
    // `hoverHiccupLimitMs`; it is then named in the test's title. Every other hover must be within budget.
    const slowSearches = samples.filter((sample) => sample.searchMs > responseBudgetMs);
    assert.deepEqual(slowSearches.map((sample) => `${(sample.at / 1000).toFixed(1)} s: search ${sample.searchMs.toFixed(0)} ms`), [], report);
    const slowHovers = samples.filter((sample) => sample.hoverMs > responseBudgetMs).map((sample) => `${(sample.at / 1000).toFixed(1)} s: hover ${sample.hoverMs.toFixed(0)} ms`);
    if (slowHovers.length > 0) this.test!.title += `; hovers over ${responseBudgetMs} ms: ${slowHovers.join(', ')}`;
    assert.ok(slowHovers.length <= 1, `${slowHovers.length} hovers over ${responseBudgetMs} ms (${slowHovers.join(', ')}): ${report}`);
    assert.ok(Math.max(...hoverTimes) <= hoverHiccupLimitMs, `a hover took ${Math.max(...hoverTimes).toFixed(0)} ms: ${report}`);
    assert.ok(longestStall < hostStallLimitMs, `the extension host was blocked for ${longestStall.toFixed(0)} ms: ${report}`);
    const last = samples[samples.length - 1];
    assert.ok(last.hovered && last.hits > 0, `after the load the hover answered ${last.hovered} and the search found ${last.hits}`);

    const before = api.index.articles().flatMap((entry) => entry.passages.map((passage) => passage.id)).sort();
    assert.equal(new Set(before).size, articleCount * 2);
    const rescanStart = Date.now();
    await vscode.commands.executeCommand('sourcebook.reindex');
    const rescanMillis = Date.now() - rescanStart;
    const after = api.index.articles().flatMap((entry) => entry.passages.map((passage) => passage.id)).sort();
    assert.deepEqual(after, before, `a fresh rescan (${rescanMillis} ms) differs: ${before.length} passages before, ${after.length} after`);
    this.test!.title += `; full rescan ${rescanMillis} ms`;
  });
});
