/**
 * A draft figure against one source figure, read with what each measures: two figures on
 * different measures neither agree nor contradict, whatever their numbers ("more than 60% of
 * arms imports since 2010" and "more than 80% of the army's armaments"; a "$30 billion trade
 * goal" and a "$30 billion investment target"). Hedges are ranges ("more than 60%" allows
 * 60-75%, "below 50%" 25-50%), so only ranges that exclude each other contradict.
 */
import type { DraftFigureMatch } from '../figures/draftFigures';
import type { Figure } from '../figures/figure';
import { measureOf, measureRelation, valuesAgree, type FigureMeasure } from './figureMeasure';

/**
 * `agree`, `tension` (only the usual reading of the hedges excludes) and `contradiction` are on
 * the same measure, or on one the draft's figure leaves open; `different-measure` when the
 * numbers differ on different measures; `same-number-other-measure` when they match on
 * different measures. Neither of the last two is a contradiction.
 */
export type MeasuredVerdict = 'agree' | 'tension' | 'contradiction' | 'different-measure' | 'same-number-other-measure';

/** A source figure's verdict and the measure it is on. */
export interface MeasuredSourceVerdict {
  figure: Figure;
  verdict: MeasuredVerdict;
  measure: FigureMeasure;
}

function onDifferentMeasures(values: ReturnType<typeof valuesAgree>): MeasuredVerdict {
  return values === 'agree' ? 'same-number-other-measure' : 'different-measure';
}

/** How `source` meets the draft's `draft` figure, measures considered (the two alone: a match's other figures may say more, see `measuredVerdicts`). */
export function measuredVerdict(draft: Figure, source: Figure, draftMeasure: FigureMeasure = measureOf(draft), sourceMeasure: FigureMeasure = measureOf(source)): MeasuredVerdict {
  const values = valuesAgree(draft, source);
  return measureRelation(draft, source, draftMeasure, sourceMeasure) === 'different' ? onDifferentMeasures(values) : values;
}

/**
 * Every source figure of a match, with its verdict on measures, in the group's order. When the
 * draft leaves its measure open ("more than 60% of India's arms"), the source figures that
 * agree with it on a stated measure say what it measures: a figure on another measure than all
 * of them ("current share", against "share of weapons imported since 2010") is a different
 * measure, not a contradiction.
 */
export function measuredVerdicts(match: DraftFigureMatch): MeasuredSourceVerdict[] {
  const draftMeasure = measureOf(match.figure);
  const read = match.verdicts.map(({ figure }) => {
    const measure = measureOf(figure);
    const relation = measureRelation(match.figure, figure, draftMeasure, measure);
    const values = valuesAgree(match.figure, figure);
    return { figure, measure, relation, values };
  });
  const anchors = read.filter((entry) => entry.relation === 'same' && entry.values === 'agree');
  return read.map(({ figure, measure, relation, values }) => {
    let verdict: MeasuredVerdict = relation === 'different' ? onDifferentMeasures(values) : values;
    if (relation === 'unknown' && anchors.length > 0 && anchors.every((anchor) => measureRelation(anchor.figure, figure, anchor.measure, measure) === 'different')) verdict = onDifferentMeasures(values);
    return { figure, verdict, measure };
  });
}

/**
 * True when the draft's figure contradicts the sources on its own measure: some source on the
 * same measure contradicts it and none on a same or unstated measure agrees. A figure that
 * only differs from figures on other measures contradicts nothing.
 */
export function contradictsOnItsMeasure(match: DraftFigureMatch): boolean {
  const verdicts = measuredVerdicts(match);
  return verdicts.some((entry) => entry.verdict === 'contradiction') && !verdicts.some((entry) => entry.verdict === 'agree');
}
