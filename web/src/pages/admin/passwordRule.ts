/** The account password rule: at least 10 characters, with 3 of upper/lower/digit/symbol. */
export const MIN_PASSWORD_LENGTH = 10;

const CHARACTER_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

export function isStrongPassword(password: string): boolean {
  if (password.length < MIN_PASSWORD_LENGTH) return false;
  return CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length >= 3;
}
