import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Article } from '../../../src/core/model';
import { ingestFixture, ingestString, onlyArticle } from './ingestTestSupport';

/** Pages made of several <article>s: a live blog or a sectioned document keeps every post; an article with teasers keeps the article. */
const severalArticles = (fileName: string): Article => onlyArticle(ingestFixture(join('several-articles', fileName)));
const passageTexts = (article: Article): string[] => article.passages.map((passage) => passage.text);
const outsideTheArticle = (article: Article): string[] =>
  article.droppedLines.filter((dropped) => dropped.reason === 'outside the main article').map((dropped) => dropped.text);

test('a live blog of ten short posts keeps every post, in the order the page shows them', () => {
  const article = severalArticles('live-blog-posts.html');
  assert.deepEqual(passageTexts(article), [
    '16:40',
    'The opposition finance spokesperson said the plan did nothing for renters and promised amendments when the bill reaches committee.',
    '16:05',
    'Markets barely moved: the ten-year bond yield ended the afternoon two basis points lower, and the currency was flat against the dollar.',
    '15:30',
    'The minister confirmed that fuel duty will stay frozen until next April, at a cost of about 1.2 billion a year according to the fiscal council.',
    'Hauliers welcomed the freeze; environmental groups said it undercut the transport emissions target.',
    '15:10',
    'Childcare support will be extended to two-year-olds from September, with an estimated 90,000 families eligible in the first year.',
    '14:50',
    'Income tax thresholds stay where they are for a third year, which the fiscal council says will bring 400,000 more people into the higher band by 2027.',
    'The minister said the freeze was the fairest way to repair the public finances.',
    'Economists at the Institute for Public Policy called it a stealth tax rise.',
    '14:30',
    'The minister is on her feet. She opened by saying the economy had grown for six quarters in a row.',
    '13:45',
    "Cabinet has signed off the budget, the minister's spokesperson told reporters outside the finance ministry.",
    '12:20',
    'Briefings over the weekend pointed to a freeze on fuel duty, more money for childcare and no change to income tax rates.',
    'The fiscal council will publish its own forecast at the same time as the speech.',
    '11:00',
    "Protesters from the tenants' union gathered outside parliament, calling for a cap on rent rises.",
    '10:00',
    'Welcome to our live coverage of budget day. The finance minister will present her first budget to parliament at 14:30.',
  ]);
  assert.deepEqual(outsideTheArticle(article), []);
});

test('a report whose sections are <article>s keeps every section in order', () => {
  const article = severalArticles('sectioned-report.html');
  assert.deepEqual(passageTexts(article), [
    'Of the 48 sampling sites on the Lower Vale, 31 met the good-status standard for nitrates in 2024, up from 26 in 2023.',
    'Phosphate levels fell at every site downstream of the Millbrook treatment works after its upgrade was finished in May.',
    'The main channel of the Vale was sampled monthly at twelve sites between January and December. Nitrate concentrations peaked in February at Ashford Weir, at 11.4 milligrams per litre, after heavy rain washed fertiliser from the surrounding fields.',
    'Summer flows were the lowest since 2018. Low flows concentrate pollutants, and dissolved oxygen fell below the standard for coarse fish at three sites in August, all of them below the Harlow road bridge.',
    'The Millbrook and the Tess were sampled quarterly. The Tess remains the cleanest water body in the catchment; the Millbrook improved after the treatment works upgrade but still fails the phosphate standard in its lower reach.',
    'Two pollution incidents were reported on the Tess, both from farm slurry stores, and both were cleaned up within a week.',
    "Ninety private wells were tested at their owners' request. Eleven exceeded the drinking water limit for nitrate, all of them shallow wells under arable land.",
    'The authority will add six sampling sites on the Millbrook in 2025 and publish results every quarter instead of once a year.',
    'Owners of private wells over the nitrate limit will be offered a free second test and advice on treatment.',
  ]);
  assert.deepEqual(outsideTheArticle(article), []);
});

test('a live blog with one long analysis among one-line posts keeps the short posts too; the unmarked “more from” cards are listed as outside', () => {
  const article = severalArticles('live-blog-long-post.html');
  assert.deepEqual(passageTexts(article), [
    '18:20',
    'The coastguard says all crew from the grounded trawler at Skerry Point are now ashore and safe.',
    '17:55',
    "When Storm Ailsa hit the same coast four years ago, the river wall at Kirkhaven was overtopped within an hour of high tide, and more than 300 homes were flooded. Tonight the water rose higher, by the harbour master's gauge, and the wall held.",
    'The difference is the 38 million spent since then. The old wall was raised by 80 centimetres along its whole length, and the new tidal gate at the mouth of the Kirk can be closed from the control room in twelve minutes instead of the two hours it took a crew to winch the old one shut.',
    "Engineers also learned from Ailsa that the worst flooding came not over the wall but up through the drains, as the river backed into the town's storm sewers. Non-return valves were fitted on every outfall in 2022, and the council's own report credits them with keeping the lower streets dry.",
    "None of this means the town is safe from the next storm. The agency's own modelling assumes sea levels rise by no more than 30 centimetres this century, a figure its critics say is already out of date, and the barrier's design life ends in 2070.",
    'For tonight, though, the people of Kirkhaven can watch the water from behind the wall rather than from their upstairs windows.',
    '17:30',
    'Rail services between Kirkhaven and the city are suspended until at least 10:00 tomorrow after a tree fell on the line near Dunmore.',
    '16:45',
    'About 14,000 homes are without power, the grid operator says, most of them on the islands. Engineers cannot reach them until the wind drops.',
    '16:10',
    'Gusts of 96 mph were recorded at the Skerry Point weather station, the highest of the storm so far.',
  ]);
  assert.deepEqual(outsideTheArticle(article), [
    'Councillors vote to review fees.',
    'Regulator cites repeated failures.',
  ]);
});

