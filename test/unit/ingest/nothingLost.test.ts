import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IngestOptions } from '../../../src/core/ingest/ingestOptions';
import type { IngestOutcome } from '../../../src/core/model';
import { ingestString } from './ingestTestSupport';
import { seededRandom } from '../../bench/benchQueries';

// Issue 19: nothing lost without a reason, nothing invented. Documents are built from random
// words with random structure in every format; after ingesting, every word of the text is in a
// passage, in the metadata, or in `droppedLines` with a reason, or its loss is counted in a
// warning; and every word of every passage is a word of the input.
//
// Runs are seeded: a failure prints its seed, and SOURCEBOOK_SEED=<seed> starts the runs there
// (SOURCEBOOK_RUNS=<n> sets how many documents per format).

const firstSeed = Number(process.env.SOURCEBOOK_SEED ?? 1900);
const runs = Number(process.env.SOURCEBOOK_RUNS ?? 150);

/** What a word of the document is: text that must be kept somewhere, cruft that may only go with a reason, or markup (tags, link targets, code) that is not text. */
type WordKind = 'text' | 'cruft' | 'markup';

const syllables = ['ka', 'ro', 'mi', 'tes', 'lun', 'dor', 'vi', 'pa', 'ne', 'zu', 'gal', 'shi', 'tor', 'bel', 'qua', 'ix', 'om', 'rav', 'sel', 'ut'];
const cruftLines = ['Advertising', 'Read more', 'Share this article', 'Subscribe now', 'Sign up', 'Related stories', '3 min read', 'Leave a comment', 'Follow us on Twitter', 'Facebook Twitter WhatsApp'];

/** A document under construction: its text and what each of its words is. */
class Doc {
  readonly kinds = new Map<string, WordKind>();
  /** Words whose loss is allowed when a warning matching the pattern is given (a bad .jsonl line). */
  readonly counted: Array<{ words: string[]; warning: RegExp }> = [];
  options: Partial<IngestOptions> = {};

