import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const COMMON_PASSWORDS_FILE = new URL('../../../reference/security/common-passwords.txt', import.meta.url);

let common: Set<string> | undefined;

/** The common-password list (reference/security/common-passwords.txt), read once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

const LOOKALIKES: Record<string, string> = {
  '@': 'a',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '!': 'i',
};

/** The word a password is built on: digits and symbols around it dropped, look-alikes restored. */
function coreWord(password: string): string {
  const trimmed = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...trimmed].map((char) => LOOKALIKES[char] ?? char).join('');
}

/** Whether a password is, or is a common password dressed up with digits, symbols and look-alikes. */
export function isCommonPassword(password: string, username?: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  const core = coreWord(password);
  if (list.has(lower) || list.has(core) || list.has(core.replace(/[^a-z]/g, ''))) return true;
  return username !== undefined && username.length >= 3 && lower.includes(username.toLowerCase());
}

/**
 * 等保 2.0 password complexity (GB/T 22239-2019 8.1.4.1 a)): at least the configured length
 * and three of the four character classes, no space at either end, not a common password and
 * not containing the username. Returns a Chinese reason, or null when the password is acceptable.
 */
export function passwordWeakness(password: string, minLength: number, username?: string): string | null {
  if (password !== password.trim()) return '密码首尾不能有空格';
  if ([...password].length < minLength) return `密码至少 ${minLength} 位`;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9\s]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (isCommonPassword(password, username)) return '密码过于常见或包含用户名，容易被猜中，请换一个';
  return null;
}

/** A one-time password for a reset: 16 characters of all four classes, to be changed at next login. */
export function generateTemporaryPassword(): string {
  return `Yf-${randomBytes(9).toString('base64url')}7`;
}