test('an article followed by a “More stories” section of teaser <article>s keeps the article; the teasers are listed as outside', () => {
  const article = severalArticles('article-more-stories.html');
  assert.deepEqual(passageTexts(article), [
    'Dock workers at the port of Eastham returned to work on Tuesday after union members accepted a two-year pay deal worth 9 per cent, ending a strike that had halted container traffic for eleven days.',
    'The deal, agreed late on Monday after talks at the conciliation service, raises basic pay by 5 per cent this year and 4 per cent next, and adds a lump sum of 1,500 for every worker who took part in the dispute.',
    "\"Our members stood together and they have been heard,\" the union's regional organiser said outside the port gates, where pickets had stood since the first week of the month.",
    'More than forty container ships are anchored offshore or diverted to other ports, and the port authority said it would take at least three weeks to clear the backlog.',
    'Retailers had warned of empty shelves before the holidays. The chamber of commerce estimated the cost of the strike to the regional economy at 60 million a day.',
  ]);
  assert.deepEqual(outsideTheArticle(article), [
    'Commuters face the largest increase in a decade.',
    '2 hours ago',
    'The deal values the 120-shop chain at 300 million.',
    '5 hours ago',
    'Yesterday',
    'The price cap drops for a second quarter running.',
    'Yesterday',
  ]);
});

test('teasers beside the article, with a linked headline and a long standfirst, are still teasers', () => {
  const article = severalArticles('article-sibling-teasers.html');
  assert.deepEqual(passageTexts(article), [
    'For thirty-one years Seán Ó Briain climbed the 112 steps of the Inish Beag light every evening at dusk. The light was automated in 1997, and he was the last keeper to leave the island.',
    'He remembers the silence most. "People think of the storms," he says, "but it was the calm nights you noticed, when you could hear the seals on the far rocks."',
    "The keepers' cottages are now a field station for marine biologists, who count the puffins each June. Ó Briain goes back once a year, on the supply boat, to see that the brass is still polished.",
  ]);
  assert.deepEqual(outsideTheArticle(article), [
    'Three generations of one family have run the crossing to Inis Mór. We spent a week on board with them through the worst of the autumn gales.',
    'Continue reading',
    'A boatbuilder in Connemara is keeping an old craft alive, one canvas hull at a time.',
    'Continue reading',
    'The harvest starts before dawn.',
    'Continue reading',
  ]);
});

test('teaser cards wrapped in one link are listed as outside the main article', () => {
  const article = severalArticles('article-card-teasers.html');
  assert.deepEqual(passageTexts(article), [
    'The old map showed every route in the same thin line, so a bus every eight minutes looked no different from one that came twice a day. The new map, published on Monday, draws the frequent routes thick and red.',
    'The designers spent a year riding the network and interviewing drivers. They found that riders planned trips around the routes they already knew, and almost never used the map to find a faster one.',
    'The transit authority says it will print 200,000 copies and post the map at every shelter by the end of the month.',
  ]);
  assert.deepEqual(outsideTheArticle(article), [
    'A 1960s plan for the river corridor, rediscovered in the archive.',
    'Ridership after midnight is up by a third since 2019.',
    'The thinking behind the transfer window.',
  ]);
});

test('sections whose headings link to their own anchors are sections, not teasers', () => {
  const html = '<main><article id="a"><h2><a href="#a">Rivers</a></h2><p>The main channel was sampled monthly at twelve sites, and nitrates peaked in February.</p><p>Summer flows were the lowest since 2018.</p></article>'
    + '<article id="b"><h2><a href="#b">Wells</a></h2><p>Ninety private wells were tested; eleven exceeded the nitrate limit.</p></article></main>';
  const article = onlyArticle(ingestString('report.html', html));
  assert.deepEqual(passageTexts(article), [
    'The main channel was sampled monthly at twelve sites, and nitrates peaked in February.',
    'Summer flows were the lowest since 2018.',
    'Ninety private wells were tested; eleven exceeded the nitrate limit.',
  ]);
  assert.deepEqual(outsideTheArticle(article), []);
});

test('a one-line article far smaller than the main one is still a teaser, even without a link', () => {
  const html = '<article><p>The main story has a much longer first paragraph than any teaser.</p><p>And a second.</p></article><article><h3>Other story</h3><p>A short teaser.</p></article>';
  const article = onlyArticle(ingestString('a.html', html));
  assert.deepEqual(passageTexts(article), ['The main story has a much longer first paragraph than any teaser.', 'And a second.']);
  assert.deepEqual(article.droppedLines.map((dropped) => [dropped.text, dropped.reason]), [
    ['Other story', 'heading'],
    ['A short teaser.', 'outside the main article'],
  ]);
});
