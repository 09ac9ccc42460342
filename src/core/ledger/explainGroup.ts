import * as l10n from '@vscode/l10n';
import type { FigureGroup } from '../figures/groupFigures';
import { measureOf, measureRelation } from './figureMeasure';

/**
 * Why the figures of a group that seem to disagree do not: "different measures: share of
 * weapons imported since 2010 (A) · share of Indian army’s armaments, citing the Indian
 * Express (YCPress) · current share (RFI)". Undefined when two of its conflicting figures are
 * on the same measure (a real disagreement) or when their measures read the same in words.
 * Plain text: escape it before putting it into markdown or HTML.
 */
export function explainFigureGroup(group: FigureGroup, sourceName: (articleId: string) => string): string | undefined {
  if (group.conflicts.length === 0) return undefined;
  const measures = group.figures.map((figure) => measureOf(figure));
  let anyDifferent = false;
  for (const conflict of group.conflicts) {
    const a = group.figures[conflict.first];
    const b = group.figures[conflict.second];
    const relation = measureRelation(a, b, measures[conflict.first], measures[conflict.second]);
    if (relation === 'same' || measures[conflict.first].description === measures[conflict.second].description) return undefined;
    if (relation === 'different') anyDifferent = true;
  }
  if (!anyDifferent) return undefined;
  const statements: string[] = [];
  group.figures.forEach((figure, index) => {
    const statement = `${measures[index].description} (${sourceName(figure.articleId)}: ${figure.span.text})`;
    if (!statements.includes(statement)) statements.push(statement);
  });
  return l10n.t('different measures: {0}', statements.join(' · '));
}
