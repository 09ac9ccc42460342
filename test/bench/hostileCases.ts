/**
 * Hostile inputs for every function that reads text: long runs of one character, deep or
 * unclosed nesting, openers without closers, delimiters of falling length, white space inside
 * constructs. Each case builds an input of about `size` characters and runs the code a user's
 * file or draft would reach. runHostileBenchmark.ts times each at several sizes: if doubling
 * the size more than doubles the time, the code is super-linear on that input.
 */
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { extractFigures } from '../../src/core/figures/extractFigures';
import { findQuotations } from '../../src/core/quotes/findQuotations';
import { QuotationIndex } from '../../src/core/quotes/quotationIndex';
import { parseSearchQuery } from '../../src/core/search/searchQuery';
import type { IngestOutcome, Passage } from '../../src/core/model';

/** One hostile input: what it is, how to build it, and the work it is fed to; `run` returns a one-line summary of what came out. */
export interface HostileCase {
  name: string;
  /** The function the input reaches. */
  reaches: string;
  build: (size: number) => string;
  run: (input: string) => string;
}

/** A string of `unit` repeated to about `size` characters, between `before` and `after`. */
function repeatTo(unit: string, size: number, before = '', after = ''): string {
  return before + unit.repeat(Math.max(1, Math.floor((size - before.length - after.length) / unit.length))) + after;
}

function ingest(fileName: string): (input: string) => string {
  return (input) => summariseOutcome(ingestFile({ uri: `file:///bench/${fileName}`, fileName, bytes: new TextEncoder().encode(input) }));
}

function summariseOutcome(outcome: IngestOutcome): string {
  if (outcome.kind === 'skipped') return `skipped: ${outcome.reason}`;
  const passages = outcome.articles.reduce((sum, article) => sum + article.passages.length, 0);
  const last = outcome.articles[outcome.articles.length - 1]?.passages.at(-1)?.text ?? '';
  const dropped = outcome.articles.reduce((sum, article) => sum + article.droppedLines.length, 0);
  return `${passages} passages, ${dropped} dropped lines, ${outcome.warnings.length} warnings, last: ${JSON.stringify(last.slice(-24))}`;
}

/** Runs of a character of falling length (k, k-1, ..., 1), each followed by `gap`, repeated. */
function fallingRuns(char: string, longest: number, gap: string, size: number): string {
  let block = '';
  for (let length = longest; length >= 1; length--) block += char.repeat(length) + gap;
  return repeatTo(block, size, 'Text ');
}

/** One run of each length from about √(2·size) down to 1, then a longer run: every run's closer is sought to the end of the line. */
function fallingOnce(char: string, size: number): string {
  const longest = Math.floor(Math.sqrt(2 * size));
  const runs: string[] = ['Text '];
  for (let length = longest; length >= 1; length--) runs.push(char.repeat(length), 'x');
  runs.push(char.repeat(longest + 1));
  return runs.join('');
}

const draftPassage = (text: string): Passage => ({ id: 'draft', articleId: 'draft', ordinal: 0, text, range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 } });

function draftFigures(input: string): string {
  const figures = extractFigures(draftPassage(input), { maxTextLength: 1_000_000 });
  return `${figures.length} figures`;
}

let quotationIndex: QuotationIndex | undefined;
function checkDraftQuotations(input: string): string {
  quotationIndex ??= new QuotationIndex([
    draftPassage('"We will not accept this deal," the minister said on Monday, adding that talks would go on.'),
    draftPassage('Trade between the two countries grew by 5 percent last year, officials said.'),
  ]);
  const quotations = findQuotations(input);
  const verdicts = new Map<string, number>();
  for (const quotation of quotations) {
    const verdict = quotationIndex.check(quotation.text).verdict;
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
  }
  return `${quotations.length} quotations ${JSON.stringify(Object.fromEntries(verdicts))}`;
}

