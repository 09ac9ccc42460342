/**
 * The figures Sourcebook finds in source passages: what was claimed (a number with a unit and a
 * hedge), where, and what it is about. Plain data, built by `extractFigures`, grouped by
 * `groupFigures`.
 */

/** What sort of figure a number is. */
export type FigureKind = 'percent' | 'money' | 'count' | 'quantity' | 'duration' | 'date' | 'ordinal';

/**
 * The hedge a source put on a number. `none` is a plain number; `since`/`by`/`until` only
 * appear on dates.
 */
export type Comparison =
  | 'none'
  | 'more-than'
  | 'at-least'
  | 'less-than'
  | 'at-most'
  | 'about'
  | 'nearly'
  | 'since'
  | 'by'
  | 'until';

/** A calendar date as precise as the source gave it. */
export interface CalendarDate {
  year?: number;
  /** 1-12 */
  month?: number;
  /** 1-31 */
  day?: number;
}

/** A year that frames a figure: "since 2010", "by 2025", "in 2019". */
export interface TimeAnchor {
  relation: 'since' | 'by' | 'in' | 'until';
  year: number;
  /** The words in the source, e.g. `by the end of 2025`. */
  text: string;
}

/** A span of a passage's text; offsets are UTF-16 offsets into `Passage.text`. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** One figure a source states. */
export interface Figure {
  passageId: string;
  articleId: string;
  kind: FigureKind;
  /** The number as stated, scaled (`$5.4 billion` -> 5_400_000_000; `60%` -> 60), with its sign (`-5%` and `−5%` -> -5). For dates: the year if known, else the day. */
  value: number;
  /** The range the words themselves allow, before any hedge: `hundreds of millions` -> 200e6..999e6; a plain number -> value..value. */
  low: number;
  high: number;
  /** True when the words are vague ("hundreds", "about", "nearly", "some"). */
  approximate: boolean;
  /**
   * A normalised unit: `%`, a currency code (`USD`, `INR`, `EUR`, `GBP`, `CNY`, `RUB`, `JPY`),
   * a unit (`km`, `mile`, `kg`, `tonne`), a time unit (`year`, `month`, `week`, `day`, `hour`,
   * `minute`), `date`, or for counts and ordinals the singular noun counted (`country`, `dose`).
   * A rate carries its period: `USD/year` for "$1,600 a year".
   */
  unit: string;
  comparison: Comparison;
  /** The hedge as written ("fallen below", "more than"), when there is one. */
  comparisonText?: string;
  /** The whole figure as written, hedge and sign included: `more than 60%`, `-5%`. Offsets into the passage text. */
  span: TextSpan;
  /** The sentence the figure sits in. */
  sentence: TextSpan;
  /** For dates. */
  date?: CalendarDate;
  /** A year framing the figure in the same sentence ("since 2010"). */
  anchor?: TimeAnchor;
  /** Short noun phrases of the sentence, nearest first: what the figure is about ("weapons imported", "bilateral trade"). */
  keyNouns: string[];
  /** Normalised content words with weights (1 near the figure, less further away or from the preceding sentence); used to group figures. */
  keywords: Record<string, number>;
  /** Words naming what is measured (`trade`, `investment`, `share`, `import`), used to keep different measures apart. */
  measures: string[];
  /** Proper names in the sentence (not its first word, not titles or countries), as concepts: who and where. Dates about different people are different events. */
  names: string[];
  /** Set for vague magnitudes ("hundreds of millions", "thousands of"): too rhetorical to contradict anything. */
  vague?: boolean;
  /** A duration counted from the moment of writing ("two years ago", "over the next 5 years"): sources written at different times cannot be compared on it. */
  relative?: boolean;
  /** The figure is a change ("down 19 percent", "increased by $2 billion"), not a level; a change is never compared with a level. */
  change?: boolean;
  /** The period the figure's clause speaks of ("next decade", "last 2 year", "this year"): figures over different periods are different things. */
  period?: string;
  /** True for a year that only frames another figure in its sentence ("since 2010" in "since 2010, more than 60%"); such dates are not grouped on their own. */
  isAnchorOnly?: boolean;
}
