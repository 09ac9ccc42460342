/**
 * Checks that text a user sees (a hover, a quick-pick item) is really quoted from
 * the sources: used by the integration and the UI tests alike.
 */

/** Folds every run of white space to one space, so line wrapping never matters. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Markdown as a reader sees it: link targets, emphasis, code marks, escapes and entities removed. */
export function markdownToPlainText(markdown: string): string {
  return foldSpace(
    markdown
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|~<>"'])/g, '$1')
      .replace(/(\*\*|__|`)/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/**
 * The longest run of whole words of `shown` that appears verbatim in `corpus`
 * (both already space-folded).
 */
export function longestQuotedRun(shown: string, corpus: string): string {
  const words = shown.split(' ');
  let best = '';
  let bestWords = 0;
  for (let start = 0; start < words.length; start++) {
    for (let end = start + bestWords + 1; end <= words.length; end++) {
      const run = words.slice(start, end).join(' ');
      if (!corpus.includes(run)) break;
      best = run;
      bestWords = end - start;
    }
  }
  return best;
}
