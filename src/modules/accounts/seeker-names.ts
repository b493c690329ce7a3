import type { AppContext } from '../../app-context.ts';
import { maskEmail, maskPhone } from '../../platform/crypto/masking.ts';
import { findSeekerContacts } from './users.repository.ts';

/**
 * A job seeker's account name is a keyed digest of their phone or e-mail (seeker-logins.ts),
 * meaningless to read: where people are named by account (账号管理, 审计日志) a seeker is shown by
 * that contact, masked.
 */
export function maskedSeekerContact(
  ctx: AppContext,
  phoneEnc: string | null | undefined,
  emailEnc: string | null | undefined,
): string {
  if (phoneEnc) return maskPhone(ctx.cipher.decrypt(phoneEnc));
  return emailEnc ? maskEmail(ctx.cipher.decrypt(emailEnc)) : '求职者（邮箱注册）';
}

/** The masked contacts of the job-seeker accounts among these usernames (other accounts are left out). */
export async function seekerNamesOf(ctx: AppContext, usernames: readonly string[]): Promise<Map<string, string>> {
  // Only names shaped like a seeker's (js + 24 characters of the digest) are looked up, a chunk at a time
  // (an export reads up to 100,000 audit rows; a statement takes a few hundred parameters well).
  const candidates = [...new Set(usernames)].filter((name) => SEEKER_USERNAME.test(name));
  const names = new Map<string, string>();
  for (let i = 0; i < candidates.length; i += CHUNK) {
    for (const r of await findSeekerContacts(ctx.db, candidates.slice(i, i + CHUNK)))
      names.set(r.username, maskedSeekerContact(ctx, r.phone_enc ?? r.seeker_phone_enc, r.email_enc));
  }
  return names;
}

const SEEKER_USERNAME = /^js[a-z0-9]{24}$/;
const CHUNK = 500;
