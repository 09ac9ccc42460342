import assert from 'node:assert/strict';
import test from 'node:test';
import { buildFigureGroups } from '../../../src/core/figures/compareSources';
import { explainFigureGroup } from '../../../src/core/ledger/explainGroup';
import { sourceLabel } from '../../../src/core/model';
import { loadBundledCorpus } from '../figures/bundledCorpus';

test('the compare view\'s arms-share disagreement is explained as different measures; no other group of the bundled corpus is explained away', () => {
  const articles = [...loadBundledCorpus().values()];
  const labelOf = (articleId: string) => {
    const article = articles.find((entry) => entry.id === articleId);
    return article ? sourceLabel(article) : 'unknown source';
  };
  const groups = buildFigureGroups(articles);
  const explained = groups.map((group) => explainFigureGroup(group, labelOf)).filter((line): line is string => line !== undefined);
  assert.deepEqual(explained, [
    'different measures: share of weapons imported since 2010 (“Russian President Vladimir Putin will…”: more than 60%) · share of Indian army’s armaments, citing the Indian Express (YCPress: more than 80%) · current share (RFI: fallen below 50%)',
  ]);
});
