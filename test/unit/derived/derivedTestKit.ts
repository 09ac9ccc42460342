import assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { DerivedIndexes, type DerivedIndexesOptions } from '../../../src/core/derived/derivedIndexes';
import type { EngineChannel } from '../../../src/core/derived/derivedProtocol';
import { createInThreadEngine } from '../../../src/core/derived/inThreadEngine';
import { ingestFile } from '../../../src/core/ingest/ingestFile';
import { nullLogger } from '../../../src/core/model';
import { loadBundledCorpus } from '../topics/corpusLoader';

/** A real trip through the event loop, as the host's turns give. */
export const eventLoopYield = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The five bundled articles, one file each, with their alias file, as the extension's loader adds them. */
export function bundledIndex(): CorpusIndex {
  const corpus = loadBundledCorpus();
  const index = new CorpusIndex();
  index.setAliasTables([corpus.aliasTable]);
  for (const article of corpus.articles) index.setFile(article.sourceUri, [article]);
  return index;
}

export function addText(index: CorpusIndex, name: string, text: string, stamp = '1'): void {
  const outcome = ingestFile({ uri: `file:///w/${name}`, fileName: name, bytes: new TextEncoder().encode(text) });
  assert.equal(outcome.kind, 'articles');
  if (outcome.kind === 'articles') index.setFile(`file:///w/${name}`, outcome.articles, stamp);
}

/** The derived-index pipeline over `index`, with the engine on this thread unless a channel is given; no debounce. */
export function pipelineFor(index: CorpusIndex, channel: EngineChannel = createInThreadEngine(eventLoopYield), options: Partial<DerivedIndexesOptions> = {}): DerivedIndexes {
  return new DerivedIndexes(index, channel, { logger: nullLogger, yieldNow: eventLoopYield, debounceMs: 0, ...options });
}
