import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { maskPhone } from '../../platform/crypto/masking.ts';
import { AppError } from '../../platform/errors.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import { findNotificationContacts, upsertNotificationContact } from './notification-contact.repository.ts';

/**
 * Where SMS and e-mail notices to an enterprise go. The enterprise keeps its own mobile number
 * (SM4-encrypted at rest) and e-mail; without its own mobile, SMS falls back to the register's
 * contact phone when that is a mobile number. Shown masked, even to the enterprise itself.
 */

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The address of each enterprise's notices, whole (for sending only) and masked (for display). */
export interface NotificationAddress {
  phone: string | null;
  phoneMasked: string | null;
  /** Where the phone comes from: the enterprise's own entry or the register (培育库). */
  phoneSource: 'own' | 'register' | null;
  email: string | null;
  emailMasked: string | null;
}

/** An e-mail address with its local part hidden but the first character: z***@example.com. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** The notice addresses of these enterprises (those not in the register are absent from the map). */
export async function notificationAddressesOf(
  ctx: AppContext,
  usccs: string[],
): Promise<Map<string, NotificationAddress>> {
  const rows = await findNotificationContacts(ctx.db, [...new Set(usccs)]);
  return new Map(
    rows.map((row) => {
      const own = row.phone_enc ? ctx.cipher.decrypt(row.phone_enc) : null;
      const register = row.register_phone_enc ? ctx.cipher.decrypt(row.register_phone_enc) : null;
      const phone = own ?? (register && MOBILE.test(register) ? register : null);
      return [
        row.uscc,
        {
          phone,
          phoneMasked: phone ? maskPhone(phone) : null,
          phoneSource: own ? 'own' : phone ? 'register' : null,
          email: row.email,
          emailMasked: row.email ? maskEmail(row.email) : null,
        },
      ];
    }),
  );
}

function ownUsccOf(user: CurrentUser, usccParam: string): string {
  const uscc = normalizeIdentifier(usccParam);
  if (user.uscc !== uscc) throw new AppError('NOT_FOUND', '企业不存在或不在您的数据范围内');
  return uscc;
}

/** The enterprise's own view of where its notices go (masked). */
export async function getNotificationContact(ctx: AppContext, user: CurrentUser, usccParam: string) {
  const uscc = ownUsccOf(user, usccParam);
  const address = (await notificationAddressesOf(ctx, [uscc])).get(uscc);
  if (!address) throw new AppError('NOT_FOUND', '企业不存在或不在您的数据范围内');
  const updatedAt = (await findNotificationContacts(ctx.db, [uscc]))[0]?.updated_at ?? null;
  return {
    phone: address.phoneMasked,
    phone_source: address.phoneSource,
    email: address.emailMasked,
    updated_at: updatedAt,
  };
}

/**
 * The enterprise sets its mobile number and e-mail for notices: a field left out stays as it is,
 * null clears it. Audited without the values.
 */
export async function updateNotificationContact(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  usccParam: string,
  body: { phone?: string | null; email?: string | null },
) {
  const uscc = ownUsccOf(actor.user, usccParam);
  const [current] = await findNotificationContacts(ctx.db, [uscc]);
  if (!current) throw new AppError('NOT_FOUND', '企业不存在或不在您的数据范围内');
  const phone = body.phone === undefined ? undefined : body.phone?.replace(/[\s-]/g, '') || null;
  if (phone && !MOBILE.test(phone)) throw new AppError('VALIDATION_FAILED', '联系手机应为 11 位手机号码');
  const email = body.email === undefined ? current.email : body.email?.trim() || null;
  if (email !== null && !EMAIL.test(email)) throw new AppError('VALIDATION_FAILED', '电子邮箱格式不正确');
  const phoneEnc = phone === undefined ? current.phone_enc : phone ? ctx.cipher.encrypt(phone) : null;
  const at = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertNotificationContact(trx, {
      uscc,
      phone_enc: phoneEnc,
      email,
      updated_by: actor.user.id,
      updated_at: at.toISOString(),
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'enterprise.notification_contact.update',
        outcome: 'success',
        objectType: 'enterprise',
        objectId: uscc,
        details: {
          phone: phone === undefined ? 'unchanged' : phone ? 'set' : 'cleared',
          email: body.email === undefined ? 'unchanged' : email ? 'set' : 'cleared',
        },
      },
      at,
    );
  });
  return getNotificationContact(ctx, actor.user, uscc);
}
