import { checkIdNumber } from '../identifiers/id-number.ts';

/**
 * Display masks chosen for the project (DOMAIN §8): ID numbers keep 4 leading and 4 trailing
 * characters, phone numbers 3 + 4. Masking happens on the server, before anything leaves it.
 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

export function maskPhone(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** Masks every 18-character ID number and 11-digit mobile number inside free text. */
export function maskPersonalDataInText(text: string): string {
  return text
    .replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m));
}

/** Whole, valid ID numbers inside a text (what must never reach a response or a log unmasked). */
export function findWholeIdNumbers(text: string): string[] {
  const candidates = text.match(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g) ?? [];
  return candidates.filter((candidate) => checkIdNumber(candidate).valid);
}
