import type { Figure } from './figure';

/** A closed-or-open interval of values a figure allows. */
export interface ValueRange {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

/**
 * How far past its number a journalist's hedge usually reaches. "More than 60%" is read as
 * 60-75%, not "anything above 60": nobody writes "more than 60%" for 95%. Likewise "below 50%"
 * is read as 25-50%, "about 30" as 25.5-34.5, and a plain round number as within 5%.
 */
const moreThanReach = 1.25;
const lessThanReach = 0.5;
const aboutReach = 0.15;
const roundingReach = 0.05;

function upperLimit(figure: Figure): number {
  return figure.kind === 'percent' && figure.high <= 100 ? 100 : Number.POSITIVE_INFINITY;
}

/** Time values in days, so that "two years" and "24 months" meet. */
const daysPerUnit: Record<string, number> = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30.44, year: 365.25, decade: 3652.5 };

/** A figure's value in the base unit of its kind (days for durations). */
export function scaleOf(figure: Figure): number {
  return figure.kind === 'duration' ? daysPerUnit[figure.unit] ?? 1 : 1;
}

function closed(low: number, high: number): ValueRange {
  return { low, high, lowOpen: false, highOpen: false };
}

/** `value` moved up by `fraction` of its size: the reaches above work on magnitudes, so they hold for negative figures (`-5%`) too. */
function grown(value: number, fraction: number): number {
  return value >= 0 ? value * (1 + fraction) : value * (1 - fraction);
}

/** `value` moved down by `fraction` of its size. */
function shrunk(value: number, fraction: number): number {
  return value >= 0 ? value * (1 - fraction) : value * (1 + fraction);
}

/** The least value "less than `value`" literally allows: nothing below zero for a figure of zero or more, anything for a negative one. */
function strictFloor(value: number): number {
  return value >= 0 ? 0 : Number.NEGATIVE_INFINITY;
}

/**
 * The values a figure allows. `strict` is what the words literally permit ("more than 60%" is
 * anything above 60); the default is the usual reading (see the reaches above).
 */
export function figureRange(figure: Figure, strict = false): ValueRange {
  const scale = scaleOf(figure);
  const low = figure.low * scale;
  const high = figure.high * scale;
  const cap = upperLimit(figure) * scale;
  const exactCount = (figure.kind === 'count' || figure.kind === 'ordinal') && Number.isInteger(figure.value) && !figure.approximate;
  switch (figure.comparison) {
    case 'more-than':
      return { low: high, high: strict ? cap : Math.min(cap, Math.max(grown(high, moreThanReach - 1), high + scale)), lowOpen: true, highOpen: false };
    case 'at-least':
      return { low, high: strict ? cap : Math.min(cap, Math.max(grown(high, moreThanReach - 1), high + scale)), lowOpen: false, highOpen: false };
    case 'less-than':
      return { low: strict ? strictFloor(low) : shrunk(low, 1 - lessThanReach), high: low, lowOpen: false, highOpen: true };
    case 'at-most':
      return closed(strict ? strictFloor(high) : shrunk(high, 1 - lessThanReach), high);
    case 'about':
      return closed(shrunk(low, aboutReach), grown(high, aboutReach));
    case 'nearly':
      return closed(shrunk(low, aboutReach), high);
    default:
      return exactCount ? closed(low, high) : closed(shrunk(low, roundingReach), grown(high, roundingReach));
  }
}

/** True when no value lies in both ranges. */
export function rangesExclude(a: ValueRange, b: ValueRange): boolean {
  if (a.high < b.low || b.high < a.low) return true;
  if (a.high === b.low && (a.highOpen || b.lowOpen)) return true;
  if (b.high === a.low && (b.highOpen || a.lowOpen)) return true;
  return false;
}

/** How two figures about the same thing relate. */
export type FigurePairVerdict = 'agree' | 'tension' | 'contradiction';

/**
 * `contradiction` when the words themselves exclude each other ("more than 60%" and "below
 * 50%"); `tension` when only the usual reading of the hedges does ("more than 60%" and "more
 * than 80%"); `agree` otherwise. Dates agree when every part both give (year, month, day) is equal.
 */
export function compareFigures(a: Figure, b: Figure): FigurePairVerdict {
  if (a.kind === 'date' || b.kind === 'date') {
    const x = a.date ?? {};
    const y = b.date ?? {};
    const differs = (x.year !== undefined && y.year !== undefined && x.year !== y.year)
      || (x.month !== undefined && y.month !== undefined && x.month !== y.month)
      || (x.day !== undefined && y.day !== undefined && x.day !== y.day);
    return differs ? 'contradiction' : 'agree';
  }
  if (rangesExclude(figureRange(a, true), figureRange(b, true))) return 'contradiction';
  if (rangesExclude(figureRange(a), figureRange(b))) return 'tension';
  return 'agree';
}
