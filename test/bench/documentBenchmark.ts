/**
 * The "PDF and Word sources" section of the benchmark (issue 15): how fast the engine's reading
 * code reads PDF pages and Word XML, whether a 500-page PDF read in the engine's worker thread
 * stalls the host's event loop, and what the .vsix carries. Run alone with
 * `npm run bench:documents` (runDocumentBenchmark.ts), which builds dist/ for production first:
 * the worker is the bundled dist/derivedWorker.js and pdf.js the bundled dist/pdfjs.js, exactly
 * what the extension loads on desktop.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { zipSync } from 'fflate';
import type { FromEngine } from '../../src/core/derived/derivedProtocol';
import { ingestSourceFile, type LazyLibraries } from '../../src/core/ingest/ingestSourceFile';
import type { PdfJsModule } from '../../src/core/ingest/pdfReader';
import type { IngestOutcome } from '../../src/core/model';
import { startNodeWorkerChannel } from '../../src/worker/nodeWorkerChannel';
import { cpuMs } from './benchMeasures';
import { largeDocx, longReportPdf } from './documentBenchFixtures';

export const DOCUMENT_RUNS = 3;
/** The target: the host's event loop never waits longer than this while a PDF is read. */
export const STALL_TARGET_MS = 50;
const TICK_MS = 10;
/** Version 0.1's .vsix, before PDF and Word (issue 15). */
const VSIX_BEFORE_KB = 260;

export interface ReadingRow {
  name: string;
  fileBytes: number;
  /** Pages of a PDF; undefined for Word. */
  pages?: number;
  /** Bytes of word/document.xml; undefined for PDF. */
  xmlBytes?: number;
  wallMs: number[];
  cpuMs: number[];
  passages: number;
  characters: number;
}

export interface StallRun {
  /** From posting the ingest message to the answer arriving on the host. */
  answerMs: number;
  /** The longest the host's event loop was late for a 10 ms tick. */
  longestStallMs: number;
  stallsOverTarget: number;
  ticks: number;
  /** Host time spent in `postMessage` (copying the bytes to the worker). */
  postMs: number;
  passages: number;
}

export interface PackageFile {
  path: string;
  bytes: number;
  zippedBytes: number;
}

