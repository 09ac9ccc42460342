/**
 * The sources of issue 19 ("hostile input, round two"): files that used to freeze the reader for
 * seconds to minutes, lose or split text, or reach Object.prototype. Shared by the integration
 * test (hostileRoundTwo.test.ts, sizes a busy CI machine reads in seconds) and the benchmark
 * (hostileWhileHovering.bench.ts, the sizes of the issue's reproducers). Each file names a place
 * that no other file names, so a search tells which file a passage came from.
 */

const utf8 = (text: string) => new TextEncoder().encode(text);

/** How big the two freezing reproducers are: `ci` for the test tier, `issue` for the benchmark. */
export type HostileScale = 'ci' | 'issue';

export interface HostileRoundTwoFile {
  name: string;
  bytes: Uint8Array;
}

/** The unique words the integration test and the benchmark look for. */
export const hostileWords = {
  afterDeepNesting: 'Kerch ferry crossing resumed after the storm',
  beforeBlankRun: 'Arkhangelsk harbour froze early',
  afterBlankRun: 'Vladivostok port reopened in spring',
  afterMarkdownRuns: 'Tiksi weather station reported snow',
  wireAlerts: ['Russia will deliver five regiments, officials say', 'India signs rifle deal with Moscow', 'Talks on Kamov helicopters stall'],
  hyphenVariants: ['The S\u2011400 battery at Pathankot is operational.', 'A second S\u2013400 squadron is due in Jamnagar.'],
  afterLongFrontMatter: 'Salekhard pipeline survey ended',
  frontMatterFiller: 'filler-key-',
  protoTitle: 'Proto keys stay plain metadata',
  afterDeepCruft: 'Norilsk smelter output rose',
  cruftText: 'Subscribe to our newsletter for more',
} as const;

/** Bytes that start like UTF-16 LE (a BOM, zeros at every other byte) but hold no text: seeded, so every run writes the same file. */
function utf16LookingBinary(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set([0xff, 0xfe]);
  let seed = 19;
  for (let i = 2; i < length; i += 2) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    // Code units in the C0 control range and unassigned or private-use planes: no script, no word.
    bytes[i] = seed >>> 24;
    bytes[i + 1] = i % 6 === 0 ? 0x00 : 0xe0 + ((seed >>> 8) & 0x0f);
  }
  return bytes;
}

export function hostileRoundTwoFiles(scale: HostileScale): HostileRoundTwoFile[] {
  const deepDivs = scale === 'ci' ? 200_000 : 1_000_000;
  const blankLines = scale === 'ci' ? 2_000_000 : 9_000_000;
  const runLength = scale === 'ci' ? 50_000 : 400_000;
  const filler = Array.from({ length: scale === 'ci' ? 4_000 : 20_000 }, (_, i) => `${hostileWords.frontMatterFiller}${i}: value ${i}`).join('\n');
  return [
    ['control.md', '---\ntitle: Control article\noutlet: Control Desk\n---\n\nThe S-400 air defence system reached India in December, officials said.\n'],
    ['deep-divs.html', `<html><head><title>Deep divs</title></head><body>${'<div>'.repeat(deepDivs)}<p>${hostileWords.afterDeepNesting}.</p></body></html>`],
    ['blank-lines.txt', `Blank runs\n\n${hostileWords.beforeBlankRun}.${'\n'.repeat(blankLines)}${hostileWords.afterBlankRun}.\n`],
    [
      'delimiter-runs.md',
      `# Delimiter runs\n\n${'['.repeat(runLength)}\n\n${'*'.repeat(runLength / 2)}a${'_'.repeat(runLength / 2)}\n\n${Array.from({ length: 200 }, (_, i) => '`'.repeat(200 - i)).join(' ')}\n\n${'<'.repeat(runLength)}\n\n${hostileWords.afterMarkdownRuns}.\n`,
    ],
    ['wire-alerts.jsonl', hostileWords.wireAlerts.map((text) => JSON.stringify({ text })).join('\n') + '\n'],
    ['hyphen-variants.txt', `Hyphen variants\n\n${hostileWords.hyphenVariants.join('\n\n')}\n`],
    ['long-front-matter.md', `---\ntitle: Long front matter\n${filler}\n---\n\n${hostileWords.afterLongFrontMatter}.\n`],
    ['proto-keys.md', `---\n__proto__: polluted\nconstructor: hijacked\nprototype: also\ntitle: ${hostileWords.protoTitle}\n---\n\nThe Pevek reactor barge is moored.\n`],
    [
      'deep-cruft.html',
      `<html><head><title>Deep cruft</title></head><body>${'<div>'.repeat(300)}<nav>${hostileWords.cruftText}</nav><footer>${hostileWords.cruftText}</footer>${'</div>'.repeat(300)}<article><p>${hostileWords.afterDeepCruft}.</p></article></body></html>`,
    ],
  ]
    .map(([name, text]): HostileRoundTwoFile => ({ name, bytes: utf8(text) }))
    .concat([{ name: 'utf16-binary.txt', bytes: utf16LookingBinary(scale === 'ci' ? 64_000 : 1_000_000) }]);
}
