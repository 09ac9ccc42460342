import { francAll } from 'franc-min';
import type { LanguageGuesser } from './articleLanguage';

/**
 * `franc-min` (trigram profiles of the 82 languages with 8 million speakers or more, 100 KB
 * minified) as a `LanguageGuesser`. Only the engine's worker bundles import this file: the
 * editor's own bundle stays without the profiles, and an in-thread engine (no worker could be
 * started) tells languages by declaration and script only.
 */
export const francGuesser: LanguageGuesser = (sample) => {
  const [best] = francAll(sample, { minLength: 10 });
  return best && best[0] !== 'und' ? best[0] : undefined;
};
