import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import { requireIsoDate, todayInShanghai } from '../../platform/iso-date.ts';
import { regionScopeCodes } from '../reference/reference.service.ts';
import { findUsccOverrideStatus } from '../reference/uscc-overrides.service.ts';
import { enterpriseScopeOf } from './enterprise-scope.ts';
import {
  toDetail,
  toListItem,
  type EnterpriseDetailWithOverride,
  type EnterpriseListItem,
} from './enterprise-views.ts';
import * as register from './enterprises.repository.ts';
import type { EnterpriseSize, Tier } from './enterprises.table.ts';

/** The filters of `GET /enterprises` and its export (SPEC §5). */
export interface RegisterQuery {
  region?: string;
  tier?: Tier;
  /** A division (34), a section letter (C) or `manufacturing`. */
  industry?: string;
  size?: EnterpriseSize;
  validOn?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Turns the query into a filter inside the caller's scope; a region filter covers a city's districts and counties. */
export async function registerFilterFor(
  ctx: AppContext,
  user: CurrentUser,
  query: RegisterQuery,
): Promise<register.RegisterFilter> {
  const q = query.q?.trim();
  return {
    scope: await enterpriseScopeOf(ctx.db, user),
    ...(query.region ? { regionCodes: await regionScopeCodes(ctx.db, query.region) } : {}),
    ...(query.tier ? { tier: query.tier } : {}),
    ...(query.industry ? { industry: parseIndustryFilter(query.industry) } : {}),
    ...(query.size ? { size: query.size } : {}),
    ...(query.validOn ? { validOn: requireIsoDate(query.validOn, 'validOn') } : {}),
    ...(q ? { q } : {}),
  };
}

function parseIndustryFilter(text: string): register.IndustryFilter {
  const code = normalizeIdentifier(text);
  if (code === 'MANUFACTURING') return { kind: 'manufacturing' };
  if (/^[A-T]$/.test(code)) return { kind: 'section', code };
  if (/^\d{2}$/.test(code)) return { kind: 'division', code };
  throw new AppError('VALIDATION_FAILED', `行业筛选应为两位大类代码、门类字母或 manufacturing：${text}`);
}

/** A page of the register as the caller may see it. */
export async function listEnterprises(
  ctx: AppContext,
  user: CurrentUser,
  query: RegisterQuery,
): Promise<Page<EnterpriseListItem>> {
  const window = pageWindow(query);
  const filter = await registerFilterFor(ctx, user, query);
  const { rows, total } = await register.listEnterpriseRows(ctx.db, filter, window.offset, window.pageSize);
  const today = todayInShanghai(ctx.clock);
  return { items: rows.map((row) => toListItem(row, today)), total, page: window.page, pageSize: window.pageSize };
}

/** One enterprise with its tier history, validity and any credit-code override; outside the caller's scope it is not found. */
export async function getEnterprise(
  ctx: AppContext,
  user: CurrentUser,
  usccParam: string,
): Promise<EnterpriseDetailWithOverride> {
  const uscc = normalizeIdentifier(usccParam);
  const row = await register.findEnterpriseRow(ctx.db, uscc, await enterpriseScopeOf(ctx.db, user));
  if (!row) throw new AppError('NOT_FOUND', '企业不存在或不在您的数据范围内');
  const [history, keyEntry] = [
    await register.findRecognitionHistory(ctx.db, uscc),
    await register.findKeyEnterpriseEntry(ctx.db, uscc),
  ];
  const usccOverride = await findUsccOverrideStatus(ctx.db, uscc);
  return { ...toDetail(row, history, keyEntry, todayInShanghai(ctx.clock), ctx.cipher), usccOverride };
}

/**
 * The contact's whole phone number, for callers with the personal-data right only; every whole
 * view is audited (SPEC §1). The scope is checked first, so an enterprise outside it stays 404.
 */
export async function revealContactPhone(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  usccParam: string,
): Promise<{ contactName: string | null; phone: string | null }> {
  const uscc = normalizeIdentifier(usccParam);
  const row = await register.findEnterpriseRow(ctx.db, uscc, await enterpriseScopeOf(ctx.db, actor.user));
  if (!row) throw new AppError('NOT_FOUND', '企业不存在或不在您的数据范围内');
  if (!actor.user.canViewPersonal) throw new AppError('PERSONAL_DATA_RIGHT_REQUIRED');
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    { action: 'personal_data.view', outcome: 'success', objectType: 'enterprise.contact_phone', objectId: uscc },
    ctx.clock(),
  );
  return {
    contactName: row.contact_name,
    phone: row.contact_phone_enc ? ctx.cipher.decrypt(row.contact_phone_enc) : null,
  };
}
