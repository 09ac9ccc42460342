/**
 * Child process of the benchmark (run with --expose-gc): loads a persisted
 * index from the file named on the command line and prints, as JSON, how much
 * the JS heap plus array buffers grew once the file's bytes were dropped and
 * garbage collected.
 */
import { readFileSync } from 'node:fs';
import { deserializePassageIndex } from '../../src/core/search/passageIndexPersistence';

function settledBytes(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) {
    throw new Error('run with node --expose-gc');
  }
  collect();
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const before = settledBytes();
let bytes: Uint8Array | undefined = readFileSync(process.argv[2]);
const loaded = deserializePassageIndex(bytes);
bytes = undefined;
if ('error' in loaded) {
  throw new Error(`${loaded.error}: ${loaded.detail}`);
}
const after = settledBytes();
process.stdout.write(JSON.stringify({ bytes: after - before, passages: loaded.passageCount }));
