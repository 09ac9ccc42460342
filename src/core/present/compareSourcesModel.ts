/**
 * What the compare view shows for a topic, as plain data (no `vscode` import): built here,
 * sent to the webview as JSON, and kept by the panel for tests. Every string in it is
 * untrusted source text; the webview only ever sets it as `textContent`.
 */
import * as l10n from '@vscode/l10n';
import type { CorpusIndex } from '../corpus/corpusIndex';
import { describeFigureGroup, groupsTouchingPassages } from '../figures/compareSources';
import type { Figure } from '../figures/figure';
import type { FigureGroup } from '../figures/groupFigures';
import { explainFigureGroup } from '../ledger/explainGroup';
import type { Topic } from '../model';
import { sourceLabel } from './topicCard';
import { pageLabel } from './pageLabel';
import { withoutBidiControls } from './bidiIsolation';

/** One source's statement of a figure, linked to its passage. */
export interface CompareStatement {
  /** The figure as written, hedge included: "more than 60%". */
  text: string;
  /** Short source name: outlet, else the start of the title. */
  source: string;
  /** A year framing the figure that its own words do not show ("since 2010"). */
  frame?: string;
  passageId: string;
  /** The sentence the figure sits in. */
  sentence: string;
}

/** A group of figures about one thing whose sources disagree. */
export interface CompareDisagreement {
  groupId: string;
  label: string;
  /** "Label: more than 60% (A, since 2010); more than 80% (B); fallen below 50% (C)". */
  summary: string;
  severity: 'contradiction' | 'tension';
  /** Why the figures only seem to disagree: "different measures: share of … (A) · current share (RFI)". */
  explanation?: string;
  statements: CompareStatement[];
}

/** A figure a source gives about the topic. */
export interface CompareFigure extends CompareStatement {
  /** What the figure is about ("Russia's share, … (%)"). */
  label: string;
  /** True when another source disagrees on the same thing. */
  disputed: boolean;
}

/** A passage about the topic; `highlights` mark the topic's mentions in `text`. */
export interface ComparePassage {
  passageId: string;
  text: string;
  highlights: Array<{ start: number; end: number }>;
  /** `p. 12` for a PDF passage (see `pageLabel`). */
  page?: string;
}

/** One column of the view: a source and what it says about the topic. */
export interface CompareSource {
  articleId: string;
  label: string;
  title: string;
  date?: string;
  passages: ComparePassage[];
  figures: CompareFigure[];
}

/** The whole view for one topic. */
export interface CompareModel {
  topicId: string;
  topicName: string;
  disagreements: CompareDisagreement[];
  sources: CompareSource[];
}

/** Passages longer than this are cut (with an ellipsis) so one huge paragraph cannot swamp the view. */
const maxPassageChars = 1500;
const maxPassagesPerSource = 30;
const maxFiguresPerSource = 40;

/** Builds the compare view's data for a topic from the index and the corpus's figure groups. */
export function buildCompareModel(topic: Topic, index: CorpusIndex, groups: readonly FigureGroup[]): CompareModel {
  const labelOf = (articleId: string) => {
    const article = index.article(articleId);
    return article ? plain(sourceLabel(article)) : l10n.t('unknown source');
  };
  const topicPassageIds = new Set(topic.mentions.map((mention) => mention.passageId));
  const touching = groupsTouchingPassages(groups, topicPassageIds);
  const statementOf = (figure: Figure): CompareStatement => ({
    text: plain(figure.span.text),
    source: labelOf(figure.articleId),
    frame: figure.anchor && !figure.span.text.includes(figure.anchor.text) ? plain(figure.anchor.text) : undefined,
    passageId: figure.passageId,
    sentence: plain(figure.sentence.text),
  });

  const disagreements = touching
    .filter((group) => group.disagreement)
    .map((group) => {
      const disagreement: CompareDisagreement = {
        groupId: group.id,
        label: plain(group.label),
        summary: plain(describeFigureGroup(group, labelOf)),
        severity: group.severity ?? 'tension',
        statements: group.figures.map(statementOf),
      };
      const explanation = explainFigureGroup(group, labelOf);
      if (explanation) disagreement.explanation = explanation;
      return disagreement;
    });

  const sources: CompareSource[] = [];
  for (const articleId of topic.articleIds) {
    const article = index.article(articleId);
    if (!article) continue;
    const passages: ComparePassage[] = [];
    for (const passage of article.passages) {
      if (!topicPassageIds.has(passage.id) || passages.length >= maxPassagesPerSource) continue;
      const cut = passage.text.length > maxPassageChars ? `${passage.text.slice(0, maxPassageChars - 1)}…` : passage.text;
      const mentions = topic.mentions
        .filter((mention) => mention.passageId === passage.id && mention.end <= cut.length)
        .map((mention) => ({ start: mention.start, end: mention.end }))
        .sort((a, b) => a.start - b.start);
      // The page isolates each passage (`dir="auto"`); the source's own bidi controls must not reorder it inside.
      const { text, spans: highlights } = withoutBidiControls(cut, mentions);
      const page = pageLabel(passage.page);
      passages.push({ passageId: passage.id, text, highlights, ...(page ? { page } : {}) });
    }
    const figures: CompareFigure[] = [];
    for (const group of touching) {
      for (const figure of group.figures) {
        if (figure.articleId !== articleId || figures.length >= maxFiguresPerSource) continue;
        figures.push({ ...statementOf(figure), label: plain(group.label), disputed: group.disagreement });
      }
    }
    sources.push({ articleId, label: labelOf(articleId), title: plain(article.meta.title), date: article.meta.date && plain(article.meta.date), passages, figures });
  }
  return { topicId: topic.id, topicName: plain(topic.name), disagreements, sources };
}

/** Source text for the page without its own bidi controls (the page isolates each piece with `<bdi>` or `dir="auto"`). */
function plain(text: string): string {
  return withoutBidiControls(text).text;
}
