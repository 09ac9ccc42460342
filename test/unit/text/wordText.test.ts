import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldCharacter, foldWord, mayChange, mayChangeTerms, originalEnd, originalStart, withoutInvisibleCharacters, wordText } from '../../../src/core/text/wordText';

describe('wordText', () => {
  it('returns plain text itself, without a copy or a map', () => {
    const text = 'India\u2019s \u201cS-400\u201d deal \u2014 caf\u00e9, 5\u20ac\u2026';
    const words = wordText(text);
    assert.equal(words.text, text);
    assert.equal(words.origin, undefined);
  });

  it('reads hyphens, dashes, invisible characters and look-alikes by the one rule', () => {
    for (const [written, read] of [
      ['S\u2011400 and S\u2010400 and S\ufe63400 and S\uff0d400 and S\u2212400', 'S-400 and S-400 and S-400 and S-400 and S-400'],
      ['S\u2013400, 2019\u20132020, India\u2013Russia, \u20135%', 'S-400, 2019-2020, India-Russia, -5%'],
      ['talks \u2013 again \u2013 and S\u2014400', 'talks \u2013 again \u2013 and S\u2014400'],
      ['negoti\u00adations\u200b, \u200eJaishan\u2060kar\ufeff', 'negotiations, Jaishankar'],
      ['\uff33\uff14\uff10\uff10 \uff16\uff10\uff05 \ufb01le', 'S400 60% file'],
      ['\u0421-400 \u0421\u0443-57 \u041c\u0438\u0413-29 \u0425-101', 'S-400 Su-57 MiG-29 Kh-101'],
      ['\u0421ovid P\u0430ris', 'Covid Paris'],
      ['\u041f\u0443\u0442\u0438\u043d \u0421\u0421\u0421\u0420 \u0418\u0441\u043a\u0430\u043d\u0434\u0435\u0440-\u041c', '\u041f\u0443\u0442\u0438\u043d \u0421\u0421\u0421\u0420 \u0418\u0441\u043a\u0430\u043d\u0434\u0435\u0440-\u041c'],
      ['\u0391\u03b8\u03ae\u03bd\u03b1 Athens', '\u0391\u03b8\u03ae\u03bd\u03b1 Athens'],
      ['\u0421\u2011\u00ad400 and \u0421\u00ad\u2013400', 'S-400 and S-400'],
      ['\ud835\u00ad and \ud835', '\ud835 and \ud835'],
    ]) {
      assert.equal(wordText(written).text, read, written);
    }
  });

  it('maps every character of the word text back to the one it came from', () => {
    const original = 'Jaishan\u00adkar met \u0429-1 and \ufb01rms: \ud835\udc12-400.';
    const words = wordText(original);
    assert.equal(words.text, 'Jaishankar met Shch-1 and firms: S-400.');
    const spanOf = (word: string): string => {
      const start = words.text.indexOf(word);
      return original.slice(originalStart(words, start), originalEnd(words, start + word.length));
    };
    assert.equal(spanOf('Jaishankar'), 'Jaishan\u00adkar');
    assert.equal(spanOf('Shch-1'), '\u0429-1');
    assert.equal(spanOf('firms'), '\ufb01rms');
    assert.equal(spanOf('S-400'), '\ud835\udc12-400');
    assert.equal(spanOf('f'), '\ufb01', 'a span inside an expanded character covers the whole character');
  });

  it('every character outside the fast-path class reads as itself, in any company', () => {
    const changed: string[] = [];
    for (let code = 0x80; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (mayChange.test(char)) continue;
      // A leading full-width letter forces the careful path over the whole string.
      for (const context of [`\uff21a${char}b`, `\uff211${char}2`, `\uff21 ${char}`]) {
        if (wordText(context).text !== `A${context.slice(1)}`) changed.push(`U+${code.toString(16)}`);
      }
    }
    assert.deepEqual(changed, []);
  });

  it('every character the term class adds reads as itself, or one for one as ASCII punctuation no term reads', () => {
    const wrong: string[] = [];
    let added = 0;
    for (let code = 0x80; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (!mayChange.test(char) || mayChangeTerms(char)) continue;
      added++;
      for (const context of [`\uff21a${char}b`, `\uff21人${char}権`, `\uff21S${char}4`, `\uff21 ${char} `]) {
        const read = wordText(context);
        const at = context.indexOf(char, 1);
        const readAs = read.text[at];
        const asWritten = read.text === `A${context.slice(1)}`;
        const asPunctuation = !read.origin && read.text.length === context.length && /^[!-,./:-@[-`{-~]$/.test(readAs) && read.text.slice(at + 1) === context.slice(at + 1);
        if (!asWritten && !asPunctuation) wrong.push(`U+${code.toString(16)} in ${JSON.stringify(context)}: ${JSON.stringify(read.text)}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(added > 20_000, `${added} characters added (Han, kana, CJK and full-width punctuation)`);
    assert.equal(mayChangeTerms('，'), false, 'the full-width comma');
    assert.equal(mayChangeTerms('\uff07'), true, 'the full-width apostrophe joins words');
    assert.equal(mayChangeTerms('\uff0d'), true, 'the full-width hyphen-minus joins codes');
    assert.equal(mayChangeTerms('Ｓ'), true, 'a full-width letter is a letter');
  });

  it('drops invisible characters for spellings shown to the writer', () => {
    assert.equal(withoutInvisibleCharacters('Jaishan\u00adkar\u200b'), 'Jaishankar');
    assert.equal(withoutInvisibleCharacters('S\u2011400'), 'S\u2011400');
  });
});

describe('foldWord and foldCharacter', () => {
  it('fold case, accents, compatibility forms and apostrophes the same way for every reader', () => {
    assert.equal(foldWord('Z\u00fcrich'), 'zurich');
    assert.equal(foldWord('Zu\u0308rich'), 'zurich', 'a decomposed accent folds like a composed one');
    assert.equal(foldWord('Putin\u2019s'), 'putin');
    assert.equal(foldWord("O'Brien"), 'obrien');
    assert.equal(foldWord('\u0130stanbul'), 'istanbul');
    assert.equal(foldWord('\u039f\u0394\u039f\u03a3'), '\u03bf\u03b4\u03bf\u03c3', 'the final sigma folds as a sigma, wherever it stands');
    assert.equal(foldCharacter('\u00c9'), 'e');
    assert.equal(foldCharacter('\ufb01'), 'fi');
  });
});
