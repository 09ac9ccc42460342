import type { Figure } from './figure';
import { compareFigures, type FigurePairVerdict } from './figureRange';

/** What, besides the figures themselves, decides whether two figures can contradict each other. */
export interface ConflictContext {
  /** The article's date (`YYYY-MM-DD`), when known: figures change over time. */
  articleDate?: (articleId: string) => string | undefined;
  /** Articles dated further apart than this many days never contradict each other (default 180). */
  maxDaysApart?: number;
}

const defaultMaxDaysApart = 180;
/** "Two years ago" in two articles means the same only when they were written within days of each other. */
const relativeMaxDaysApart = 31;
const minSharedWords = 2;
const sharedWordWeight = 0.4;
const dayMilliseconds = 86_400_000;

function daysBetween(a: string, b: string): number | undefined {
  const first = Date.parse(a);
  const second = Date.parse(b);
  if (Number.isNaN(first) || Number.isNaN(second)) return undefined;
  return Math.abs(first - second) / dayMilliseconds;
}

/** Content words both figures have near them (weight at least 0.4 in each). */
function sharedWords(a: Figure, b: Figure): number {
  let shared = 0;
  for (const [word, weight] of Object.entries(a.keywords)) {
    // Every percentage is a share: sharing the word says nothing.
    if (word === 'share' && a.kind === 'percent') continue;
    if (weight >= sharedWordWeight && (b.keywords[word] ?? 0) >= sharedWordWeight) shared++;
  }
  return shared;
}

/**
 * Whether two figures of one group may count as a disagreement at all. Never: within one
 * article (an article giving "24 days from 40 days" reports a change), vague magnitudes
 * ("thousands of jobs" is rhetoric, not a count), ages of people not named in both, durations counted from the moment of
 * writing ("two years ago", "for 7 years") unless both articles are dated within a month, changes without the same framing year on both ("down 19 percent
 * since 2001" vs "declined by 11 percent over the last 2 years"), articles written far apart
 * (figures move), or figures that share fewer than two content words (one shared word such as
 * "taxed" is too little to claim two sources speak of one thing).
 */
export function canConflict(a: Figure, b: Figure, context: ConflictContext = {}): boolean {
  if (a.articleId === b.articleId) return false;
  if (a.vague || b.vague) return false;
  if (a.unit.startsWith('age') && !a.names.some((name) => b.names.includes(name))) return false;
  if ((a.change || b.change) && !(a.anchor && b.anchor)) return false;
  const first = context.articleDate?.(a.articleId);
  const second = context.articleDate?.(b.articleId);
  const apart = first && second ? daysBetween(first, second) : undefined;
  if (apart !== undefined && apart > (context.maxDaysApart ?? defaultMaxDaysApart)) return false;
  if ((a.relative || b.relative) && (apart === undefined || apart > relativeMaxDaysApart)) return false;
  return a.kind === 'date' || sharedWords(a, b) >= minSharedWords;
}

/** How two figures relate once the rules of `canConflict` are applied: `agree` whenever they cannot conflict. */
export function conflictBetween(a: Figure, b: Figure, context: ConflictContext = {}): FigurePairVerdict {
  return canConflict(a, b, context) ? compareFigures(a, b) : 'agree';
}
