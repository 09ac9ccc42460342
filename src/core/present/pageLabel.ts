/**
 * How a page is named wherever a writer sees a passage (the Articles and Topics views, hover
 * cards, Search Sources, citations): `p. 12`. Undefined for a passage without a page (any
 * source that is not a PDF), so callers leave the part out rather than print a bare "p.".
 */
export function pageLabel(page: number | undefined): string | undefined {
  return page !== undefined && Number.isInteger(page) && page > 0 ? `p. ${page}` : undefined;
}

/**
 * The parts of a source line joined with `separator`, the absent ones left out:
 * `sourceLine(['News18', '2021-12-06', pageLabel(12)])` is `News18, 2021-12-06, p. 12`.
 */
export function sourceLine(parts: ReadonlyArray<string | undefined>, separator = ', '): string {
  return parts.filter((part): part is string => part !== undefined && part.length > 0).join(separator);
}
