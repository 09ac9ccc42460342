/** Rows in PostgreSQL's COPY text format: tab-separated, `\N` for null, with backslash escapes. */

export type CopyValue = string | number | boolean | null | undefined;

function escapeCopy(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (char) => (char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r'));
}

/** One COPY line for these values, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  return values.map((value) => (value === null || value === undefined ? '\\N' : escapeCopy(String(value)))).join('\t') + '\n';
}
