import { claimStatuses, type ClaimStatus, type LedgerClaim, type LedgerReport } from '../../../src/core/ledger/storyLedger';
import type { FixtureClaim } from './ledgerCorpus';

/** One fixture claim checked on its own (one sentence, one claim), with what the ledger said and the files of its deciding passages. */
export interface FixtureResult {
  expected: FixtureClaim;
  claim: LedgerClaim | undefined;
  articles: string[];
}

export interface StatusScore {
  precision: number;
  recall: number;
  /** Claims the ledger gave this status, and how many of them the fixture gives it too. */
  predicted: number;
  right: number;
  /** Claims the fixture gives this status. */
  expected: number;
}

/** Checks each fixture claim alone. */
export function checkFixture(ledger: { check(draft: string): LedgerReport }, fileOf: (articleId: string) => string, claims: readonly FixtureClaim[]): FixtureResult[] {
  return claims.map((expected) => {
    const claim = ledger.check(expected.text).claims[0];
    return { expected, claim, articles: [...new Set((claim?.passages ?? []).map((passage) => fileOf(passage.articleId)))] };
  });
}

/** Precision and recall of one status over `results` (precision 1 when the ledger never gives it, recall 1 when the fixture never does). */
export function statusScore(results: readonly FixtureResult[], status: ClaimStatus): StatusScore {
  const predicted = results.filter((result) => (result.claim?.status ?? 'not-found') === status);
  const expected = results.filter((result) => result.expected.status === status);
  const right = predicted.filter((result) => result.expected.status === status).length;
  return { precision: predicted.length ? right / predicted.length : 1, recall: expected.length ? right / expected.length : 1, predicted: predicted.length, right, expected: expected.length };
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "supported P 100% (6/6) R 60% (6/10), ..." */
export function scoreLine(results: readonly FixtureResult[]): string {
  return claimStatuses
    .map((status) => {
      const score = statusScore(results, status);
      return `${status} P ${percent(score.precision)} R ${percent(score.recall)}`;
    })
    .join(', ');
}

/** A markdown table: per status, precision (right / given) and recall (right / expected). */
export function scoreTable(results: readonly FixtureResult[]): string {
  const rows = claimStatuses.map((status) => {
    const score = statusScore(results, status);
    return `| ${status} | ${percent(score.precision)} (${score.right}/${score.predicted}) | ${percent(score.recall)} (${score.right}/${score.expected}) |`;
  });
  const right = results.filter((result) => (result.claim?.status ?? 'not-found') === result.expected.status).length;
  return ['| status | precision | recall |', '|---|---|---|', ...rows, `| all | ${right} of ${results.length} claims right | |`].join('\n');
}
