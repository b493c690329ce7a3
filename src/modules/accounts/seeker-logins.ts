import type { PersonalDataCipher } from '../../platform/crypto/personal-data.ts';

/**
 * A job seeker signs in with the mobile number or e-mail address they registered with. Their
 * account's username is derived from it with the keyed blind index, so the login finds the
 * account without the address resting anywhere in clear.
 */

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export type SeekerContact = { channel: 'sms'; phone: string } | { channel: 'email'; email: string };

/** The contact a login name spells (a mobile number or an e-mail address), normalised; else undefined. */
export function parseSeekerContact(value: string): SeekerContact | undefined {
  const trimmed = value.trim();
  if (MOBILE.test(trimmed)) return { channel: 'sms', phone: trimmed };
  if (EMAIL.test(trimmed) && trimmed.length <= 64) return { channel: 'email', email: trimmed.toLowerCase() };
  return undefined;
}

/** The blind index of a contact (the job seeker's lookup key). */
export function seekerContactIndex(cipher: PersonalDataCipher, contact: SeekerContact): string {
  return contact.channel === 'sms'
    ? cipher.blindIndex('phone', contact.phone)
    : cipher.blindIndex('email', contact.email);
}

/** The username of the job-seeker account registered with this contact. */
export function seekerUsernameOf(cipher: PersonalDataCipher, contact: SeekerContact): string {
  return `js${seekerContactIndex(cipher, contact).slice(0, 24).toLowerCase()}`;
}

/** The username to look up for a login name: a seeker's contact becomes their account's username. */
export function accountNameForLogin(cipher: PersonalDataCipher, loginName: string): string {
  const contact = parseSeekerContact(loginName);
  return contact ? seekerUsernameOf(cipher, contact) : loginName;
}
