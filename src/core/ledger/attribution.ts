/**
 * Attribution in a sentence: a source passing on someone else's report ("According to the
 * Indian Express", "According to Russian media reports", "it is reported that") is
 * second-hand; a writer's "X said" or "according to Y" makes a draft sentence a claim.
 * Linear regular expressions only (no nested quantifiers), on one sentence at a time.
 */

import * as l10n from '@vscode/l10n';
const maxSentenceChars = 2000;
const accordingTo = /\b[Aa]ccording to (?:the )?((?:[A-Z][\w\u2019'.-]*\s?){1,5}|[a-z]+ (?:media|press) reports?)/;
const mediaReports = /\b((?:[A-Z][\w-]*|state|local|foreign) (?:media|press|news agenc(?:y|ies)|newspapers?)) (?:reports?|reported|said|says)\b/;
const impersonal = /\b(?:it (?:is|was|has been) reported|reportedly|is said to|are said to|it is understood)\b/i;
const speakerVerbs = /\b(?:said|says|told|stated|added|stressed|noted|pointed out|believes|argued|warned|announced)\b|\baccording to\b/i;

/**
 * The one whose report a source sentence passes on, when it is second-hand: "the Indian
 * Express", "Russian media reports", "unnamed reports". Undefined for first-hand reporting
 * (including "government sources said", which is the outlet's own reporting).
 */
export function findCitation(sentence: string): string | undefined {
  const text = sentence.length > maxSentenceChars ? sentence.slice(0, maxSentenceChars) : sentence;
  const according = accordingTo.exec(text);
  if (according) {
    const name = according[1].trim().replace(/[.,]$/, '');
    const demonymOnly = /\b(?:India|Indian|Russian|Chinese|American)$/.test(name) && !/\bIndian Express\b/.test(name);
    if (!demonymOnly) return `${/ccording to the /.test(according[0]) && /^[A-Z]/.test(name) ? 'the ' : ''}${name}`;
  }
  const media = mediaReports.exec(text);
  if (media) return media[1];
  if (impersonal.test(text)) return l10n.t('unnamed reports');
  return undefined;
}

/** True when a sentence attributes what it says to someone ("X said", "according to Y"). */
export function hasAttribution(sentence: string): boolean {
  return speakerVerbs.test(sentence.length > maxSentenceChars ? sentence.slice(0, maxSentenceChars) : sentence);
}
