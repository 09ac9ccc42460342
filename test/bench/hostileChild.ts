/**
 * Child process of the hostile-input benchmark (run with --expose-gc): builds one hostile
 * input, runs it once, and prints as JSON the wall time, the peak resident memory above what
 * the process held before the run, how much the JS heap grew during the run (garbage
 * included; a collection during the run hides part of it), and a summary of what came out. A process of its own per measurement, so one run's garbage and
 * peak never leak into the next, and a hang can be killed.
 */
import { readFileSync } from 'node:fs';
import { hostileCases } from './hostileCases';

/**
 * The process's peak resident memory: Linux's VmHWM, which starts afresh at exec. `maxRSS`
 * (getrusage) keeps the peak of the process it was forked from, so under a parent holding
 * 282 MB (the whole `npm run bench`) every case read +282 MB.
 */
function peakResidentBytes(): number {
  try {
    const found = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (found) return Number(found[1]) * 1024;
  } catch {
    // not Linux: getrusage's figure
  }
  return process.resourceUsage().maxRSS * 1024;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
}

const [caseIndex, size] = [Number(process.argv[2]), Number(process.argv[3])];
const hostile = hostileCases[caseIndex];
const input = hostile.build(size);
collect();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const summary = hostile.run(input);
const ms = performance.now() - started;
const heapAfter = process.memoryUsage().heapUsed;
const peakRss = peakResidentBytes();
process.stdout.write(JSON.stringify({ ms, inputChars: input.length, peakRssDelta: Math.max(0, peakRss - rssBefore), heapDelta: heapAfter - heapBefore, summary }));
