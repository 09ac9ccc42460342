import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { isolatedMarkdown, isolatedMarkdownWithBold } from '../core/present/bidiIsolation';
import { escapeMarkdown } from '../core/present/markdownEscape';
import { pageLabel, sourceLine } from '../core/present/pageLabel';
import type { ArchiveTopicCard } from '../core/archive/archiveProtocol';
import { spellingSourcesText, type TopicCard } from '../core/present/topicCard';

const kindNames: Record<TopicCard['kind'], string> = {
  person: vscode.l10n.t('person'),
  place: vscode.l10n.t('place'),
  organisation: vscode.l10n.t('organisation'),
  system: vscode.l10n.t('weapon or system'),
  agreement: vscode.l10n.t('agreement or framework'),
  event: vscode.l10n.t('event'),
  other: vscode.l10n.t('topic'),
};

/** A topic's kind as the interface names it ("weapon or system"), in the display language. */
export function topicKindName(kind: TopicCard['kind']): string {
  return kindNames[kind];
}

/** The only commands a hover's action links may run. */
const hoverCommands = [CommandIds.openPassage, CommandIds.insertQuote, CommandIds.showTopic, CommandIds.search, CommandIds.compareSources, CommandIds.openArchivePassage, CommandIds.insertArchiveQuote];

/** Where a card's passages are: the writer's own sources, or Sourcebook Archive (labelled so, opened and quoted from the archive). */
export type CardOrigin = 'local' | 'archive';

/**
 * Renders a card as hover contents. Article text goes only into untrusted strings, through our
 * escape; our action links go into separate strings trusted for our own commands only. An
 * archive card is rendered the same way, every passage labelled "Archive", its links running the
 * archive's open and quote commands (given the passage's article when the archive named it), and
 * without the local-only "show all" and "compare" links.
 */
export function renderTopicCard(card: TopicCard | ArchiveTopicCard, origin: CardOrigin = 'local'): vscode.MarkdownString[] {
  const contents: vscode.MarkdownString[] = [];
  const archive = origin === 'archive';
  const header = untrusted();
  header.appendMarkdown(`${archive ? `${vscode.l10n.t('Archive')} · ` : ''}**${isolatedMarkdown(card.name)}** — ${kindNames[card.kind]}${matchLabel(card)}  \n`);
  header.appendMarkdown(vscode.l10n.t('{0} in {1}', card.passageCount === 1 ? vscode.l10n.t('1 passage') : vscode.l10n.t('{0} passages', card.passageCount), card.sourceCount === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', card.sourceCount)));
  if (card.spellings.length > 0) {
    const spellings = card.spellings.map((entry) => `“${isolatedMarkdown(entry.spelling)}” (${isolatedMarkdown(spellingSourcesText(entry))})`);
    header.appendMarkdown(`  \n${vscode.l10n.t('Spelled {0}', spellings.join(' · '))}`);
  }
  contents.push(header);

  for (const passage of card.passages) {
    const body = untrusted();
    // Each piece of source text is isolated on its own: an Arabic passage keeps its full stop at its end, and "— outlet, date" stays after it.
    body.appendMarkdown(`${isolatedMarkdownWithBold(passage.snippet.text, passage.snippet.highlights)}\n\n`);
    const source = sourceLine([isolatedMarkdown(passage.outlet ?? vscode.l10n.t('Unknown outlet')), passage.date ? escapeMarkdown(passage.date) : undefined]);
    const page = pageLabel(passage.page);
    body.appendMarkdown(`— *${source}* · ${isolatedMarkdown(passage.articleTitle)}${page ? ` · ${page}` : ''}${passage.transliterated ? ` · ${vscode.l10n.t('transliterated')}` : ''}${archive ? ` · ${vscode.l10n.t('Archive')}` : ''}`);
    contents.push(body);
    const actions = trustedForOurCommands();
    const articleId = archive && 'articleId' in passage ? passage.articleId : undefined;
    const passageArguments = articleId ? [passage.passageId, articleId] : [passage.passageId];
    actions.appendMarkdown(
      `${commandLink(vscode.l10n.t('$(go-to-file) Open'), archive ? CommandIds.openArchivePassage : CommandIds.openPassage, passageArguments, archive ? vscode.l10n.t('Open the archive article at this passage') : vscode.l10n.t('Open the source at this passage'))} · ` +
        `${commandLink(vscode.l10n.t('$(quote) Insert Quote'), archive ? CommandIds.insertArchiveQuote : CommandIds.insertQuote, passageArguments, vscode.l10n.t('Insert this passage with a citation at the cursor'))}`,
    );
    contents.push(actions);
  }
  if (archive) return contents;
  const footer = trustedForOurCommands();
  footer.appendMarkdown(
    `${commandLink(vscode.l10n.t('$(list-flat) Show all {0}', card.passageCount), CommandIds.showTopic, [card.topicId], vscode.l10n.t('Show every passage about this topic'))} · ` +
      `${commandLink(vscode.l10n.t('$(diff-multiple) Compare sources'), CommandIds.compareSources, [card.topicId], vscode.l10n.t('What each source says about this topic, and where they disagree'))}`,
  );
  contents.push(footer);
  return contents;
}

/** What the header says of a match that is a guess or in another alphabet: "(closest match for “Byden”)", "(transliterated from “Lavrov”)". */
function matchLabel(card: TopicCard): string {
  if (card.matchQuality === 'fuzzy') return card.closestMatchFor ? vscode.l10n.t(' (closest match for “{0}”)', isolatedMarkdown(card.closestMatchFor)) : vscode.l10n.t(' (closest match)');
  if (card.matchQuality === 'transliterated') return card.transliteratedFrom ? vscode.l10n.t(' (transliterated from “{0}”)', isolatedMarkdown(card.transliteratedFrom)) : vscode.l10n.t(' (transliterated)');
  return '';
}

function untrusted(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}

function trustedForOurCommands(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.isTrusted = { enabledCommands: hoverCommands };
  markdown.supportHtml = false;
  markdown.supportThemeIcons = true;
  return markdown;
}

/** Arguments are ids we generated; every command re-validates them against the index. */
function commandLink(label: string, command: string, args: unknown[], title: string): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;
}
