import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import { escapeMarkdown, escapeMarkdownWithBold } from '../core/present/markdownEscape';
import { pageLabel, sourceLine } from '../core/present/pageLabel';
import { spellingSourcesText, type TopicCard } from '../core/present/topicCard';

const kindNames: Record<TopicCard['kind'], string> = {
  person: 'person',
  place: 'place',
  organisation: 'organisation',
  system: 'weapon or system',
  agreement: 'agreement or framework',
  event: 'event',
  other: 'topic',
};

/** The only commands a hover's action links may run. */
const hoverCommands = [CommandIds.openPassage, CommandIds.insertQuote, CommandIds.showTopic, CommandIds.search, CommandIds.compareSources];

/**
 * Renders a card as hover contents. Article text goes only into untrusted strings, through our
 * escape; our action links go into separate strings trusted for our own commands only.
 */
export function renderTopicCard(card: TopicCard): vscode.MarkdownString[] {
  const contents: vscode.MarkdownString[] = [];
  const header = untrusted();
  header.appendMarkdown(`**${escapeMarkdown(card.name)}** — ${kindNames[card.kind]}${matchLabel(card)}  \n`);
  header.appendMarkdown(`${card.passageCount} passage${card.passageCount === 1 ? '' : 's'} in ${card.sourceCount} source${card.sourceCount === 1 ? '' : 's'}`);
  if (card.spellings.length > 0) {
    const spellings = card.spellings.map((entry) => `“${escapeMarkdown(entry.spelling)}” (${escapeMarkdown(spellingSourcesText(entry))})`);
    header.appendMarkdown(`  \nSpelled ${spellings.join(' · ')}`);
  }
  contents.push(header);

  for (const passage of card.passages) {
    const body = untrusted();
    body.appendMarkdown(`${escapeMarkdownWithBold(passage.snippet.text, passage.snippet.highlights)}\n\n`);
    const source = sourceLine([passage.outlet ?? 'Unknown outlet', passage.date]);
    const page = pageLabel(passage.page);
    body.appendMarkdown(`— *${escapeMarkdown(source)}* · ${escapeMarkdown(passage.articleTitle)}${page ? ` · ${page}` : ''}${passage.transliterated ? ' · transliterated' : ''}`);
    contents.push(body);
    const actions = trustedForOurCommands();
    actions.appendMarkdown(
      `${commandLink('$(go-to-file) Open', CommandIds.openPassage, [passage.passageId], 'Open the source at this passage')} · ` +
        `${commandLink('$(quote) Insert Quote', CommandIds.insertQuote, [passage.passageId], 'Insert this passage with a citation at the cursor')}`,
    );
    contents.push(actions);
  }
  const footer = trustedForOurCommands();
  footer.appendMarkdown(
    `${commandLink(`$(list-flat) Show all ${card.passageCount}`, CommandIds.showTopic, [card.topicId], 'Show every passage about this topic')} · ` +
      `${commandLink('$(diff-multiple) Compare sources', CommandIds.compareSources, [card.topicId], 'What each source says about this topic, and where they disagree')}`,
  );
  contents.push(footer);
  return contents;
}

/** What the header says of a match that is a guess or in another alphabet: "(closest match for “Byden”)", "(transliterated from “Lavrov”)". */
function matchLabel(card: TopicCard): string {
  if (card.matchQuality === 'fuzzy') return card.closestMatchFor ? ` (closest match for “${escapeMarkdown(card.closestMatchFor)}”)` : ' (closest match)';
  if (card.matchQuality === 'transliterated') return card.transliteratedFrom ? ` (transliterated from “${escapeMarkdown(card.transliteratedFrom)}”)` : ' (transliterated)';
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
