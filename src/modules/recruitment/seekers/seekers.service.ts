import { randomInt } from 'node:crypto';
import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { hashPassword, passwordWeakness } from '../../../platform/auth/password.ts';
import { maskIdNumber, maskPhone } from '../../../platform/crypto/masking.ts';
import { AppError } from '../../../platform/errors.ts';
import { checkIdNumber } from '../../../platform/identifiers/id-number.ts';
import { loadSecuritySettings } from '../../../platform/security-settings.ts';
import {
  parseSeekerContact,
  seekerContactIndex,
  seekerUsernameOf,
  type SeekerContact,
} from '../../accounts/seeker-logins.ts';
import { createUser } from '../../accounts/users.service.ts';
import { maskAddress, queueDirectMessage } from '../../benefits/delivery/direct-messages.service.ts';
import { EDUCATION_LEVELS } from '../postings/postings.service.ts';
import { loadSeekerSettings } from './seeker-settings.ts';
import * as repo from './seekers.repository.ts';

/**
 * Job seekers (SPEC §2.6): registration with a mobile number or e-mail address proved by a
 * verification code sent through the outbox, a password under the platform's rule, and a
 * profile whose personal data (name, ID number, phone, e-mail) rests as SM4 ciphertext and
 * leaves masked. The code's digits, expiry and tries are data (reference/recruitment/seekers.json).
 */

type SignedIn = Actor & { user: CurrentUser };

function contactOf(value: string): SeekerContact {
  const contact = parseSeekerContact(value);
  if (!contact) throw new AppError('VALIDATION_FAILED', '请填写 11 位手机号码或有效的电子邮箱');
  return contact;
}

function codeDigest(ctx: AppContext, contactIndex: string, code: string): string {
  return ctx.cipher.requestDigest(`job-seeker-code:${contactIndex}:${code}`);
}

/** Sends a verification code to a mobile number or e-mail address not yet registered. */
export async function requestVerificationCode(
  ctx: AppContext,
  actor: Actor,
  input: { contact: string },
): Promise<{ channel: 'sms' | 'email'; sentTo: string; expiresAt: string; resendAfterSeconds: number }> {
  const settings = loadSeekerSettings();
  const contact = contactOf(input.contact);
  const index = seekerContactIndex(ctx.cipher, contact);
  const now = ctx.clock();
  const to = contact.channel === 'sms' ? contact.phone : contact.email;
  const expiresAt = new Date(now.getTime() + settings.expiresMinutes * 60_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // An imported seeker's account, still without a password, is claimed by this same path.
    const seeker = await repo.findSeekerByContactIndex(trx, index);
    if (seeker && (await repo.isAccountClaimed(trx, Number(seeker.user_id)))) throw new AppError('CONTACT_REGISTERED');
    const latest = await repo.findLatestCode(trx, index);
    if (latest && now.getTime() - Date.parse(latest.created_at) < settings.resendSeconds * 1000)
      throw new AppError('RATE_LIMITED', `验证码已发送，请 ${settings.resendSeconds} 秒后再重新获取`);
    const code = String(randomInt(0, 10 ** settings.codeDigits)).padStart(settings.codeDigits, '0');
    const id = await repo.insertCode(trx, {
      channel: contact.channel,
      contact_index: index,
      code_digest: codeDigest(ctx, index, code),
      expires_at: expiresAt,
      consumed_at: null,
      created_at: now.toISOString(),
    });
    await queueDirectMessage(ctx, trx, {
      channel: contact.channel,
      to,
      key: `job-seeker-code:${id}`,
      title: '扬帆求职者注册验证码',
      body: `您的注册验证码为 ${code}，${settings.expiresMinutes} 分钟内有效。请勿告诉他人。`,
      at: now.toISOString(),
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'job_seeker.code', outcome: 'success', objectType: 'job_seeker_code', objectId: id },
      now,
    );
  });
  return { channel: contact.channel, sentTo: maskAddress(to), expiresAt, resendAfterSeconds: settings.resendSeconds };
}

export interface Registration {
  contact: string;
  code: string;
  password: string;
  name: string;
}

/**
 * Registers a job seeker: the newest code sent to the contact must match before it expires and
 * within its tries; it is then used up. The account's username is derived from the contact.
 */
export async function registerSeeker(ctx: AppContext, actor: Actor, input: Registration): Promise<SeekerProfile> {
  const settings = loadSeekerSettings();
  const contact = contactOf(input.contact);
  const index = seekerContactIndex(ctx.cipher, contact);
  const username = seekerUsernameOf(ctx.cipher, contact);
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION_FAILED', '请填写姓名');
  // The password is checked before the code, so a weak one does not use the code up.
  const weakness = passwordWeakness(input.password, loadSecuritySettings().passwordMinLength, username);
  if (weakness) throw new AppError('WEAK_PASSWORD', weakness);
  const now = ctx.clock();
  const code = await repo.findLatestCode(ctx.db, index);
  if (!code || code.consumed_at !== null || Date.parse(code.expires_at) <= now.getTime())
    throw new AppError('VERIFICATION_CODE_EXPIRED');
  if (Number(code.attempts) >= settings.maxAttempts)
    throw new AppError('VERIFICATION_CODE_EXPIRED', `验证码已输错 ${settings.maxAttempts} 次，请重新获取`);
  if (code.code_digest !== codeDigest(ctx, index, input.code.trim())) {
    await repo.countCodeAttempt(ctx.db, Number(code.id));
    const left = settings.maxAttempts - Number(code.attempts) - 1;
    throw new AppError(
      'VERIFICATION_CODE_INVALID',
      left > 0 ? `验证码不正确，还可尝试 ${left} 次` : '验证码不正确，已失效，请重新获取',
    );
  }
  if (!(await repo.consumeCode(ctx.db, Number(code.id), now.toISOString())))
    throw new AppError('VERIFICATION_CODE_EXPIRED');
  const imported = await repo.findSeekerByContactIndex(ctx.db, index);
  if (imported) return claimImportedSeeker(ctx, actor, imported, { name, password: input.password });
  const { user } = await createUser(ctx, actor, {
    username,
    displayName: name,
    role: 'job_seeker',
    password: input.password,
    ...(contact.channel === 'sms' ? { phone: contact.phone } : {}),
  });
  const seekerId = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertSeeker(trx, {
      user_id: user.id,
      name_enc: ctx.cipher.encrypt(name),
      id_number_enc: null,
      id_number_index: null,
      phone_enc: contact.channel === 'sms' ? ctx.cipher.encrypt(contact.phone) : null,
      phone_index: contact.channel === 'sms' ? index : null,
      email_enc: contact.channel === 'email' ? ctx.cipher.encrypt(contact.email) : null,
      email_index: contact.channel === 'email' ? index : null,
      education: null,
      graduation_date: null,
      certificates: '[]',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'job_seeker.register', outcome: 'success', objectType: 'job_seeker', objectId: id },
      now,
    );
    return id;
  });
  return profileOf(ctx, (await repo.findSeeker(ctx.db, seekerId))!);
}

