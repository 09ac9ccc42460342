/** The result of turning a file's bytes into text. */
export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: 'binary' | 'unknown-encoding'; detail: string };

/**
 * Bytes to text the way VS Code does it: a BOM decides first (UTF-8, UTF-16 LE/BE),
 * then strict UTF-8. Files with NUL bytes (outside UTF-16) are binary.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith('utf-8', bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeWith('utf-16le', bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeWith('utf-16be', bytes.subarray(2));
  }
  if (bytes.includes(0)) {
    return { ok: false, reason: 'binary', detail: 'The file contains NUL bytes.' };
  }
  return decodeWith('utf-8', bytes);
}

function decodeWith(encoding: string, bytes: Uint8Array): DecodeResult {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: 'unknown-encoding', detail: `The file is not valid ${encoding}.` };
  }
}