export interface DocumentResults {
  pdfJsLoadMs: number;
  readings: ReadingRow[];
  stall: { pages: number; fileBytes: number; runs: StallRun[] };
  packageFiles: PackageFile[];
  production: boolean;
  loadBefore: number[];
  loadAfter: number[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function summary(outcome: IngestOutcome): { passages: number; characters: number } {
  if (outcome.kind !== 'articles') throw new Error(`the benchmark file was not read: ${outcome.reason}: ${outcome.detail}`);
  const passages = outcome.articles.flatMap((article) => article.passages);
  return { passages: passages.length, characters: passages.reduce((sum, passage) => sum + passage.text.length, 0) };
}

/** Reads one file `runs` times through `ingestSourceFile`, as the engine does, timing wall and CPU. */
async function measureReading(row: Omit<ReadingRow, 'wallMs' | 'cpuMs' | 'passages' | 'characters'>, bytes: Uint8Array, fileName: string, libraries: LazyLibraries, runs: number, log: (line: string) => void): Promise<ReadingRow> {
  const wallMs: number[] = [];
  const cpu: number[] = [];
  let read = { passages: 0, characters: 0 };
  for (let run = 0; run < runs; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const outcome = await ingestSourceFile({ uri: `file:///bench/${fileName}`, fileName, bytes }, {}, libraries);
    wallMs.push(performance.now() - start);
    cpu.push(cpuMs(cpuStart));
    read = summary(outcome);
    log(`${row.name}, run ${run + 1}: ${wallMs[run].toFixed(0)} ms wall, ${cpu[run].toFixed(0)} ms CPU, ${read.passages} passages`);
  }
  return { ...row, wallMs, cpuMs: cpu, ...read };
}

/**
 * Starts the bundled engine worker, sends it the PDF as the host does (an `ingest` message, the
 * bytes copied), and on this thread checks every 10 ms how late the timer is until the answer has
 * arrived and been handled. A fresh worker each run: the first PDF also loads pdf.js there.
 */
async function measureStall(workerScript: string, bytes: Uint8Array): Promise<StallRun> {
  const channel = startNodeWorkerChannel(workerScript);
  try {
    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last - TICK_MS);
      last = now;
    }, TICK_MS);
    const answered = new Promise<IngestOutcome>((resolve, reject) => {
      channel.onMessage((message: FromEngine) => {
        if (message.type === 'ingested' && message.requestId === 1) resolve(message.outcome);
      });
      channel.onFailure((reason) => reject(new Error(reason)));
    });
    // A few ticks first, so the loop is measured before the message too.
    await new Promise((resolve) => setTimeout(resolve, 5 * TICK_MS));
    const posted = performance.now();
    channel.post({ type: 'ingest', requestId: 1, file: { uri: 'file:///bench/report-500.pdf', fileName: 'report-500.pdf', bytes }, options: {} });
    const postMs = performance.now() - posted;
    const outcome = await answered;
    const answerMs = performance.now() - posted;
    // Two more ticks: a stall caused by handling the answer shows in the next one.
    await new Promise((resolve) => setTimeout(resolve, 3 * TICK_MS));
    clearInterval(timer);
    const late = gaps.map((gap) => Math.max(0, gap));
    return { answerMs, postMs, longestStallMs: Math.max(...late), stallsOverTarget: late.filter((gap) => gap > STALL_TARGET_MS).length, ticks: gaps.length, passages: summary(outcome).passages };
  } finally {
    channel.dispose();
  }
}

/** The files `vsce ls` would put into the .vsix, each with its size and its size deflated (a .vsix is a zip). */
function packageFiles(root: string): PackageFile[] {
  const listed = spawnSync(join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`vsce ls failed: ${listed.stderr}`);
  return listed.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((path) => {
      const data = readFileSync(join(root, path));
      const zipped = zipSync({ [path]: new Uint8Array(data) }, { level: 6 });
      return { path, bytes: statSync(join(root, path)).size, zippedBytes: zipped.length };
    });
}

