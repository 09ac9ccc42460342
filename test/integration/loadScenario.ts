/**
 * The load scenario: generated articles indexed in a real VS Code while the writer hovers and
 * searches every 100 ms. The benchmark (loadWhileIndexing.bench.ts, run by `npm run bench`)
 * plays it with 10,000 articles and records how fast the answers were; the CI test
 * (loadWhileIndexing.test.ts) plays it small and checks only what must hold on any machine.
 * Speed limits live in the benchmark only: CI runs on 2 busy cores.
 *
 * The articles are written with node's `fs` (vscode.workspace.fs would take minutes for 10,000
 * files), so the scenario needs a node extension host.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourcebookApi } from '../../src/extension';
import { forEachConcurrently, hoverMarkdownAt, openDraft, waitFor, workspaceFolder } from './sourcebookTestKit';

/** The workspace folder the scenario's articles go into, and the `corpus.paths` glob that selects them. */
export const loadFolder = 'load-sources';

/** A hover slower than this is one a writer notices; the benchmark counts them. */
export const noticeableHoverMs = 250;

const places = ['Pskov', 'Kaliningrad', 'Murmansk', 'Novorossiysk', 'Sevastopol', 'Ladakh', 'Vladivostok', 'Chennai', 'Gujarat', 'Arkhangelsk'];
const people = ['Sergey Lavrov', 'Narendra Modi', 'Vladimir Putin', 'Rajnath Singh', 'Sergei Shoigu', 'Subrahmanyam Jaishankar'];
const systems = ['S-400', 'Su-57', 'T-90', 'Kalibr', 'BrahMos', 'Ka-226'];

