import { inertDraftText, type DraftFlavour } from './draftText';

/** Punctuation and space around the quoted words that the writer's sentence needs ("…India," keeps its comma). */
const leadingEdge = /^[\s"'.,;:!?\-()[\]…]+/;
const trailingEdge = /[\s"'.,;:!?\-()[\]…]+$/;

/**
 * What a misquote quick fix writes over the writer's quoted words: the source's exact words,
 * made inert for the draft, between the writer's own punctuation at the edges.
 * `lineBefore`/`lineAfter` are the draft's text on the same line before and after the quote.
 */
export function misquoteReplacement(quoted: string, sourceText: string, flavour: DraftFlavour, lineBefore = '', lineAfter = ''): string {
  const leading = leadingEdge.exec(quoted)?.[0] ?? '';
  const trailing = trailingEdge.exec(quoted)?.[0] ?? '';
  return `${leading}${inertDraftText(sourceText, flavour, { before: lineBefore + leading, after: trailing + lineAfter })}${trailing}`;
}
