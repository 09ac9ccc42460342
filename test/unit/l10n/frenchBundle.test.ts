import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { checkAddress } from '../../../src/core/capture/fetchPage';
import { formatQuote } from '../../../src/core/present/citation';
import { spellingSourcesText } from '../../../src/core/present/topicCard';
import type { Article } from '../../../src/core/model';

// This file runs in its own process (node --test), so configuring the core's translator here changes no other test.
const root = join(__dirname, '..', '..', '..', '..');
const french = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;

test('before the host configures it, the core speaks English (as every other unit test expects)', () => {
  assert.equal(checkAddress('ftp://example.org/file'), 'Only http:// and https:// pages can be added, not ftp: addresses.');
  assert.equal(spellingSourcesText({ spelling: 'S-400', sources: ['RFI', 'AP'], sourceCount: 1666 }), 'RFI, AP and 1,664 more');
});

test('with the French bundle (as extension.ts hands it over from vscode.l10n.bundle), the core words its messages in French', () => {
  l10n.config({ contents: french });
  assert.equal(checkAddress('ftp://example.org/file'), 'Seules les pages http:// et https:// peuvent être ajoutées, pas les adresses ftp:.');
  assert.equal(checkAddress('example.org/page'), '« example.org/page » n’est pas une adresse web : elle doit commencer par http:// ou https://.');
  assert.equal(spellingSourcesText({ spelling: 'S-400', sources: ['RFI', 'AP'], sourceCount: 1666 }), 'RFI, AP et 1,664 autres');
  const article: Article = { id: 'a1', sourceUri: 'file:///corpus/a.txt', format: 'txt', meta: { title: 'Sans métadonnées' }, passages: [], droppedLines: [] };
  assert.equal(formatQuote('{quote} — {outlet}, {author}, {date}', article, 'Des mots cités').text, 'Des mots cités — média inconnu, auteur inconnu, s.d.');
});

test('the host\'s messages render in French through the same bundle: a hover card\'s header, the Search Sources placeholder', () => {
  l10n.config({ contents: french });
  // The same keys and arguments as src/editor/renderTopicCard.ts and src/commands/searchSources.ts pass to vscode.l10n.t,
  // which formats {0} as @vscode/l10n does.
  const header = l10n.t('{0} in {1}', l10n.t('{0} passages', 12), l10n.t('{0} sources', 5));
  assert.equal(`**S-400** — ${l10n.t('weapon or system')}${l10n.t(' (closest match for “{0}”)', 'S400')}  \n${header}`, '**S-400** — arme ou système (correspondance la plus proche pour « S400 »)  \n12 passages dans 5 sources');
  assert.equal(l10n.t('Search passages — "exact phrase", outlet:name, topic:S-400, lang:ru'), 'Rechercher des passages — "expression exacte", outlet:nom, topic:S-400, lang:ru');
  assert.equal(l10n.t('$(book) Sourcebook: {0} articles', 5), '$(book) Sourcebook : 5 articles');
  assert.equal(l10n.t('$(quote) Insert Quote'), '$(quote) Insérer la citation');
});