/** Article `i` of the scenario: two passages naming a place, a person and a weapons system. */
export function loadArticle(i: number): string {
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

function loadFolderPath(): string {
  return vscode.Uri.joinPath(workspaceFolder().uri, loadFolder).fsPath;
}

/** Writes `count` articles in subfolders of 1,000 (as a writer's archive by month might be); resolves to the milliseconds it took. */
export async function writeLoadArticles(fs: typeof import('fs'), count: number): Promise<number> {
  const started = Date.now();
  const folderOf = (i: number) => `${loadFolderPath()}/batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`;
  for (let i = 0; i < count; i += 1000) fs.mkdirSync(folderOf(i), { recursive: true });
  const indices = Array.from({ length: count }, (_, i) => i);
  await forEachConcurrently(indices, 64, (i) => fs.promises.writeFile(`${folderOf(i)}/report-${String(i).padStart(5, '0')}.txt`, loadArticle(i)));
  return Date.now() - started;
}

/** Points Sourcebook back at the bundled corpus and deletes the articles. */
export async function removeLoadArticles(api: SourcebookApi, fs: typeof import('fs') | undefined, timeoutMs: number): Promise<void> {
  await vscode.workspace.getConfiguration('sourcebook').update('corpus.paths', undefined, vscode.ConfigurationTarget.Workspace);
  await fs?.promises.rm(loadFolderPath(), { recursive: true, force: true });
  await waitFor('the bundled corpus to come back', () => api.loadSummary()?.usingBundled === true && api.index.articles().length === 5, timeoutMs);
}

/** One hover and one search, taken every 100 ms. */
export interface LoadSample {
  /** Milliseconds since the scenario started. */
  at: number;
  hoverMs: number;
  searchMs: number;
  hovered: boolean;
  hits: number;
  /** Articles in the index when the sample was taken. */
  articles: number;
}

/** What one play of the scenario saw. */
export interface LoadRun {
  samples: LoadSample[];
  /** From switching `corpus.paths` to the articles until all of them were in the index. */
  indexedAtMs: number;
  /** From the switch until `api.ready()` resolved: topics (and the views) rebuilt too. */
  topicsAtMs: number;
  /**
   * CPU time of the extension host process (all its threads, so a worker's too) from the switch
   * until topics were ready: the work itself, which other processes on a busy machine do not inflate.
   */
  hostCpuMs: number;
  /** The loader's own figure for the load. */
  loaderMs: number;
  /** The longest the extension host's event loop was blocked (what VS Code's unresponsive check sees). */
  longestStallMs: number;
  /** Every stall over 100 ms, as "N ms at T s". */
  longStalls: string[];
}

/**
 * Switches the corpus to the `articleCount` articles already written, hovering over S-400 in a
 * draft and searching every 100 ms until topics are ready and 3 s after, and watching the
 * extension host's event loop every 20 ms.
 */
export async function playLoadScenario(api: SourcebookApi, articleCount: number, { indexTimeoutMs }: { indexTimeoutMs: number }): Promise<LoadRun> {
  const line = 'Delhi bought the S-400 system and the Su-57 jet.';
  const draft = await openDraft(line);
  const position = new vscode.Position(0, line.indexOf('S-400') + 2);
  assert.ok(await hoverMarkdownAt(draft, position), 'no hover over S-400 on the bundled corpus before the load');

  const started = performance.now();
  const stallWatch = watchHostStalls();

  const samples: LoadSample[] = [];
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

  let indexedAtMs = NaN;
  let topicsAtMs = NaN;
  let hostCpuMs = NaN;
  const cpuAtStart = process.cpuUsage();
  try {
    await vscode.workspace.getConfiguration('sourcebook').update('corpus.paths', [loadFolder], vscode.ConfigurationTarget.Workspace);
    await waitFor(`${articleCount} articles to be indexed`, () => api.loadSummary()?.usingBundled === false && api.index.articles().length === articleCount, indexTimeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}: ${api.index.articles().length} articles; last load ${JSON.stringify(api.loadSummary())}`);
    });
    indexedAtMs = performance.now() - started;
    await api.ready();
    topicsAtMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuAtStart);
    hostCpuMs = (cpu.user + cpu.system) / 1000;
    // Keep sampling a little after the load: topics and views are rebuilt then.
    await new Promise((resolve) => setTimeout(resolve, 3000));
  } finally {
    sampling = false;
    await sampler;
  }
  const { longestStallMs, longStalls } = stallWatch.stop();
  return { samples, indexedAtMs, topicsAtMs, hostCpuMs, loaderMs: api.loadSummary()?.millis ?? NaN, longestStallMs, longStalls };
}

/** How long the extension host's event loop was blocked while it was watched. */
export interface HostStalls {
  longestStallMs: number;
  /** Every stall over 100 ms, as "N ms at T s" (seconds since the watch started). */
  longStalls: string[];
}

/** Watches the extension host's event loop with a 20 ms timer until `stop()`. */
export function watchHostStalls(): { stop(): HostStalls } {
  let longestStallMs = 0;
  const longStalls: string[] = [];
  const started = performance.now();
  let lastTick = started;
  const timer = setInterval(() => {
    const now = performance.now();
    const stall = now - lastTick - 20;
    longestStallMs = Math.max(longestStallMs, stall);
    if (stall > 100) longStalls.push(`${stall.toFixed(0)} ms at ${((lastTick - started) / 1000).toFixed(1)} s`);
    lastTick = now;
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return { longestStallMs, longStalls };
    },
  };
}

/** The `p`th percentile (0-100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** The numbers the benchmark reports for one play (milliseconds unless named otherwise). */
export function loadMeasurements(run: LoadRun): Record<string, number> {
  const hovers = run.samples.map((sample) => sample.hoverMs);
  const searches = run.samples.map((sample) => sample.searchMs);
  return {
    samples: run.samples.length,
    readyMs: run.indexedAtMs,
    topicsReadyMs: run.topicsAtMs,
    hostCpuMs: run.hostCpuMs,
    loaderMs: run.loaderMs,
    hoverP50Ms: percentile(hovers, 50),
    hoverP95Ms: percentile(hovers, 95),
    hoverMaxMs: Math.max(...hovers),
    hoversOverNoticeable: hovers.filter((ms) => ms > noticeableHoverMs).length,
    searchP50Ms: percentile(searches, 50),
    searchP95Ms: percentile(searches, 95),
    searchMaxMs: Math.max(...searches),
    longestStallMs: run.longestStallMs,
    stallsOver100Ms: run.longStalls.length,
  };
}

/** What must hold after any play, however slow the machine: hovers and searches still answer, the final index equals a fresh rescan. Resolves to the rescan's milliseconds. */
export async function checkLoadOutcome(api: SourcebookApi, run: LoadRun, articleCount: number): Promise<number> {
  const last = run.samples[run.samples.length - 1];
  assert.ok(last?.hovered && last.hits > 0, `after the load the hover answered ${last?.hovered} and the search found ${last?.hits}`);
  const before = passageIds(api);
  assert.equal(new Set(before).size, articleCount * 2);
  const rescanStart = Date.now();
  await vscode.commands.executeCommand('sourcebook.reindex');
  const rescanMs = Date.now() - rescanStart;
  const after = passageIds(api);
  assert.deepEqual(after, before, `a fresh rescan (${rescanMs} ms) differs: ${before.length} passages before, ${after.length} after`);
  return rescanMs;
}

function passageIds(api: SourcebookApi): string[] {
  return api.index.articles().flatMap((entry) => entry.passages.map((passage) => passage.id)).sort();
}
