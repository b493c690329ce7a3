import type { AppContext } from '../../app-context.ts';
import { toBoolean, toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { hashPassword, passwordWeakness } from '../../platform/auth/password.ts';
import { generateTotpSecret } from '../../platform/auth/totp.ts';
import { maskPhone } from '../../platform/crypto/masking.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { checkUscc } from '../../platform/identifiers/uscc.ts';
import { ROLE_DEFINITIONS, isRole, type Role } from '../../platform/roles.ts';
import { loadSecuritySettings } from '../../platform/security-settings.ts';
import { isOverridableUsccReason } from '../reference/uscc-acceptance.ts';
import { findActiveUsccOverride } from '../reference/uscc-overrides.service.ts';
import { findRegionForAccount, findRegionNames } from './accounts-regions.repository.ts';
import { accountNameForLogin } from './seeker-logins.ts';
import { revokeUserSessions } from './sessions.repository.ts';
import { maskedSeekerContact } from './seeker-names.ts';
import * as users from './users.repository.ts';

export interface UserView {
  id: number;
  username: string;
  /** What the person types to sign in, as shown: a job seeker's masked phone or e-mail, else the username. */
  loginName: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string | null;
  regionName: string | null;
  uscc: string | null;
  phone: string | null;
  isActive: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  regionCode?: string;
  uscc?: string;
  password: string;
  phone?: string;
  canViewPersonal?: boolean;
}

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;
const MOBILE = /^1[3-9]\d{9}$/;

/** Maps a stored user to its API shape; the phone number leaves masked. */
export function toUserView(
  ctx: AppContext,
  row: users.UserRow & { region_name?: string | null; seeker_email_enc?: string | null },
): UserView {
  const phone = row.phone_enc ? maskPhone(ctx.cipher.decrypt(row.phone_enc)) : null;
  return {
    id: toNumber(row.id),
    username: row.username,
    loginName: row.role === 'job_seeker' ? maskedSeekerContact(ctx, row.phone_enc, row.seeker_email_enc) : row.username,
    displayName: row.display_name,
    role: row.role as Role,
    roleLabel: ROLE_DEFINITIONS[row.role as Role]?.label ?? row.role,
    regionCode: row.region_code,
    regionName: row.region_name ?? null,
    uscc: row.uscc,
    phone,
    isActive: toBoolean(row.is_active),
    createdAt: row.created_at,
  };
}

/** Creates an account (sysadmin duty); returns the TOTP secret once for roles that need one. */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: NewUser,
): Promise<{ user: UserView; totpSecret?: string }> {
  const role = await validateNewUser(ctx, input);
  const totpSecret = ROLE_DEFINITIONS[role].requiresTotp ? generateTotpSecret() : undefined;
  const phone = input.phone?.trim();
  const now = ctx.clock().toISOString();
  const passwordHash = await hashPassword(input.password);
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (await users.findUserByUsername(trx, input.username))
      throw new AppError('USERNAME_TAKEN', `用户名 ${input.username} 已存在`);
    const inserted = await users.insertUser(trx, {
      username: input.username,
      display_name: input.displayName.trim(),
      role,
      region_code: input.regionCode ?? null,
      uscc: input.uscc ? checkUscc(input.uscc).normalized : null,
      password_hash: passwordHash,
      totp_secret_enc: totpSecret ? ctx.cipher.encrypt(totpSecret) : null,
      phone_enc: phone ? ctx.cipher.encrypt(phone) : null,
      phone_index: phone ? ctx.cipher.blindIndex('phone', phone) : null,
      can_view_personal: input.canViewPersonal ? 1 : 0,
      is_active: 1,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'user.create', outcome: 'success', objectType: 'user', objectId: input.username, details: { role } },
      ctx.clock(),
    );
    return inserted;
  });
  const region = row.region_code ? await findRegionForAccount(ctx.db, row.region_code) : undefined;
  return {
    user: toUserView(ctx, { ...row, region_name: region?.name ?? null }),
    ...(totpSecret ? { totpSecret } : {}),
  };
}