export async function measureDocuments(root: string, log: (line: string) => void, runs = DOCUMENT_RUNS): Promise<DocumentResults> {
  const loadBefore = loadavg();
  const dist = join(root, 'dist');
  const production = !readFileSync(join(dist, 'extension.js'), 'utf8').includes('sourceMappingURL=');
  let pdfJsLoadMs = 0;
  let pdfjs: PdfJsModule | undefined;
  const libraries: LazyLibraries = {
    loadPdfJs: async () => {
      if (!pdfjs) {
        const start = performance.now();
        pdfjs = require(join(dist, 'pdfjs.js')) as PdfJsModule;
        pdfJsLoadMs = performance.now() - start;
      }
      return pdfjs;
    },
  };
  await libraries.loadPdfJs!();

  log('making the fixtures');
  const pdf500 = longReportPdf(500);
  const pdf50 = longReportPdf(50);
  const docx1 = largeDocx(1_000_000);
  const docx5 = largeDocx(5_000_000);

  const readings: ReadingRow[] = [];
  // One unmeasured read first: pdf.js's and the layout code's first run compiles them.
  await ingestSourceFile({ uri: 'file:///bench/warm.pdf', fileName: 'warm.pdf', bytes: longReportPdf(5) }, {}, libraries);
  readings.push(await measureReading({ name: 'PDF, 50 pages', fileBytes: pdf50.length, pages: 50 }, pdf50, 'report-50.pdf', libraries, runs, log));
  readings.push(await measureReading({ name: 'PDF, 500 pages', fileBytes: pdf500.length, pages: 500 }, pdf500, 'report-500.pdf', libraries, runs, log));
  readings.push(await measureReading({ name: 'Word, 1 MB of XML', fileBytes: docx1.bytes.length, xmlBytes: docx1.xmlBytes }, docx1.bytes, 'report-1mb.docx', libraries, runs, log));
  readings.push(await measureReading({ name: 'Word, 5 MB of XML', fileBytes: docx5.bytes.length, xmlBytes: docx5.xmlBytes }, docx5.bytes, 'report-5mb.docx', libraries, runs, log));

  const stallRuns: StallRun[] = [];
  for (let run = 0; run < runs; run++) {
    const measured = await measureStall(join(dist, 'derivedWorker.js'), pdf500);
    stallRuns.push(measured);
    log(`500-page PDF in the worker, run ${run + 1}: answer after ${measured.answerMs.toFixed(0)} ms, longest host stall ${measured.longestStallMs.toFixed(1)} ms, ${measured.stallsOverTarget} over ${STALL_TARGET_MS} ms in ${measured.ticks} ticks`);
  }
  return { pdfJsLoadMs, readings, stall: { pages: 500, fileBytes: pdf500.length, runs: stallRuns }, packageFiles: packageFiles(root), production, loadBefore, loadAfter: loadavg() };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KB`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
}

function loads(values: number[]): string {
  return values.map((value) => value.toFixed(1)).join(' / ');
}

/** The markdown tables and notes of the section. */
export function documentSection(results: DocumentResults, heading: string): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
  const readingRows = results.readings.map((row) => {
    const wall = median(row.wallMs);
    const cpu = median(row.cpuMs);
    const rate = row.pages !== undefined ? `**${Math.round(row.pages / (wall / 1000)).toLocaleString('en-US')} pages/s**` : `**${(row.xmlBytes! / 1024 / 1024 / (wall / 1000)).toFixed(1)} MB/s** of XML (${(row.fileBytes / 1024 / 1024 / (wall / 1000)).toFixed(1)} MB/s of .docx)`;
    const size = row.pages !== undefined ? `${kb(row.fileBytes)}` : `${kb(row.fileBytes)} (${mb(row.xmlBytes!)} XML)`;
    return `| ${row.name} | ${size} | ${ms(wall)} ms (${row.wallMs.map(ms).join(', ')}) | ${ms(cpu)} ms | ${rate} | ${row.passages.toLocaleString('en-US')} passages, ${(row.characters / 1000).toFixed(0)}k characters |`;
  });
  const stall = results.stall.runs;
  const longest = Math.max(...stall.map((run) => run.longestStallMs));
  const over = stall.reduce((sum, run) => sum + run.stallsOverTarget, 0);
  const stallRows = stall.map(
    (run, index) => `| ${index + 1} | ${ms(run.answerMs)} ms | ${ms(run.postMs)} ms | ${run.ticks} | ${ms(run.longestStallMs)} ms | ${run.stallsOverTarget} | ${run.passages.toLocaleString('en-US')} |`,
  );
  const files = results.packageFiles;
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const zipped = files.reduce((sum, file) => sum + file.zippedBytes, 0);
  const groups: Array<{ name: string; lazy?: boolean; matches: (path: string) => boolean }> = [
    { name: 'dist/pdfjs.js (pdf.js, loaded with the first PDF)', lazy: true, matches: (path) => path === 'dist/pdfjs.js' },
    { name: 'dist/pageReader.js (loaded with the first captured page)', lazy: true, matches: (path) => path === 'dist/pageReader.js' },
    { name: 'dist/extension.js and dist/web/extension.js', matches: (path) => path.endsWith('/extension.js') },
    { name: 'dist/derivedWorker.js and dist/web/derivedWorker.js', matches: (path) => path.endsWith('/derivedWorker.js') },
    { name: 'corpus/ (the bundled articles and topics)', matches: (path) => path.startsWith('corpus/') },
    { name: 'package.json, README, LICENSE, media/', matches: () => true },
  ];
  const grouped = groups.map((group) => ({ ...group, files: [] as PackageFile[] }));
  for (const file of files) grouped.find((group) => group.matches(file.path))!.files.push(file);
  const sum = (list: PackageFile[], size: (file: PackageFile) => number) => list.reduce((total, file) => total + size(file), 0);
  const groupRows = grouped.map((group) => {
    const deflated = sum(group.files, (file) => file.zippedBytes);
    return `| ${group.name} | ${group.files.length} | ${kb(sum(group.files, (file) => file.bytes))} | ${kb(deflated)} | ${((100 * deflated) / zipped).toFixed(0)} % |`;
  });
  const lazyZipped = sum(grouped.filter((group) => group.lazy).flatMap((group) => group.files), (file) => file.zippedBytes);
  return `${heading}

Generated by \`npm run bench:documents\` (or \`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}; load average (1 / 5 / 15 min) ${loads(results.loadBefore)} at the start and ${loads(results.loadAfter)} at the end (other work shared the cores). The files are generated (test/bench/documentBenchFixtures.ts, with the writers of test/fixtures/documents/documentFixtures.ts): a report PDF whose every page has a running header, a page number and about 3,000 characters of body text in paragraphs, and a .docx of paragraphs with a heading every twelve.

### Reading speed

Each file read ${DOCUMENT_RUNS} times through \`ingestSourceFile\`, the code the engine runs, on this thread, after one unmeasured warm-up read; pdf.js is the bundled \`dist/pdfjs.js\` (${results.production ? 'production build' : 'development build'}), loaded once before (${ms(results.pdfJsLoadMs)} ms to \`require\`). Wall time is the median, the runs in brackets; CPU time is the median of the process's user + system time (it includes the garbage collector's threads).

| file | size | wall, median (runs) | CPU | rate | read |
|---|---|---|---|---|---|
${readingRows.join('\n')}

### The host while a 500-page PDF is read in the worker

The bundled engine worker (\`dist/derivedWorker.js\`, started by \`startNodeWorkerChannel\` as the extension does, a fresh thread each run so pdf.js is loaded there each time) is sent the ${results.stall.pages}-page PDF (${kb(results.stall.fileBytes)}) as an \`ingest\` message; the host thread runs a ${TICK_MS} ms timer from before the message until after the answer (the articles) has arrived, and records how late each tick is. Target: no stall over ${STALL_TARGET_MS} ms. **Longest stall over ${stall.length} runs: ${ms(longest)} ms; ticks later than ${STALL_TARGET_MS} ms: ${over}.**

| run | answer after | host time in postMessage | ticks | longest stall | stalls > ${STALL_TARGET_MS} ms | passages |
|---|---|---|---|---|---|---|
${stallRows.join('\n')}

### Package size

The files \`vsce ls --no-dependencies\` puts into the .vsix (${files.length} files, what .vscodeignore lets in), from a ${results.production ? 'production' : 'development'} build, each deflated at level 6 as the .vsix zip does; the .vsix adds a manifest of about 2 KB. Version 0.1's .vsix was ${VSIX_BEFORE_KB} KB.

| part | files | size | deflated | share of the deflated package |
|---|---|---|---|---|
${groupRows.join('\n')}
| **total** | ${files.length} | ${kb(total)} | **${kb(zipped)}** | ${(zipped / 1024 / VSIX_BEFORE_KB).toFixed(1)}× the ${VSIX_BEFORE_KB} KB of 0.1 |

The two lazily loaded libraries are ${kb(lazyZipped)} of the deflated ${kb(zipped)}; without them the package would be ${kb(zipped - lazyZipped)}. They are read only when needed (dist/pdfjs.js with the first PDF, dist/pageReader.js with the first captured web page): the extension starts with dist/extension.js and the worker with dist/derivedWorker.js.
`;
}
