import assert from 'node:assert/strict';
import test from 'node:test';
import { extractArticleFigures } from '../../../src/core/figures/extractFigures';
import { groupFigures } from '../../../src/core/figures/groupFigures';
import { loadBundledCorpus } from './bundledCorpus';

function bundledLabels(): Array<{ label: string; texts: string[] }> {
  const figures = [...loadBundledCorpus().values()].flatMap((article) => extractArticleFigures(article));
  return groupFigures(figures).map((group) => ({ label: group.label, texts: group.figures.map((figure) => figure.span.text) }));
}

test('a measure and what it measures read as one phrase: "Russia\'s share of Indian army\'s armaments", "Goal of bilateral trade"', () => {
  const labels = bundledLabels();
  const armsShare = labels.find((group) => group.texts.some((text) => /80/.test(text)) && group.texts.some((text) => /60/.test(text)));
  assert.equal(armsShare?.label, 'Russia\'s share of Indian army’s armaments (%)', JSON.stringify(armsShare));
  assert.ok(labels.some((group) => group.label === 'Goal of bilateral trade (USD)'), labels.map((group) => group.label).join(' | '));
  assert.ok(labels.some((group) => group.label === 'Value of anti-aircraft missile systems (USD)'), labels.map((group) => group.label).join(' | '));
});

test('no label leads with a lone verb ("Hold, …", "Purchased, …") and none pairs a measure with a stray word', () => {
  const labels = bundledLabels().map((group) => group.label);
  const loneVerbFirst = labels.filter((label) => /^(?:Hold|Holds|Purchased|Reported|Revised|Triggered|Shows|Cuts|Stretches)\b/.test(label));
  assert.deepEqual(loneVerbFirst, []);
  assert.deepEqual(labels.filter((label) => /\b(?:target|goal|share|value) of [a-z]+ \(/i.test(label)), [], 'a measure joined to a single common word ("Investment target of advance")');
});