async function validateNewUser(ctx: AppContext, input: NewUser): Promise<Role> {
  const problems: string[] = [];
  if (!USERNAME.test(input.username)) problems.push('用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头');
  if (!input.displayName?.trim()) problems.push('请填写姓名');
  if (!isRole(input.role)) problems.push(`角色 ${input.role} 不存在`);
  const weakness = passwordWeakness(input.password ?? '', loadSecuritySettings().passwordMinLength, input.username);
  if (weakness) problems.push(weakness);
  if (input.phone && !MOBILE.test(input.phone.trim())) problems.push('手机号码应为 11 位');
  if (problems.length > 0 || !isRole(input.role))
    throw new AppError('VALIDATION_FAILED', problems.join('；'), { problems });
  const definition = ROLE_DEFINITIONS[input.role];
  if (definition.requiresRegion) await validateRegion(ctx, input.role, input.regionCode);
  if (definition.requiresUscc) {
    const check = checkUscc(input.uscc ?? '');
    // An early code failing a check character is taken when a manual override in force accepts it.
    const isOverridden =
      !check.valid &&
      isOverridableUsccReason(check.reason) &&
      (await findActiveUsccOverride(ctx.db, check.normalized)) !== undefined;
    if (!check.valid && !isOverridden)
      throw new AppError('INVALID_USCC', `企业账号须填写正确的统一社会信用代码（${check.reason}）`);
  }
  return input.role;
}

async function validateRegion(ctx: AppContext, role: Role, regionCode: string | undefined): Promise<void> {
  const region = regionCode ? await findRegionForAccount(ctx.db, regionCode) : undefined;
  if (!region)
    throw new AppError('INVALID_REGION', `${ROLE_DEFINITIONS[role].label}账号须填写江苏省的设区市或直管县（市）代码`);
  const isCityLevel = region.level === 'city' || toBoolean(region.is_directly_administered);
  if (role === 'city_hrss' && !isCityLevel) {
    throw new AppError('INVALID_REGION', `${region.name}不是设区市或省直管县（市），市/县人社账号须落在这一级`);
  }
}

/** Lists accounts for the system administrator, phone numbers masked. */
export async function listUsers(
  ctx: AppContext,
  query: { page?: number; pageSize?: number; q?: string; role?: string },
): Promise<Page<UserView>> {
  const { page, pageSize, offset } = pageWindow(query);
  // A phone number or e-mail typed in the search finds the job seeker who registered with it.
  const seekerUsername = query.q ? accountNameForLogin(ctx.cipher, query.q) : undefined;
  const { items, total } = await users.listUsers(
    ctx.db,
    {
      q: query.q,
      role: query.role,
      ...(seekerUsername && seekerUsername !== query.q ? { username: seekerUsername } : {}),
    },
    offset,
    pageSize,
  );
  const names = await regionNames(
    ctx,
    items.map((i) => i.region_code),
  );
  return {
    items: items.map((row) => toUserView(ctx, { ...row, region_name: names.get(row.region_code ?? '') ?? null })),
    total: toNumber(total),
    page,
    pageSize,
  };
}

async function regionNames(ctx: AppContext, codes: (string | null)[]): Promise<Map<string, string>> {
  const distinct = [...new Set(codes.filter((c): c is string => c !== null))];
  return new Map((await findRegionNames(ctx.db, distinct)).map((r) => [r.code, r.name]));
}

/** Enables or disables an account; disabling ends its sessions at once. */
export async function setUserActive(ctx: AppContext, actor: Actor, id: number, isActive: boolean): Promise<UserView> {
  if (actor.user?.id === id && !isActive) throw new AppError('CONFLICT', '不能停用自己的账号');
  const now = ctx.clock().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await users.updateUser(trx, id, { is_active: isActive ? 1 : 0, updated_at: now });
    if (!updated) throw new AppError('NOT_FOUND', '账号不存在');
    if (!isActive) await revokeUserSessions(trx, id, now);
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: isActive ? 'user.enable' : 'user.disable',
        outcome: 'success',
        objectType: 'user',
        objectId: updated.username,
      },
      ctx.clock(),
    );
    return updated;
  });
  return toUserView(ctx, row);
}

/** The whole phone number of an account, for callers with the right; the view is audited. */
export async function revealUserPhone(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  id: number,
): Promise<{ phone: string | null }> {
  if (!actor.user.canViewPersonal) throw new AppError('PERSONAL_DATA_RIGHT_REQUIRED');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await users.findUserById(trx, id);
    if (!row) throw new AppError('NOT_FOUND', '账号不存在');
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'personal_data.view', outcome: 'success', objectType: 'user.phone', objectId: row.username },
      ctx.clock(),
    );
    return { phone: row.phone_enc ? ctx.cipher.decrypt(row.phone_enc) : null };
  });
}