/**
 * The owner of a seeker imported from 就在江苏 / 苏心聘, having proved the phone or e-mail on file with the
 * code, sets the account's first password; the imported profile becomes theirs (with the name they give).
 * An account that has a password already is someone's: registering again is refused.
 */
async function claimImportedSeeker(
  ctx: AppContext,
  actor: Actor,
  seeker: repo.SeekerRow,
  input: { name: string; password: string },
): Promise<SeekerProfile> {
  const passwordHash = await hashPassword(input.password);
  const at = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await repo.claimSeekerAccount(trx, Number(seeker.user_id), {
      password_hash: passwordHash,
      display_name: input.name,
      at,
    });
    if (!claimed) throw new AppError('CONTACT_REGISTERED');
    await repo.updateSeeker(trx, Number(seeker.id), { name_enc: ctx.cipher.encrypt(input.name), updated_at: at });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'job_seeker.claim', outcome: 'success', objectType: 'job_seeker', objectId: Number(seeker.id) },
      ctx.clock(),
    );
  });
  return profileOf(ctx, (await repo.findSeeker(ctx.db, Number(seeker.id)))!);
}

/** A name as 张** (the family name and a star per further character). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** The seeker's own profile: the name whole, ID number, phone and e-mail masked. */
export function profileOf(ctx: AppContext, row: repo.SeekerRow) {
  const open = (sealed: string | null) => (sealed ? ctx.cipher.decrypt(sealed) : null);
  const phone = open(row.phone_enc);
  const email = open(row.email_enc);
  const idNumber = open(row.id_number_enc);
  return {
    id: Number(row.id),
    name: ctx.cipher.decrypt(row.name_enc),
    idNumber: idNumber ? maskIdNumber(idNumber) : null,
    phone: phone ? maskPhone(phone) : null,
    email: email ? maskAddress(email) : null,
    education: row.education,
    graduationDate: row.graduation_date,
    certificates: JSON.parse(row.certificates) as string[],
    updatedAt: row.updated_at,
  };
}
export type SeekerProfile = ReturnType<typeof profileOf>;

/** The signed-in seeker's row; an account without a profile has nothing to show. */
export async function requireOwnSeeker(ctx: AppContext, user: CurrentUser): Promise<repo.SeekerRow> {
  const row = await repo.findSeekerByUser(ctx.db, user.id);
  if (!row) throw new AppError('NOT_FOUND', '未找到求职者档案');
  return row;
}

export async function getOwnProfile(ctx: AppContext, user: CurrentUser): Promise<SeekerProfile> {
  return profileOf(ctx, await requireOwnSeeker(ctx, user));
}

export interface ProfileInput {
  name: string;
  idNumber?: string | null;
  education?: string | null;
  graduationDate?: string | null;
  certificates: string[];
}

/** Updates the seeker's own profile; an ID number is checked (GB 11643) and sealed. */
export async function updateOwnProfile(ctx: AppContext, actor: SignedIn, input: ProfileInput): Promise<SeekerProfile> {
  const row = await requireOwnSeeker(ctx, actor.user);
  const problems: string[] = [];
  const name = input.name.trim();
  if (!name) problems.push('请填写姓名');
  let idNumber: string | null = null;
  if (input.idNumber?.trim()) {
    const check = checkIdNumber(input.idNumber);
    if (!check.valid) problems.push('公民身份号码不正确');
    else idNumber = check.normalized;
  }
  if (input.education && !(EDUCATION_LEVELS as readonly string[]).includes(input.education))
    problems.push(`学历应为：${EDUCATION_LEVELS.join('、')}`);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSeeker(trx, Number(row.id), {
      name_enc: ctx.cipher.encrypt(name),
      // An empty field keeps no number; a field left out keeps the one on file.
      ...(input.idNumber === undefined
        ? {}
        : {
            id_number_enc: idNumber ? ctx.cipher.encrypt(idNumber) : null,
            id_number_index: idNumber ? ctx.cipher.blindIndex('id', idNumber) : null,
          }),
      education: input.education ?? null,
      graduation_date: input.graduationDate ?? null,
      certificates: JSON.stringify([...new Set(input.certificates.map((c) => c.trim()).filter(Boolean))]),
      updated_at: now.toISOString(),
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'job_seeker.profile', outcome: 'success', objectType: 'job_seeker', objectId: Number(row.id) },
      now,
    );
  });
  return profileOf(ctx, (await repo.findSeeker(ctx.db, Number(row.id)))!);
}
