/**
 * Lines of web cruft that pasted articles carry, each recognised on its own. Every rule
 * matches the whole line (anchored at both ends) so that a sentence of the article that
 * merely mentions "newsletter" or "advertising" is never taken for cruft.
 */
const lineRules: Array<{ reason: string; pattern: RegExp; only?: RegExp }> = [
  { reason: 'advertising', pattern: /^(?:advertising|advertisement|advertisements|sponsored(?: content)?|paid (?:content|partner)|ad|ads|story continues below(?: this)? ad(?:vertisement)?)$/i },
  { reason: 'read-more link', pattern: /^(?:read more|read also|see also|also read|more on this|related(?: articles?| stories| news| content| coverage)?|recommended(?: for you)?|most read|most popular|trending(?: now)?|don'?t miss|you may also like|more stories|top stories|latest news|continue reading|click here to read more)\s*[:.»>…]*$/i },
  { reason: 'read-more link', pattern: /^read all the latest news\b.{0,120}\bhere\.?$/i },
  { reason: 'read-more link', pattern: /^(?:also read|read also|see also|read more|related|more on this|must read)\s*[:|»>–—-]\s*\S.{0,200}$/i },
  { reason: 'newsletter prompt', pattern: /^(?:newsletters?|i subscribe|subscribe|subscribe now|subscribe here|sign up|sign up now|sign in|log in|register|already a subscriber\??)\s*[.!:]?$/i },
  { reason: 'newsletter prompt', pattern: /^(?:receive|get|sign up (?:for|to)|subscribe to)\b.{0,80}\b(?:mailbox|inbox|newsletter|email updates|alerts)\s*[.!]?$/i },
  { reason: 'app-store badge', pattern: /^[\w-]*(?:google-play|app-store|play-store|appstore)[\w-]*(?:badge)?[\w-]*$/i },
  { reason: 'app-store badge', pattern: /^(?:get it on google play|download on the app store|available on the app store)$/i },
  { reason: 'app-store badge', pattern: /^(?:follow|get|read)\b.{0,80}\bby downloading the\b.{0,40}\b(?:app|application)\s*[.!]?$/i },
  { reason: 'app-store badge', pattern: /^download (?:the|our)\b.{0,40}\b(?:app|application)\b.{0,40}$/i },
  { reason: 'share/follow line', pattern: /^(?:share|share this(?: article| story| post)?|share on \w+|share via \w+|follow(?: us)?(?: on \w+(?: and \w+)?)?|tweet|email|e-mail|print|copy link|link copied|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest)\s*:?$/i },
  // One way to read the white space between two names (`\s*[|•·,]?\s*` had a way per split of it: exponential, 130 characters took seconds).
  { reason: 'share/follow line', pattern: /^(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|print|share)(?:\s*[|•·,]\s*|\s+)?){2,}$/i },
  { reason: 'comment form', pattern: /^(?:leave a (?:reply|comment)|post a comment|add a comment|join the conversation|cancel reply|post comment|submit comment|(?:\d+\s+)?comments?|no comments yet\.?|be the first to comment\.?)$/i },
  { reason: 'comment form', pattern: /^your email address will not be published\.?(?:\s*required fields are marked\s*\*?)?$/i },
  { reason: 'comment form', pattern: /^required fields are marked\s*\*?\.?$/i },
  { reason: 'source link', pattern: /^source link$/i },
  { reason: 'reading time', pattern: /^(?:\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min|mins|minutes?)(?:\s+read)?|reading time:?\s*\d{1,3}\s*(?:min|mins|minutes?))$/i },
  { reason: 'breadcrumb', pattern: /^(?:home|accueil|start)\s*[»›>|/]\s*.+/i },
  { reason: 'breadcrumb', pattern: /^(?:[^»›]{1,60}[»›]){2,}[^»›]*$/, only: /[»›]/ },
  { reason: 'tag list', pattern: /^(?:tags?|topics?|filed under|keywords?)\s*:\s*.{1,200}$/i },
];

/** Why a line, taken alone, is cruft; undefined when it may be part of the article. */
export function boilerplateReason(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 240) {
    return undefined;
  }
  if (!/[\p{L}\p{N}]/u.test(trimmed)) {
    return 'lone punctuation';
  }
  for (const rule of lineRules) {
    if ((!rule.only || rule.only.test(trimmed)) && rule.pattern.test(trimmed)) {
      return rule.reason;
    }
  }
  if (isPhotoCaption(trimmed)) {
    return 'photo caption';
  }
  return undefined;
}

const photoAgencies = '(?:REUTERS|Reuters|AFP|AP|Getty Images|EPA|PTI|ANI|IANS|Sputnik|Xinhua|TASS|Bloomberg|Shutterstock|AP Photo|File|Pool|POOL)';
const creditInParentheses = new RegExp(`\\((?:(?:photo|image|picture|file photo|credit)s?\\s*:\\s*[^()]{1,80}|[^()]{0,80}\\bvia ${photoAgencies}|[^()]{0,80}/[^()]{0,80}/[^()]{0,80}|${photoAgencies}(?:\\s*/\\s*[^()]{1,40})?)\\)\\.?$`);
const creditAfterCaption = /\.\s+(?:[\p{Lu}][\p{Lu}\p{L}.-]*\s*\/\s*)+(?:AFP|REUTERS|AP|EPA|Getty Images|POOL|PTI|ANI)$/u;

/**
 * A caption ends with a photo credit: "... in 2019. POOL / AFP", "... broke out.
 * (Sputnik/Evgeniy Paulin/Kremlin via REUTERS)", "(Photo: Reuters)".
 */
export function isPhotoCaption(line: string): boolean {
  return creditInParentheses.test(line) || creditAfterCaption.test(line);
}
