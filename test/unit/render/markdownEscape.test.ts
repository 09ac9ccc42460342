import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from '../propertyRuns';
import { escapeMarkdown, escapeMarkdownWithBold, neutraliseThemeIcons, sanitiseLabel } from '../../../src/core/present/markdownEscape';

/** A small CommonMark-ish check: after escaping, no unescaped markdown punctuation is left. */
function hasUnescapedSyntax(rawEscaped: string): boolean {
  const escaped = rawEscaped.replace(/&lt;|&gt;|&#96;/g, 'x');
  for (let i = 0; i < escaped.length; i++) {
    const character = escaped[i];
    if (character === '\\') {
      i++;
      continue;
    }
    if (/[!-/:-@[-`{-~]/.test(character)) return true;
  }
  return false;
}

test('hostile article text is escaped character by character', () => {
  const hostile = '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![p](https://t.example/p.gif) $(zap) **bold** `code` https://evil.example';
  const escaped = escapeMarkdown(hostile);
  assert.equal(hasUnescapedSyntax(escaped), false);
  assert.ok(escaped.includes('\\[x\\]\\(command\\:workbench'));
  assert.ok(escaped.includes('&lt;img'));
  assert.ok(escaped.includes('\\$\\(zap\\)'));
  assert.ok(escaped.includes('https\\:\\/\\/evil\\.example'));
});

test('line breaks cannot open block structure', () => {
  assert.equal(escapeMarkdown('a\n# heading\r\n- item\rb'), 'a \\# heading \\- item b');
});

test('bidi and zero-width characters are removed', () => {
  assert.equal(escapeMarkdown('ab\u202ecd\u200be'), 'abcde');
});

test('bold spans wrap only the given ranges', () => {
  const text = 'the S-400 system';
  assert.equal(escapeMarkdownWithBold(text, [{ start: 4, end: 9 }]), 'the **S\\-400** system');
  assert.equal(escapeMarkdownWithBold(text, [{ start: 6, end: 12 }, { start: 4, end: 9 }]), 'the **S\\-400 sy**stem');
  assert.equal(escapeMarkdownWithBold(text, [{ start: 3, end: 10 }]), 'the **S\\-400** system');
});

test('escaping never leaves syntax open, on any input', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => !hasUnescapedSyntax(escapeMarkdown(text))),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.nat(200), fc.nat(200), (text, a, b) => {
      const escaped = escapeMarkdownWithBold(text, [{ start: Math.min(a, b), end: Math.max(a, b) }]);
      return !hasUnescapedSyntax(escaped.replace(/\*\*/g, ''));
    }),
    { numRuns: 1000 },
  );
});

test('theme icons are neutralised for quick picks', () => {
  assert.equal(neutraliseThemeIcons('a $(zap) b').includes('$(zap)'), false);
  assert.ok(neutraliseThemeIcons('a $(zap) b').includes('zap'));
});

test('labels lose control characters and are capped without splitting a surrogate pair', () => {
  assert.equal(sanitiseLabel('Putin\u202e arrives\u0007\nin Delhi'), 'Putin arrives in Delhi');
  const capped = sanitiseLabel('a'.repeat(8) + '😀'.repeat(10), 10);
  assert.ok(capped.length <= 10);
  assert.ok(!/[\ud800-\udbff]…/.test(capped));
});
