import assert from 'node:assert/strict';
import test from 'node:test';
import { factCheckReport, isFactCheckReportName, lineFragment, openPassageLink, reportFileName } from '../../../src/core/present/factCheckReport';
import { bundledLedger } from './ledgerCorpus';

test('the fact-check report lists each claim by status with its deciding quotes, outlet, date and a link that opens the passage; source text stays inert', () => {
  const { ledger } = bundledLedger();
  const draft = [
    '# Draft',
    '',
    'Russia still supplies more than 60% of India\'s arms imports.',
    '',
    'India and Russia have set a goal of $30 billion in bilateral trade by 2025.',
    '',
    'Lavrov met Jaishankar in Geneva in June.',
  ].join('\n');
  const report = ledger.check(draft);
  const markdown = factCheckReport({
    report,
    draftName: 'draft.md',
    draftText: draft,
    checkedOn: '2026-11-30',
    sourceCount: 5,
    links: (passage) => ({ command: openPassageLink('sourcebook.openPassage', passage.passageId) }),
  });
  assert.match(markdown, /^# Fact-check report: draft\.md\n/);
  assert.match(markdown, /3 claims: Disputed: 0 · Not found: 1 · Second-hand: 0 · Single source: 2 · Supported: 0\./);
  assert.match(markdown, /## Single source \(2\)\n\n### 2\. Russia still supplies more than 60% of India's arms imports\.\n\nLine 3 · \*\*Single source\*\* · 1 source/);
  assert.match(markdown, /- States it \(more than 60%: share of weapons imported since 2010\): \*\*“Russian President Vladimir Putin will…”\*\*: “Especially in the military field, [^”]*” — \[open passage\]\(command:sourcebook\.openPassage\?%5B%22[^)]+%22%5D\)/);
  assert.match(markdown, /- Why the sources seem to disagree: different measures: share of weapons imported since 2010/);
  assert.match(markdown, /not a contradiction: bilateral trade goal by 2025 \(Associated Press: 30 billion U\.S\. dollars\) vs investment target by 2025/);
  assert.match(markdown, /## Not found \(1\)\n\n### 1\. Lavrov met Jaishankar in Geneva in June\./);
  assert.match(markdown, /## Disagreements explained\n/);
  assert.equal(reportFileName('draft.md'), 'draft.fact-check.md');
  assert.equal(reportFileName('notes'), 'notes.fact-check.md');
  assert.equal(isFactCheckReportName('/work/draft.fact-check.md'), true);
  assert.equal(isFactCheckReportName('/work/draft.md'), false);
});

test('a hostile draft or source text cannot make a live link, image or HTML in the report, and a passage id cannot end the link', () => {
  const markdown = factCheckReport({
    report: {
      claims: [{
        start: 0, end: 10, text: 'Evil [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> claim', reasons: ['topic'], status: 'single-source',
        passages: [{ passageId: 'p)1', articleId: 'a', source: '[outlet](javascript:alert(1))', quote: '![pixel](https://tracker.example/p.png) $(zap)', start: 0, end: 5, role: 'supports' }],
        sourceCount: 1, independentCount: 1, summary: '1 source', notes: [],
      }],
      counts: { supported: 0, 'single-source': 1, 'second-hand': 0, disputed: 0, 'not-found': 0 },
    },
    draftName: '<b>draft</b>.md',
    draftText: 'Evil claim',
    checkedOn: '2026-11-30',
    sourceCount: 1,
    links: (passage) => ({ command: openPassageLink('sourcebook.openPassage', passage.passageId) }),
  });
  assert.doesNotMatch(markdown, /(?<!\\)\]\(command:workbench/);
  assert.doesNotMatch(markdown, /(?<!\\)\]\(javascript:/);
  assert.doesNotMatch(markdown, /!(?<!\\)\[pixel(?<!\\)\]/);
  assert.match(markdown, /Evil \\\[x\\\]\(command:workbench/);
  assert.ok(!markdown.includes('<img'), markdown);
  assert.ok(!markdown.includes('<b>'), markdown);
  assert.ok(markdown.includes('command:sourcebook.openPassage?%5B%22p%291%22%5D)'), markdown);
});

test('a passage in a workspace text file opens through a relative link at its line and column (which the Markdown preview follows); a PDF passage names its page beside the editor-only command link', () => {
  const { ledger } = bundledLedger();
  const draft = 'Russia still supplies more than 60% of India\'s arms imports.';
  const report = ledger.check(draft);
  const input = { report, draftName: 'draft.md', draftText: draft, checkedOn: '2026-11-30', sourceCount: 5 };
  const relative = factCheckReport({ ...input, links: (passage) => ({ command: openPassageLink('sourcebook.openPassage', passage.passageId), relative: `sources/arms.txt${lineFragment({ startLine: 6, startCharacter: 0 })}` }) });
  assert.ok(relative.includes('” — [open passage](sources/arms.txt#L7,1)'), relative);
  assert.ok(!relative.includes('command:'), relative);
  const paged = factCheckReport({ ...input, links: (passage) => ({ command: openPassageLink('sourcebook.openPassage', passage.passageId), page: 12 }) });
  assert.match(paged, /” — p\. 12, \[open passage\]\(command:sourcebook\.openPassage\?%5B%22[^)]+%22%5D\) \(from the report's editor: Ctrl\/Cmd\+click; the preview does not run this link\)/);
  assert.equal(lineFragment({ startLine: 0, startCharacter: 0 }), '#L1,1');
  assert.equal(lineFragment({ startLine: 11, startCharacter: 4 }), '#L12,5');
});
