import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { extractArticleFigures } from '../../../src/core/figures/extractFigures';
import type { Figure } from '../../../src/core/figures/figure';
import { groupFigures, type FigureGroup } from '../../../src/core/figures/groupFigures';
import { loadBundledCorpus } from './bundledCorpus';

interface ExpectedMember {
  file: string;
  figure: string;
  passageContains?: string;
}

interface ExpectedGroup {
  label: string;
  disagreement: boolean;
  members: ExpectedMember[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'figures', 'expectedGroups.json'), 'utf8')) as { groups: ExpectedGroup[] };

/** What the measurement found, in numbers a person can read. */
export interface GroupMeasurement {
  expected: number;
  found: string[];
  missed: string[];
  unresolvedMembers: string[];
  flaggedDisagreements: number;
  falseDisagreements: string[];
}

function measure(): { measurement: GroupMeasurement; groups: FigureGroup[] } {
  const articles = loadBundledCorpus();
  const figures: Figure[] = [];
  for (const article of articles.values()) figures.push(...extractArticleFigures(article));
  const groups = groupFigures(figures);
  const groupOf = new Map<Figure, FigureGroup>();
  for (const group of groups) for (const figure of group.figures) groupOf.set(figure, group);

  const unresolvedMembers: string[] = [];
  const resolved = fixture.groups.map((expected) => expected.members.flatMap((member) => {
    const article = articles.get(member.file);
    const passageText = (figure: Figure): string => article?.passages.find((passage) => passage.id === figure.passageId)?.text ?? '';
    const matches = figures.filter((figure) => figure.articleId === article?.id && figure.span.text === member.figure
      && (member.passageContains === undefined || passageText(figure).includes(member.passageContains)));
    if (matches.length === 0) unresolvedMembers.push(`${member.file}: "${member.figure}"`);
    return matches;
  }));

  const found: string[] = [];
  const missed: string[] = [];
  const matchedGroups = new Set<FigureGroup>();
  fixture.groups.forEach((expected, index) => {
    const members = resolved[index];
    const others = new Set(resolved.flatMap((list, other) => (other === index ? [] : list)));
    const candidate = members.length > 0 ? groupOf.get(members[0]) : undefined;
    const ok = candidate !== undefined
      && members.every((figure) => groupOf.get(figure) === candidate)
      && !candidate.figures.some((figure) => others.has(figure))
      && candidate.disagreement === expected.disagreement;
    if (ok && candidate) {
      found.push(expected.label);
      matchedGroups.add(candidate);
    } else {
      missed.push(expected.label);
    }
  });
  const flagged = groups.filter((group) => group.disagreement);
  const falseDisagreements = flagged
    .filter((group) => !(matchedGroups.has(group) && fixture.groups.some((expected, index) => expected.disagreement && resolved[index].some((figure) => group.figures.includes(figure)))))
    .map((group) => `${group.label}: ${group.figures.map((figure) => figure.span.text).join(' / ')}`);
  return {
    measurement: { expected: fixture.groups.length, found, missed, unresolvedMembers, flaggedDisagreements: flagged.length, falseDisagreements },
    groups,
  };
}

test('the figure groups a careful reader finds in the bundled corpus are found, with at most 2 false disagreements', (t) => {
  const { measurement, groups } = measure();
  t.diagnostic(`expected groups: ${measurement.expected}; found: ${measurement.found.length}; missed: ${measurement.missed.join(' | ') || 'none'}`);
  t.diagnostic(`disagreements flagged: ${measurement.flaggedDisagreements}; false: ${measurement.falseDisagreements.length} ${measurement.falseDisagreements.join(' | ')}`);
  t.diagnostic(`unresolved fixture members: ${measurement.unresolvedMembers.join(' | ') || 'none'}`);
  t.diagnostic(`groups with more than one figure: ${groups.filter((group) => group.figures.length > 1).map((group) => group.label).join(' | ')}`);
  assert.ok(fixture.groups.length >= 8);
  assert.deepEqual(measurement.unresolvedMembers, []);
  assert.deepEqual(measurement.missed, []);
  assert.ok(measurement.falseDisagreements.length <= 2, measurement.falseDisagreements.join('\n'));
});

test('the arms-imports disagreement reads as the issue describes it', () => {
  const { groups } = measure();
  const arms = groups.find((group) => group.figures.some((figure) => figure.span.text === 'more than 60%'));
  assert.ok(arms);
  assert.equal(arms.disagreement, true);
  assert.equal(arms.severity, 'contradiction');
  assert.deepEqual(arms.figures.map((figure) => figure.span.text).sort(), ['fallen below 50%', 'more than 60%', 'more than 80%']);
  assert.equal(arms.figures.find((figure) => figure.span.text === 'more than 60%')?.anchor?.text, 'since 2010');
});

test('the $30 billion investment target and the $30 billion trade goal are kept apart', () => {
  const { groups } = measure();
  const investment = groups.find((group) => group.figures.some((figure) => figure.span.text === '$30 billion'));
  const trade = groups.find((group) => group.figures.some((figure) => figure.span.text === '30 billion U.S. dollars'));
  assert.ok(investment && trade);
  assert.notEqual(investment, trade);
  assert.equal(investment.disagreement, false);
  assert.deepEqual(investment.figures.map((figure) => figure.span.text), ['$30 billion', '$50 billion']);
});
