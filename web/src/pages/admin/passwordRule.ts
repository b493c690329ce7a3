import type { MessageKey } from '../../locales/i18n.tsx';

/**
 * The account password rule as the server applies it (reference/security/settings.json): at
 * least 12 characters, 3 of upper/lower/digit/symbol, no space at either end. The server also
 * refuses common passwords and ones containing the username, and says so.
 */
export const MIN_PASSWORD_LENGTH = 12;

const CHARACTER_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9\s]/];

/** Why a password breaks the rule, as a message key, or undefined when it keeps it. */
export function passwordProblem(password: string): MessageKey | undefined {
  if (password !== password.trim()) return 'password.spaces';
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length < 3) return 'password.classes';
  return undefined;
}

export function isStrongPassword(password: string): boolean {
  return passwordProblem(password) === undefined;
}
