import * as l10n from '@vscode/l10n';
import { Inflate } from 'fflate';

/** Why a zip archive (a .docx) could not be read. */
export type ZipProblem =
  | { kind: 'not-a-zip'; detail: string }
  | { kind: 'too-large'; detail: string };

/** How much one push of compressed bytes may inflate to is bounded by deflate's ratio (about 1:1032), so small pushes keep a bomb's overshoot small. */
const inflateStep = 16 * 1024;

/**
 * The named entries of a zip archive, read through its central directory and inflated with
 * fflate. Every entry's inflated size is counted as it grows (never trusting the sizes the
 * archive declares), and reading stops once the entries read reach `maxTotalBytes` between
 * them: a zip bomb costs at most about that much memory and time. Entries not named are
 * never inflated. Missing entries are simply absent from the result.
 */
export function readZipEntries(bytes: Uint8Array, names: readonly string[], maxTotalBytes: number): Map<string, Uint8Array> | ZipProblem {
  const directory = centralDirectory(bytes);
  if (typeof directory === 'string') return { kind: 'not-a-zip', detail: directory };
  const wanted = new Set(names);
  const found = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of directory) {
    if (!wanted.has(entry.name) || found.has(entry.name)) continue;
    const start = dataStart(bytes, entry.localHeader);
    if (start === undefined || start + entry.compressedSize > bytes.length) return { kind: 'not-a-zip', detail: l10n.t('the entry {0} runs past the end of the file', entry.name) };
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      total += data.length;
      if (total > maxTotalBytes) return tooLarge(maxTotalBytes);
      found.set(entry.name, data.slice());
      continue;
    }
    if (entry.method !== 8) return { kind: 'not-a-zip', detail: l10n.t('the entry {0} uses compression method {1}', entry.name, entry.method) };
    const chunks: Uint8Array[] = [];
    let over = false;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > maxTotalBytes) over = true;
      else chunks.push(chunk);
    });
    try {
      for (let at = 0; at < data.length && !over; at += inflateStep) {
        inflater.push(data.subarray(at, Math.min(data.length, at + inflateStep)), at + inflateStep >= data.length);
      }
    } catch (error) {
      return { kind: 'not-a-zip', detail: l10n.t('the entry {0} is damaged ({1})', entry.name, error instanceof Error ? error.message : String(error)) };
    }
    if (over) return tooLarge(maxTotalBytes);
    found.set(entry.name, concat(chunks));
  }
  return found;
}

function tooLarge(maxTotalBytes: number): ZipProblem {
  return { kind: 'too-large', detail: l10n.t('its text expands to more than {0} MB (a zip bomb?)', Math.round(maxTotalBytes / 1048576)) };
}

interface DirectoryEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;

function centralDirectory(bytes: Uint8Array): DirectoryEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  const earliest = Math.max(0, bytes.length - 22 - 65535);
  while (end >= earliest && view.getUint32(end, true) !== endOfDirectorySignature) end--;
  if (end < earliest || bytes.length < 22) return l10n.t('it is not a zip archive (no central directory)');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return l10n.t('it is a ZIP64 archive, which a Word document never needs');
  const decoder = new TextDecoder();
  const entries: DirectoryEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== directoryEntrySignature) return l10n.t('its central directory is damaged');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return l10n.t('its central directory is damaged');
    entries.push({
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      localHeader: view.getUint32(offset + 42, true),
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function dataStart(bytes: Uint8Array, localHeader: number): number | undefined {
  if (localHeader + 30 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(localHeader, true) !== localHeaderSignature) return undefined;
  return localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const result = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    result.set(chunk, at);
    at += chunk.length;
  }
  return result;
}
