import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import { checkUscc, USCC_REASONS, type UsccReason } from '../../platform/identifiers/uscc.ts';
import { isOverridableUsccReason, type ActiveUsccOverride, type UsccOverrideSet } from './uscc-acceptance.ts';
import * as overrides from './uscc-overrides.repository.ts';

/** One entry of the register of accepted credit-code exceptions, shaped for the API. */
export interface UsccOverrideView {
  id: number;
  uscc: string;
  failureReason: string;
  failureMessage: string;
  evidence: string;
  recordedBy: string;
  recordedAt: string;
  isActive: boolean;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

type SignedIn = Actor & { user: CurrentUser };

function toView(row: overrides.UsccOverrideRow): UsccOverrideView {
  return {
    id: Number(row.id),
    uscc: row.uscc,
    failureReason: row.failure_reason,
    failureMessage: USCC_REASONS[row.failure_reason as UsccReason] ?? row.failure_reason,
    evidence: row.evidence,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
    isActive: row.revoked_at === null,
    revokedBy: row.revoked_by_name,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
  };
}

/** A page of the register, newest first, filtered by code prefix or evidence text and by status. */
export async function listUsccOverrides(ctx: AppContext, query: overrides.UsccOverrideFilter & { page?: number; pageSize?: number }): Promise<Page<UsccOverrideView>> {
  const window = pageWindow(query);
  const { rows, total } = await overrides.listUsccOverrideRows(ctx.db, query, window.offset, window.pageSize);
  return { items: rows.map(toView), total, page: window.page, pageSize: window.pageSize };
}

/**
 * Records that a code failing only a check character is genuine, on the official's evidence.
 * A passing code needs no override and a malformed one is never accepted (uscc-acceptance.ts);
 * a code with an override in force is not recorded twice.
 */
export async function recordUsccOverride(ctx: AppContext, actor: SignedIn, input: { uscc: string; evidence: string }): Promise<UsccOverrideView> {
  const reason = overridableFailureOf(input.uscc);
  const uscc = normalizeIdentifier(input.uscc);
  const evidence = requireText(input.evidence, '请填写核验依据（如营业执照核验情况、登记机关函号）');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const existing = await overrides.findActiveUsccOverrideRow(trx, uscc);
      if (existing) throw new AppError('CONFLICT', `该代码已有生效的人工核验例外（第 ${existing.id} 号），无需重复登记`);
      const id = await overrides.insertUsccOverride(trx, {
        uscc, failure_reason: reason, evidence, recorded_by: actor.user.id, recorded_by_name: actor.user.displayName, recorded_at: ctx.clock().toISOString(),
      });
      await appendAudit(trx, ctx.dialect, actor, { action: 'uscc_override.create', outcome: 'success', objectType: 'uscc_override', objectId: id, details: { uscc, reason } }, ctx.clock());
      return toView((await overrides.findUsccOverrideRow(trx, id))!);
    });
  } catch (error) {
    // Two officials recording the same code at once: the one-active index lets only the first in.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', '该代码已有生效的人工核验例外，无需重复登记');
    throw error;
  }
}

/** Takes an override out of force, with who, when and why; the row stays on the register. */
export async function revokeUsccOverride(ctx: AppContext, actor: SignedIn, id: number, input: { reason: string }): Promise<UsccOverrideView> {
  const reason = requireText(input.reason, '请填写撤销原因');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await overrides.findUsccOverrideRow(trx, id);
    if (!row) throw new AppError('NOT_FOUND', '人工核验例外不存在');
    const isRevoked = await overrides.revokeUsccOverrideRow(trx, id, { revoked_by: actor.user.id, revoked_by_name: actor.user.displayName, revoked_at: ctx.clock().toISOString(), revoke_reason: reason });
    if (!isRevoked) throw new AppError('CONFLICT', `第 ${id} 号人工核验例外已于此前撤销`);
    await appendAudit(trx, ctx.dialect, actor, { action: 'uscc_override.revoke', outcome: 'success', objectType: 'uscc_override', objectId: id, details: { uscc: row.uscc, reason } }, ctx.clock());
    return toView((await overrides.findUsccOverrideRow(trx, id))!);
  });
}

/** The overrides in force, read once by an import or a push before its rows are parsed. */
export async function loadActiveUsccOverrides(db: Db): Promise<UsccOverrideSet> {
  const rows = await overrides.listActiveUsccOverrides(db);
  return new Map(rows.map((row): [string, ActiveUsccOverride] => [row.uscc, { id: Number(row.id), evidence: row.evidence, recordedAt: row.recorded_at }]));
}

/** The override in force for a code as typed (normalised first), if any. */
export async function findActiveUsccOverride(db: Db, code: string): Promise<(ActiveUsccOverride & { recordedBy: string }) | undefined> {
  const row = await overrides.findActiveUsccOverrideRow(db, normalizeIdentifier(code));
  return row && { id: Number(row.id), evidence: row.evidence, recordedAt: row.recorded_at, recordedBy: row.recorded_by_name };
}

/**
 * For a code in the register that fails the check: its latest override (the one it came in
 * by), and whether that is still in force. Null for a code that passes.
 */
export async function findUsccOverrideStatus(db: Db, uscc: string): Promise<{ id: number; isActive: boolean } | null> {
  if (checkUscc(uscc).valid) return null;
  const row = await overrides.findLatestUsccOverrideRow(db, uscc);
  return row ? { id: Number(row.id), isActive: row.revoked_at === null } : null;
}

function overridableFailureOf(code: string): UsccReason {
  const check = checkUscc(code);
  if (check.valid) throw new AppError('USCC_OVERRIDE_NOT_NEEDED');
  if (check.reason === 'EMPTY') throw new AppError('VALIDATION_FAILED', USCC_REASONS.EMPTY);
  if (!isOverridableUsccReason(check.reason)) {
    throw new AppError('USCC_OVERRIDE_NOT_ALLOWED', `${USCC_REASONS[check.reason]}：只有校验位不符的代码可以登记人工核验例外，请更正代码`, { reason: check.reason });
  }
  return check.reason;
}

function requireText(value: string, message: string): string {
  const text = value.trim();
  if (text === '') throw new AppError('VALIDATION_FAILED', message);
  return text;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}