  constructor(readonly random: () => number) {}

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  int(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** A fresh word of this kind; text outranks cruft outranks markup when a word is reused. */
  word(kind: WordKind = 'text'): string {
    return this.note(this.fresh(), kind);
  }

  fresh(): string {
    let word = '';
    const count = this.int(2, 3);
    for (let i = 0; i < count; i++) {
      word += this.pick(syllables);
    }
    if (this.chance(0.03)) {
      word += this.pick(['é', 'ñ', 'ü', 'ø']);
    }
    return this.chance(0.25) ? capitalised(word) : word;
  }

  note(word: string, kind: WordKind): string {
    const rank = { text: 2, cruft: 1, markup: 0 };
    const before = this.kinds.get(word);
    if (before === undefined || rank[kind] > rank[before]) {
      this.kinds.set(word, kind);
    }
    return word;
  }

  noteAll(text: string, kind: WordKind): string {
    for (const token of tokens(text)) {
      this.note(token, kind);
    }
    return text;
  }

  words(low: number, high: number, kind: WordKind = 'text'): string {
    return Array.from({ length: this.int(low, high) }, () => this.word(kind)).join(' ');
  }

  sentence(): string {
    const first = this.note(capitalised(this.fresh()), 'text');
    const end = this.pick(['.', '.', '.', '!', '?', '', '…']);
    return `${first} ${this.words(2, 13)}${end}`;
  }

  paragraph(): string {
    const roll = this.random();
    if (roll < 0.03) {
      return this.note(this.longWord(), 'text');
    }
    if (roll < 0.05) {
      return this.noteAll(Array.from({ length: this.int(50, 400) }, () => this.pick(['中文', '新闻', '普京', '印度', '会谈'])).join(''), 'text');
    }
    const count = roll < 0.1 ? this.int(15, 40) : this.int(1, 5);
    return Array.from({ length: count }, () => this.sentence()).join(' ');
  }

  longWord(): string {
    return Array.from({ length: this.int(120, 700) }, () => this.pick(syllables)).join('');
  }

  cruftLine(): string {
    return this.noteAll(this.pick(cruftLines), 'cruft');
  }

  blankRun(newline: string): string {
    return newline.repeat(this.int(2, 5));
  }
}

function capitalised(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

/** Words as the checks see them: runs of letters, digits and marks. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

function txtDocument(doc: Doc): string {
  const newline = doc.pick(['\n', '\r\n', '\r']);
  const lines: string[] = [];
  if (doc.chance(0.2)) {
    lines.push(doc.noteAll(`Home » ${doc.word('cruft')} » ${doc.word('cruft')}`, 'cruft'));
  }
  lines.push(doc.chance(0.8) ? doc.words(2, 9) : doc.sentence());
  if (doc.chance(0.3)) {
    lines.push(doc.noteAll(`By ${doc.pick(['Jane', 'Omar', 'Li'])} ${doc.pick(['Doe', 'Khan', 'Wei'])}`, 'text'));
  }
  if (doc.chance(0.2)) {
    lines.push(doc.noteAll('Last Updated: December 06, 2021, 00:06 IST', 'text'));
  }
  if (doc.chance(0.1)) {
    lines.push(doc.noteAll(`By ${doc.pick(['Jane', 'Omar'])} ${doc.pick(['Doe', 'Khan'])}`, 'text'), doc.noteAll(doc.pick(['MOSCOW', 'New Delhi']), 'text'));
  }
  const paragraphs = doc.int(0, 8);
  const earlier: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const roll = doc.random();
    const paragraph = roll < 0.15
      ? doc.cruftLine()
      : roll < 0.2 && earlier.length > 0
        ? doc.pick(earlier)
        : roll < 0.25
          ? `${doc.sentence()} ${doc.noteAll('(Photo: Reuters)', 'text')}`
          : doc.paragraph();
    earlier.push(paragraph);
    lines.push(doc.blankRun(newline) + doc.pick(['', '', '  ', '\t']) + paragraph);
    if (doc.chance(0.2)) {
      lines.push(doc.sentence());
    }
  }
  if (doc.chance(0.15)) {
    for (let i = doc.int(2, 4); i > 0; i--) {
      lines.push(doc.noteAll(`• ${doc.word('cruft')}`, 'cruft'));
    }
  }
  return lines.join(newline) + (doc.chance(0.5) ? newline : '');
}

function markdownDocument(doc: Doc): string {
  const lines: string[] = [];
  if (doc.chance(0.4)) {
    lines.push('---', `title: ${doc.words(2, 6)}`);
    if (doc.chance(0.5)) {
      lines.push(`author: ${doc.words(2, 2)}`);
    }
    lines.push(`tags: [${doc.word('markup')}, ${doc.word('markup')}]`, `notes: ${doc.words(1, 4, 'markup')}`, '---', '');
  }
  if (doc.chance(0.6)) {
    lines.push(`# ${doc.words(2, 8)}`, '');
  }
  const blocks = doc.int(1, 10);
  for (let i = 0; i < blocks; i++) {
    const roll = doc.random();
    if (roll < 0.1) {
      lines.push(`${doc.pick(['##', '###'])} ${doc.words(1, 6)}`);
    } else if (roll < 0.15) {
      lines.push(doc.words(1, 5), doc.pick(['===', '---']));
    } else if (roll < 0.25) {
      for (let item = doc.int(1, 4); item > 0; item--) {
        lines.push(`${doc.pick(['-', '*', '1.'])} ${doc.sentence()}`);
      }
    } else if (roll < 0.3) {
      lines.push(`> ${doc.sentence()}`, `> ${doc.sentence()}`);
    } else if (roll < 0.35) {
      lines.push(`\`\`\`${doc.word('markup')}`, doc.words(1, 8), '```');
    } else if (roll < 0.4) {
      lines.push(`[${doc.word('markup')}]: https://example.com/${doc.word('markup')}`);
    } else if (roll < 0.45) {
      lines.push(doc.cruftLine());
    } else if (roll < 0.5) {
      lines.push(`<!-- ${doc.words(1, 4, 'markup')} -->`);
    } else if (roll < 0.53) {
      lines.push(doc.pick(['***', '- - -', '___']));
    } else if (roll < 0.57) {
      lines.push(`| ${doc.word()} | ${doc.word()} |`, '|---|:---:|', `| ${doc.words(1, 3)} | ${doc.words(1, 3)} |`);
    } else if (roll < 0.6) {
      lines.push(`## ${doc.words(1, 4)} ##`);
    } else if (roll < 0.63) {
      lines.push(`<div>${doc.words(1, 5)}</div>`);
    } else if (roll < 0.66) {
      lines.push(`- ${doc.sentence()}`, `  - ${doc.sentence()}`, `    ${doc.sentence()}`);
    } else {
      lines.push(inlineMarkdown(doc));
    }
    lines.push(...Array.from({ length: doc.int(0, 3) }, () => ''));
  }
  return lines.join(doc.pick(['\n', '\r\n']));
}

function inlineMarkdown(doc: Doc): string {
  if (doc.chance(0.1)) {
    return doc.paragraph();
  }
  const parts: string[] = [];
  for (let i = doc.int(1, 12); i > 0; i--) {
    const roll = doc.random();
    const word = doc.word();
    if (roll < 0.1) {
      parts.push(`**${word}**`);
    } else if (roll < 0.2) {
      parts.push(`*${word}*`);
    } else if (roll < 0.25) {
      parts.push(`\`${word}\``);
    } else if (roll < 0.3) {
      parts.push(`[${word} ${doc.word()}](https://example.com/${doc.word('markup')})`);
    } else if (roll < 0.33) {
      parts.push(`![${word}](${doc.word('markup')}.png)`);
    } else if (roll < 0.36) {
      parts.push(doc.pick([`_${word}_`, `__${word}__`, `~~${word}~~`, `\\*${word}\\*`, `[${word}][${doc.word('markup')}]`]));
    } else if (roll < 0.38) {
      parts.push(`<https://example.com/${doc.word('markup')}> ${word}`);
    } else {
      parts.push(word);
    }
  }
  return `${parts.join(' ')}${doc.pick(['.', '', '!'])}`;
}

const skippedWrappers: Array<[string, string]> = [
  ['<nav>', '</nav>'], ['<footer>', '</footer>'], ['<aside>', '</aside>'], ['<header>', '</header>'],
  ['<div class="cookie-banner">', '</div>'], ['<div class="newsletter-signup">', '</div>'], ['<form><label>', '</label></form>'],
  ['<figure><figcaption>', '</figcaption></figure>'], ['<div role="navigation">', '</div>'], ['<p hidden>', '</p>'],
  ['<noscript>', '</noscript>'], ['<iframe>', '</iframe>'], ['<button>', '</button>'], ['<div aria-hidden="true">', '</div>'],
];

function htmlBlock(doc: Doc): string {
  const roll = doc.random();
  if (roll < 0.12) {
    const [open, close] = doc.pick(skippedWrappers);
    return `${open}${doc.words(1, 6)}${close}`;
  }
  if (roll < 0.2) {
    const level = doc.int(1, 4);
    return `<h${level}>${doc.words(1, 7)}</h${level}>`;
  }
  if (roll < 0.28) {
    return `<ul>${Array.from({ length: doc.int(1, 4) }, () => `<li>${doc.sentence()}</li>`).join('')}</ul>`;
  }
  if (roll < 0.32) {
    return `<script>var ${doc.word('markup')} = "${doc.word('markup')}";</script><style>.${doc.word('markup')} { color: red }</style>`;
  }
  if (roll < 0.35) {
    return `<!-- ${doc.words(1, 3, 'markup')} -->`;
  }
  if (roll < 0.4) {
    return `<p>${doc.cruftLine()}</p>`;
  }
  if (roll < 0.45) {
    return `<blockquote><p>${doc.sentence()}</p></blockquote>`;
  }
  if (roll < 0.5) {
    return `<p>${doc.paragraph()}</p>`;
  }
  if (roll < 0.53) {
    return `<table><tr><td>${doc.words(1, 4)}</td><td>${doc.words(1, 4)}</td></tr><tr><th>${doc.word()}</th></tr></table>`;
  }
  if (roll < 0.56) {
    return `<pre><code>${doc.words(1, 6)}\n${doc.words(1, 6)}</code></pre>`;
  }
  if (roll < 0.59) {
    return `<p>${doc.sentence()}<p>${doc.sentence()}`;
  }
  if (roll < 0.61) {
    return ` ${doc.sentence()} <!-- ${doc.word('markup')} --> ${doc.sentence()} `;
  }
  const inline = Array.from({ length: doc.int(1, 10) }, () => {
    const part = doc.random();
    const word = doc.word();
    if (part < 0.1) return `<b>${word}</b>`;
    if (part < 0.15) return `<a href="https://example.com/${doc.word('markup')}">${word}</a>`;
    if (part < 0.2) return `${word} ${doc.pick(['&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&#8212;'])}`;
    if (part < 0.23) return `<img src="${doc.word('markup')}.png" alt="${doc.word('markup')}"> ${word}`;
    if (part < 0.26) return `${word}<br>`;
    return word;
  }).join(' ');
  const element = doc.pick(['p', 'div', 'section']);
  return `<${element}>${inline}.</${doc.chance(0.9) ? element : doc.pick(['p', 'div', 'section'])}>`;
}

function htmlDocument(doc: Doc): string {
  const head = doc.chance(0.5) ? `<head><title>${doc.words(1, 5, 'markup')}</title><meta charset="utf-8"></head>` : '';
  const blocks = Array.from({ length: doc.int(1, 10) }, () => htmlBlock(doc));
  let body = blocks.join(doc.pick(['', '\n', '\n\n  ']));
  if (doc.chance(0.3)) {
    body = `<article>${body}</article>`;
    if (doc.chance(0.5)) {
      body += `<article><p>${doc.sentence()}</p></article>`;
    }
  } else if (doc.chance(0.15)) {
    body = `<p>${doc.sentence()}</p><main>${body}</main><p>${doc.sentence()}</p>`;
  }
  if (doc.chance(0.15)) {
    const depth = doc.int(250, 320);
    body = `${'<div>'.repeat(depth)}${body}${'</div>'.repeat(depth)}`;
  }
  return `<!DOCTYPE html><html>${head}<body>${body}</body></html>`;
}

function jsonlDocument(doc: Doc): string {
  const lines: string[] = [];
  for (let record = doc.int(1, 6); record > 0; record--) {
    const roll = doc.random();
    if (roll < 0.1) {
      const words = [doc.word(), doc.word()];
      doc.counted.push({ words, warning: /are not JSON articles with a "text" field and were skipped/ });
      lines.push(doc.pick([`{"title": "${words[0]} ${words[1]}"}`, `not json ${words[0]} ${words[1]}`, `["${words[0]}", "${words[1]}"]`]));
      continue;
    }
    if (roll < 0.15) {
      lines.push('');
      continue;
    }
    const fields: Array<[string, string]> = [];
    const paragraphs = Array.from({ length: doc.int(1, 4) }, () => (doc.chance(0.1) ? doc.cruftLine() : doc.paragraph()));
    fields.push([doc.pick(['text', 'text', 'body', 'content']), paragraphs.join(doc.pick(['\n', '\n\n', '\r\n\r\n']))]);
    if (doc.chance(0.5)) fields.push(['title', doc.words(1, 8)]);
    if (doc.chance(0.3)) fields.push(['author', doc.words(2, 2)]);
    if (doc.chance(0.3)) fields.push(['outlet', doc.words(1, 2)]);
    if (doc.chance(0.2)) fields.push(['id', doc.word('markup')]);
    if (doc.chance(0.1)) fields.push(['lang', 'en']);
    fields.sort(() => doc.random() - 0.5);
    // A record whose text is all cruft is dropped with a warning naming it; its metadata goes with it.
    const title = fields.find(([key]) => key === 'title')?.[1];
    const named = title === undefined ? `generated\\.jsonl:${lines.length + 1}` : title;
    doc.counted.push({ words: fields.filter(([key]) => key !== 'id').flatMap(([, value]) => tokens(value)), warning: new RegExp(`^${named}: no text to index\\.$`) });
    let line = JSON.stringify(Object.fromEntries(fields));
    if (doc.chance(0.1)) {
      line = line.replace(/^\{/, `{"meta": {"tags": ["${doc.word('markup')}"], "n": 3}, "score": 1.5, `);
    }
    if (doc.chance(0.3)) {
      line = line.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
    lines.push(line);
  }
  return lines.join(doc.pick(['\n', '\r\n']));
}

const builders = { txt: txtDocument, md: markdownDocument, html: htmlDocument, jsonl: jsonlDocument };

/** Some runs use small caps, so that cutting at a cap is exercised; a cap's cut is counted in a warning. */
function pickOptions(doc: Doc): Partial<IngestOptions> {
  if (doc.chance(0.85)) {
    return {};
  }
  return { maxPassageChars: doc.pick([80, 120, 300]), maxBlockChars: doc.pick([200, 1000, 100_000]), maxPassagesPerArticle: doc.pick([3, 10, 5000]) };
}

const capWarning = /were shortened|Only the first \d+ (?:passages|blocks|articles)/;

/** Why the outcome fails the issue's promise, or undefined when every word is accounted for and none is invented. */
function problemWith(doc: Doc, source: string, outcome: IngestOutcome, maxPassageChars: number): string | undefined {
  const sourceTokens = new Set(tokens(source));
  for (const word of doc.kinds.keys()) {
    sourceTokens.add(word);
  }
  // A passage may end inside a word only when no white space is near: a word longer than half a passage, or Han text.
  const cuttable = (token: string): boolean => token.length > maxPassageChars / 2 || /^\p{Script=Han}+$/u.test(token);
  const longTokens = [...sourceTokens].filter(cuttable);
  if (outcome.kind === 'skipped') {
    // A skip counts what it skips only when its reason says what was there: bad .jsonl lines, front matter, headings and cruft.
    const counted = /No line of the file holds an article|no passages to index: only (?:front matter|\d+ line\(s\) of headings or cruft)/.test(outcome.detail);
    const skippedWords = new Set(doc.counted.flatMap(({ words }) => words));
    const lost = [...doc.kinds].filter(([word, kind]) => kind === 'text' && !counted && !skippedWords.has(word)).map(([word]) => word);
    return lost.length > 0 ? `skipped (${outcome.reason}: ${outcome.detail}) with text in it: ${lost.slice(0, 5).join(', ')}` : undefined;
  }
  const kept = new Set<string>();
  const passageStreams: string[] = [];
  const capped = outcome.warnings.some((warning) => capWarning.test(warning));
  for (const article of outcome.articles) {
    for (const passage of article.passages) {
      if (passage.text.length > maxPassageChars * 2) {
        return `a passage of ${passage.text.length} characters, over twice the ${maxPassageChars}-character cap`;
      }
      for (const token of tokens(passage.text)) {
        if (!sourceTokens.has(token) && !longTokens.some((long) => long.includes(token))) {
          return `invented word ${JSON.stringify(token)} in passage ${JSON.stringify(passage.text.slice(0, 200))}`;
        }
        kept.add(token);
      }
      passageStreams.push(passage.text.replace(/\s+/g, ''));
    }
    // A line equal to the known title (ignoring case) is taken as the title, not kept twice.
    for (const value of Object.values(article.meta)) {
      tokens(value ?? '').forEach((token) => kept.add(token).add(token.toLowerCase()));
    }
    for (const dropped of article.droppedLines) {
      if (dropped.reason.trim().length === 0) {
        return `a dropped line without a reason: ${JSON.stringify(dropped.text)}`;
      }
      tokens(dropped.text).forEach((token) => kept.add(token));
    }
  }
  const stream = passageStreams.join('');
  const countedWords = new Set(doc.counted.filter(({ warning }) => outcome.warnings.some((text) => warning.test(text))).flatMap(({ words }) => words));
  const droppedArticles = outcome.warnings.filter((warning) => warning.endsWith(': no text to index.'));
  droppedArticles.forEach((warning) => tokens(warning).forEach((token) => kept.add(token)));
  for (const [word, kind] of doc.kinds) {
    if (kind === 'markup' || kept.has(word) || kept.has(word.toLowerCase()) || countedWords.has(word) || capped) {
      continue;
    }
    if (cuttable(word) && stream.includes(word)) {
      continue;
    }
    if (kind === 'cruft' && droppedArticles.length > 0) {
      continue;
    }
    return `${kind} word ${JSON.stringify(word.length > 60 ? `${word.slice(0, 60)}…` : word)} is in no passage, metadata, dropped line or counted skip`;
  }
  return undefined;
}

function shortened(text: string): string {
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

function summary(outcome: IngestOutcome): unknown {
  if (outcome.kind === 'skipped') {
    return outcome;
  }
  return {
    warnings: outcome.warnings,
    articles: outcome.articles.map((article) => ({ meta: article.meta, passages: article.passages.map((passage) => passage.text), dropped: article.droppedLines.map((line) => `${line.reason}: ${line.text}`) })),
  };
}

for (const [format, build] of Object.entries(builders)) {
  test(`.${format}: every word of a generated document is kept, dropped with a reason or counted, and no passage word is invented`, () => {
    for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
      const doc = new Doc(seededRandom(seed * 31 + format.length));
      doc.options = pickOptions(doc);
      const source = build(doc);
      const outcome = ingestString(`generated.${format}`, source, doc.options);
      const maxPassageChars = Math.max(80, doc.options.maxPassageChars ?? 800);
      const problem = problemWith(doc, source, outcome, maxPassageChars);
      if (problem) {
        assert.fail(`seed ${seed} (.${format}, options ${JSON.stringify(doc.options)}): ${problem}\nreproduce with SOURCEBOOK_SEED=${seed} SOURCEBOOK_RUNS=1\nsource: ${shortened(JSON.stringify(source))}\noutcome: ${shortened(JSON.stringify(summary(outcome)))}`);
      }
    }
  });
}
