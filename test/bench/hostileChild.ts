/**
 * Child process of the hostile-input benchmark (run with --expose-gc): builds one hostile
 * input, runs it once, and prints as JSON the wall time, the peak resident memory above what
 * the process held before the run, how much the JS heap grew during the run (garbage
 * included; a collection during the run hides part of it), and a summary of what came out. A process of its own per measurement, so one run's garbage and
 * peak never leak into the next, and a hang can be killed.
 */
import { hostileCases } from './hostileCases';

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
const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(JSON.stringify({ ms, inputChars: input.length, peakRssDelta: Math.max(0, peakRss - rssBefore), heapDelta: heapAfter - heapBefore, summary }));
