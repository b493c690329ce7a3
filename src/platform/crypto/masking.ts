import { checkIdNumber } from '../identifiers/id-number.ts';

/**
 * Display masks chosen for the project (DOMAIN §8): ID numbers keep 4 leading and 4 trailing
 * characters, phone numbers 3 + 4, bank account numbers the last 4. Masking happens on the
 * server, before anything leaves it.
 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

export function maskPhone(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** An e-mail address keeps its first character and its domain: c***@example.com. */
export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  if (at < 0) return '*'.repeat(value.length);
  return `${value.slice(0, 1)}***${value.slice(at)}`;
}

export function maskBankAccount(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

// Digits and the ID check character in their ASCII and full-width forms; a number may be
// written in groups joined by spaces, hyphens, dots, underscores or plus signs (what a form
// field, a URL's %20 or + and a careless copy produce).
const DIGIT = '[0-9\\uFF10-\\uFF19]';
const CHECK = '[0-9\\uFF10-\\uFF19XxＸｘ]';
const EDGE = '0-9A-Za-z\\uFF10-\\uFF19ＸｘXx*';
const SEPARATOR = '[\\s\\-._+]{1,3}';
const CONTIGUOUS = new RegExp(`(?<![${EDGE}])${DIGIT}{10,}${CHECK}(?![${EDGE}])`, 'g');
const GROUPED = new RegExp(`(?<![${EDGE}])${DIGIT}+(?:${SEPARATOR}${DIGIT}*${CHECK})+(?![${EDGE}])`, 'g');

/** ASCII form of a digit run: full-width digits and X become 0–9 and X. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[xＸｘ]/g, 'X');
}

/** The mask for a run of digits that is personal data, or undefined when it is none. */
function maskDigits(digits: string): string | undefined {
  if (/^\d{17}[\dX]$/.test(digits) || /^\d{15}$/.test(digits)) return maskIdNumber(digits);
  if (/^1[3-9]\d{9}$/.test(digits)) return maskPhone(digits);
  if (/^(?:0086|86)1[3-9]\d{9}$/.test(digits)) return maskPhone(digits.slice(-11));
  if (/^\d{16,19}$/.test(digits)) return maskBankAccount(digits);
  return undefined;
}

/** Masks the groups of a separated run that together spell a number, longest first. */
function maskGroupedRun(run: string): string {
  const groups = run.split(new RegExp(`(${SEPARATOR})`));
  const parts: string[] = [];
  let i = 0;
  while (i < groups.length) {
    let masked: { text: string; end: number } | undefined;
    for (let j = groups.length - 1; j >= i && !masked; j -= 2) {
      const text = maskDigits(
        asciiDigits(
          groups
            .slice(i, j + 1)
            .filter((_, k) => k % 2 === 0)
            .join(''),
        ),
      );
      if (text !== undefined) masked = { text, end: j };
    }
    const end = masked?.end ?? i;
    parts.push(masked ? masked.text : groups[i]!);
    if (end + 1 < groups.length) parts.push(groups[end + 1]!);
    i = end + 2;
  }
  return parts.join('');
}

/**
 * Masks every ID number (18 or 15 characters), mobile number (11 digits, with or without +86)
 * and bank card or account number (16–19 digits) inside free text, written whole, in full-width digits
 * or split into groups.
 */
export function maskPersonalDataInText(text: string): string {
  return text.replace(CONTIGUOUS, (m) => maskDigits(asciiDigits(m)) ?? m).replace(GROUPED, (m) => maskGroupedRun(m));
}

/**
 * Masks a request URL for the log: percent-encoding (also double) and the + of a query string
 * are decoded first, so `%33%32%30…` or an ID split by `%20` is masked like the plain form.
 */
export function maskPersonalDataInUrl(url: string): string {
  return maskPersonalDataInText(decodeUrlText(url));
}

/**
 * Masks one finished JSON log line: percent-encoded tokens are decoded, masked and written back
 * (JSON-escaped) when they held a number, then the whole line passes the text mask.
 */
export function maskPersonalDataInLogLine(line: string): string {
  const decodedTokens = line.replace(/[^\s"]*%[0-9A-Fa-f]{2}[^\s"]*/g, (token) => {
    const decoded = decodeUrlText(token);
    const masked = maskPersonalDataInText(decoded);
    return masked === decoded ? token : JSON.stringify(masked).slice(1, -1);
  });
  return maskPersonalDataInText(decodedTokens);
}

/** Decodes percent-encoded sequences (up to three layers) and + in the query; undecodable bytes stay as written. */
export function decodeUrlText(url: string): string {
  const queryStart = url.indexOf('?');
  let text = queryStart < 0 ? url : `${url.slice(0, queryStart)}?${url.slice(queryStart + 1).replace(/\+/g, ' ')}`;
  for (let layer = 0; layer < 3 && /%[0-9A-Fa-f]{2}/.test(text); layer += 1) {
    text = text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (sequence) => {
      try {
        return decodeURIComponent(sequence);
      } catch {
        return sequence.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
          Number.parseInt(hex, 16) < 0x80 ? String.fromCharCode(Number.parseInt(hex, 16)) : `%${hex}`,
        );
      }
    });
  }
  return text;
}

/**
 * Whole, valid ID numbers inside a text (what must never reach a response or a log unmasked),
 * also when percent-encoded, in full-width digits or split into groups.
 */
export function findWholeIdNumbers(text: string): string[] {
  const decoded = decodeUrlText(text);
  const found = new Set<string>();
  for (const candidate of decoded.match(CONTIGUOUS) ?? []) found.add(asciiDigits(candidate));
  for (const run of decoded.match(GROUPED) ?? []) {
    const groups = run.split(new RegExp(SEPARATOR)).map(asciiDigits);
    for (let i = 0; i < groups.length; i++) {
      for (let j = i, joined = ''; j < groups.length && joined.length < 18; j++) {
        joined += groups[j];
        if (joined.length === 18) found.add(joined);
      }
    }
  }
  return [...found].filter((candidate) => checkIdNumber(candidate).valid);
}