export const hostileCases: HostileCase[] = [
  // HTML
  { name: 'html: unclosed <div> nesting', reaches: 'ingestFile → readHtml (htmlparser2)', build: (size) => repeatTo('<div>', size, '<body>', 'after the nesting'), run: ingest('deep.html') },
  { name: 'html: <div></span> (end tags that close nothing)', reaches: 'ingestFile → readHtml (htmlparser2)', build: (size) => repeatTo('<div></span>', size, '<body>', 'after the nesting'), run: ingest('deep.html') },
  { name: 'html: <p><div></p> (implied ends)', reaches: 'ingestFile → readHtml (htmlparser2)', build: (size) => repeatTo('<p><div></p>', size, '<body>', 'after the nesting'), run: ingest('deep.html') },
  { name: 'html: stray end tags under 300 open elements', reaches: 'ingestFile → readHtml (htmlparser2)', build: (size) => repeatTo('</x>', size, `<body>${'<div>'.repeat(300)}`, 'after the end tags'), run: ingest('ends.html') },
  { name: 'html: nested <svg><title>', reaches: 'ingestFile → readHtml (htmlparser2)', build: (size) => repeatTo('<svg><title>', size, '<body>', 'after the nesting'), run: ingest('svg.html') },
  { name: 'html: "<" run', reaches: 'ingestFile → readHtml', build: (size) => repeatTo('<', size, '<body><p>', 'x</p>'), run: ingest('lt.html') },
  { name: 'html: entities', reaches: 'ingestFile → readHtml', build: (size) => repeatTo('&amp;', size, '<body><p>', 'x</p>'), run: ingest('amp.html') },
  { name: 'html: "published" then white space over lines', reaches: 'cleanArticle → parseDateStampLine', build: (size) => repeatTo(' \n', size, '<body><p>Published', ' </p><p>A closing paragraph.</p>'), run: ingest('stamp.html') },
  { name: 'html: "Published", spaces, a line break', reaches: 'cleanArticle → parseDateStampLine', build: (size) => repeatTo(' ', size, '<body><p>Published', '\n</p><p>A closing paragraph.</p>'), run: ingest('stamp.html') },
  { name: 'html: blank lines between two words', reaches: 'ingestFile → readHtml', build: (size) => repeatTo('\n', size, '<body><p>alpha', 'omega</p>'), run: ingest('blank.html') },
  // Plain text
  { name: 'txt: blank lines between two words', reaches: 'ingestFile → plainTextLines → cleanArticle', build: (size) => repeatTo('\n', size, 'alpha\n', 'omega'), run: ingest('blank.txt') },
  { name: 'txt: lines of spaces', reaches: 'ingestFile → plainTextLines → cleanArticle', build: (size) => repeatTo('   \r\n', size, 'alpha\n', 'omega'), run: ingest('spaces.txt') },
  { name: 'txt: one line of dots', reaches: 'splitPassages', build: (size) => repeatTo('.', size, 'Title\n\n'), run: ingest('dots.txt') },
  { name: 'txt: "A. " initials', reaches: 'splitPassages', build: (size) => repeatTo('A. ', size, 'Title\n\n'), run: ingest('initials.txt') },
  { name: 'txt: combining marks', reaches: 'splitPassages → safeCharacterCut', build: (size) => repeatTo('\u0301', size, 'Title\n\na'), run: ingest('marks.txt') },
  { name: 'txt: white space runs in a line', reaches: 'splitPassages', build: (size) => repeatTo(`word${' '.repeat(2000)}`, size, 'Title\n\n'), run: ingest('gaps.txt') },
  { name: 'txt: share-button lines with runs of spaces', reaches: 'cleanArticle → boilerplateReason', build: (size) => repeatTo(`${'facebook     '.repeat(18)}!\n`, size, 'Title\n\n'), run: ingest('share.txt') },
  { name: 'txt: "Published" then spaces', reaches: 'cleanArticle → parseDateStampLine', build: (size) => repeatTo(' ', size, 'Title\n\nPublished', 'x'), run: ingest('stamp.txt') },
  // Markdown
  { name: 'md: blank lines between two words', reaches: 'readMarkdown', build: (size) => repeatTo('\n', size, 'alpha\n', 'omega'), run: ingest('blank.md') },
  { name: 'md: "# " then spaces', reaches: 'readMarkdown (ATX heading)', build: (size) => repeatTo(' ', size, 'Intro.\n\n# ', 'x\n\nA closing paragraph.'), run: ingest('heading.md') },
  { name: 'md: "# a", spaces, U+2028', reaches: 'readMarkdown (ATX heading)', build: (size) => repeatTo(' ', size, 'Intro.\n\n# a', 'b\u2028\n\nA closing paragraph.'), run: ingest('heading.md') },
  { name: 'md: "# a" then " #" runs', reaches: 'readMarkdown (ATX heading)', build: (size) => repeatTo(' #', size, 'Intro.\n\n# a', 'x\n\nA closing paragraph.'), run: ingest('heading.md') },
  { name: 'md: backtick runs of falling length', reaches: 'readMarkdown → stripInline (code spans)', build: (size) => fallingRuns('`', 60, 'x'.repeat(40), size), run: ingest('ticks.md') },
  { name: 'md: backtick runs falling over the whole line', reaches: 'readMarkdown → stripInline (code spans)', build: (size) => fallingOnce('`', size), run: ingest('ticks.md') },
  { name: 'md: unclosed "["', reaches: 'readMarkdown → stripInline (links)', build: (size) => repeatTo('[', size, 'a'), run: ingest('brackets.md') },
  { name: 'md: "[a](" without ")"', reaches: 'readMarkdown → stripInline (links)', build: (size) => repeatTo('[a](', size), run: ingest('links.md') },
  { name: 'md: "*" runs of falling length', reaches: 'readMarkdown → stripInline (emphasis)', build: (size) => fallingRuns('*', 60, 'a', size), run: ingest('stars.md') },
  { name: 'md: "<http:" without ">"', reaches: 'readMarkdown → stripInline (autolinks)', build: (size) => repeatTo('<http:x', size), run: ingest('autolinks.md') },
  { name: 'md: "\\" run', reaches: 'readMarkdown → stripInline (escapes)', build: (size) => repeatTo('\\', size, 'a'), run: ingest('backslashes.md') },
  { name: 'md: "> - " markers', reaches: 'readMarkdown (block quotes, lists)', build: (size) => repeatTo('> - ', size, '', 'x'), run: ingest('markers.md') },
  { name: 'md: "- " then spaces then x (thematic break)', reaches: 'readMarkdown (rules)', build: (size) => repeatTo(' ', size, 'Intro.\n\n-', 'x'), run: ingest('rule.md') },
  { name: 'md: "<!--" line', reaches: 'readMarkdown (comments)', build: (size) => repeatTo('-->  x', size, '<!--'), run: ingest('comment.md') },
  { name: 'md: front matter never closed', reaches: 'readFrontMatter', build: (size) => repeatTo('key: value\n', size, '---\n', 'Body text.'), run: ingest('front.md') },
  // JSON lines
  { name: 'jsonl: escaped newlines between two words', reaches: 'readJsonl → proseLinesFromLiteral', build: (size) => repeatTo('\\n', size, '{"text":"alpha', 'omega"}'), run: ingest('newlines.jsonl') },
  { name: 'jsonl: escapes', reaches: 'readJsonl → proseLinesFromLiteral', build: (size) => repeatTo('\\t', size, '{"text":"alpha', 'omega"}'), run: ingest('escapes.jsonl') },
  { name: 'jsonl: deep arrays', reaches: 'readJsonl → nestedDeeperThan, topLevelStrings', build: (size) => `{"text":"alpha omega","x":${'['.repeat(Math.floor(size / 2) - 20)}${']'.repeat(Math.floor(size / 2) - 20)}}`, run: ingest('deep.jsonl') },
  { name: 'jsonl: blank lines', reaches: 'readJsonl', build: (size) => repeatTo('\n', size, '{"text":"alpha omega"}\n'), run: ingest('blank.jsonl') },
  // Draft checks
  { name: 'quotes: « without a closer', reaches: 'findQuotations', build: (size) => repeatTo('«', size), run: (input) => `${findQuotations(input).length} quotations` },
  { name: 'quotes: openers before a long run of spaces', reaches: 'findQuotations (paragraph breaks)', build: (size) => `${'“'.repeat(2000)}\n${' '.repeat(size)}x`, run: (input) => `${findQuotations(input).length} quotations` },
  { name: 'quotes: quotations of commas, checked', reaches: 'findQuotations → QuotationIndex.check', build: (size) => repeatTo(`"a${','.repeat(2900)}a b c d" `, size), run: checkDraftQuotations },
  { name: 'quotes: many short quotations, checked', reaches: 'findQuotations → QuotationIndex.check', build: (size) => repeatTo('"we will not accept" ', size), run: checkDraftQuotations },
  { name: 'figures: one sentence of percentages', reaches: 'extractFigures (draft)', build: (size) => repeatTo('Alice Bob 5 percent, ', size), run: draftFigures },
  { name: 'figures: "millions of" chain', reaches: 'extractFigures → parseNumber', build: (size) => repeatTo('millions of ', size, '', ','), run: draftFigures },
  { name: 'figures: "millions" run', reaches: 'extractFigures → parseQuantity', build: (size) => repeatTo('millions ', size, '', ','), run: draftFigures },
  { name: 'figures: "5 million" chain', reaches: 'extractFigures → parseQuantity', build: (size) => repeatTo(' million', size, '5', ','), run: draftFigures },
  { name: 'figures: digit run', reaches: 'extractFigures → tokenise', build: (size) => repeatTo('1', size), run: draftFigures },
  { name: 'figures: "1," run', reaches: 'extractFigures → tokenise', build: (size) => repeatTo('1,', size), run: draftFigures },
  { name: 'figures: ".)" closers', reaches: 'extractFigures → splitSentences', build: (size) => repeatTo('.)', size), run: draftFigures },
  { name: 'figures: "in 2019" dates in one sentence', reaches: 'extractFigures → attachAnchors', build: (size) => repeatTo('in 2019 ', size), run: draftFigures },
  // Search
  { name: 'search: query of quotes and filters', reaches: 'parseSearchQuery', build: (size) => repeatTo('outlet:"a" ', size), run: (input) => `${parseSearchQuery(input).terms.length} terms` },
];
