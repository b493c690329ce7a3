/**
 * Identifier input arrives from forms, spreadsheets and copied PDFs: full-width digits and
 * letters (ＡＢＣ１２３), ideographic spaces, stray zero-width characters and lower-case
 * letters all appear in real files (SPEC §3). Checks run on this normalised form only.
 */

// U+FF01..U+FF5E are the full-width forms of ASCII U+0021..U+007E, at a fixed offset.
const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

// \s covers ASCII and Unicode spaces (U+3000 and U+FEFF included); zero-width characters
// are not spaces to JavaScript but are invisible to the person who typed the code.
const INVISIBLE = /[\s\u200b-\u200d\u2060]/gu;

/** Turns full-width ASCII into half-width characters, leaving everything else untouched. */
export function toHalfWidth(input: string): string {
  let output = '';
  for (const char of input) {
    const point = char.codePointAt(0) ?? 0;
    const isFullWidth = point >= FULL_WIDTH_START && point <= FULL_WIDTH_END;
    output += isFullWidth ? String.fromCodePoint(point - FULL_WIDTH_OFFSET) : char;
  }
  return output;
}

/** Normalises an identifier as typed: half-width, no whitespace at all, upper-case. */
export function normalizeIdentifier(input: string): string {
  return toHalfWidth(String(input ?? ''))
    .replace(INVISIBLE, '')
    .toUpperCase();
}
