import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { normalizeIdentifier } from '../../platform/identifiers/normalize.ts';
import { requireIsoDate, todayInShanghai } from '../../platform/iso-date.ts';
import * as contacts from './contacts.repository.ts';
import { contactCapOn } from './governance-parameters.ts';
import { governanceScopeOf, type SignedIn } from './governance-scope.ts';
import { requireVisibleRequest } from './requests.service.ts';

/**
 * The contact log of commissioners (无事不扰): each visit, call or online contact with an
 * assigned enterprise, with topic, outcome and follow-up date. Unsolicited contacts are capped
 * per enterprise and month by a dated parameter; a contact answering one of the enterprise's
 * requests is not counted. The enterprise sees every contact made with it.
 */

export const CONTACT_KINDS = ['visit', 'call', 'online'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  visit: '上门走访',
  call: '电话联系',
  online: '线上联系',
};

export interface ContactView {
  id: number;
  uscc: string;
  enterpriseName: string | null;
  commissionerId: number;
  commissionerName: string | null;
  kind: ContactKind;
  kindLabel: string;
  contactDate: string;
  topic: string;
  outcome: string;
  followUpDate: string | null;
  requestId: number | null;
  createdAt: string;
}

function toView(row: contacts.ContactRow): ContactView {
  return {
    id: Number(row.id),
    uscc: row.uscc,
    enterpriseName: row.enterprise_name,
    commissionerId: Number(row.commissioner_id),
    commissionerName: row.commissioner_name,
    kind: row.kind as ContactKind,
    kindLabel: CONTACT_KIND_LABELS[row.kind as ContactKind] ?? row.kind,
    contactDate: row.contact_date,
    topic: row.topic,
    outcome: row.outcome,
    followUpDate: row.follow_up_date,
    requestId: row.request_id === null ? null : Number(row.request_id),
    createdAt: row.created_at,
  };
}

/** The contacts the caller may read: a commissioner their own, an enterprise those made with it, cities their region. */
export async function listContacts(
  ctx: AppContext,
  user: CurrentUser,
  query: { uscc?: string; page?: number; pageSize?: number },
): Promise<Page<ContactView>> {
  const window = pageWindow(query);
  const { rows, total } = await contacts.listContactRows(
    ctx.db,
    await governanceScopeOf(ctx.db, user),
    query.uscc ? normalizeIdentifier(query.uscc) : undefined,
    window.offset,
    window.pageSize,
  );
  return { items: rows.map(toView), total, page: window.page, pageSize: window.pageSize };
}

/** A commissioner logs a contact with an enterprise assigned to them; over the month's cap only to answer a request. */
export async function logContact(
  ctx: AppContext,
  actor: SignedIn,
  input: {
    uscc: string;
    kind: ContactKind;
    contactDate: string;
    topic: string;
    outcome: string;
    followUpDate?: string;
    requestId?: number;
  },
): Promise<ContactView> {
  const uscc = normalizeIdentifier(input.uscc);
  const contactDate = requireIsoDate(input.contactDate, '联系日期');
  const today = todayInShanghai(ctx.clock);
  if (contactDate > today) throw new AppError('VALIDATION_FAILED', '联系日期不能晚于今天');
  if (input.followUpDate && requireIsoDate(input.followUpDate, '跟进日期') < contactDate)
    throw new AppError('VALIDATION_FAILED', '跟进日期不能早于联系日期');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const entry = await contacts.findKeyEntry(trx, uscc, { dialect: ctx.dialect });
    if (!entry || entry.commissioner_id === null || Number(entry.commissioner_id) !== actor.user.id)
      throw new AppError('NOT_FOUND', '该企业不是分配给您的挂钩企业');
    if (input.requestId !== undefined) {
      const request = await requireVisibleRequest(trx, actor.user, input.requestId);
      if (request.uscc !== uscc) throw new AppError('VALIDATION_FAILED', '所答复的诉求不是该企业提出的');
    }
    const period = contactDate.slice(0, 4) + contactDate.slice(5, 7);
    const { cap } = contactCapOn(contactDate);
    const used = await contacts.countUnsolicitedContacts(trx, uscc, period);
    if (input.requestId === undefined && used >= cap)
      throw new AppError(
        'CONTACT_CAP_REACHED',
        `无事不扰：本月已主动联系该企业 ${used} 次，达到每月 ${cap} 次的上限；如为答复企业诉求，请选择所答复的诉求`,
        { cap, used, period },
      );
    const newId = await contacts.insertContact(trx, {
      uscc,
      commissioner_id: actor.user.id,
      kind: input.kind,
      contact_date: contactDate,
      period,
      topic: input.topic.trim(),
      outcome: input.outcome.trim(),
      follow_up_date: input.followUpDate ?? null,
      request_id: input.requestId ?? null,
      created_at: ctx.clock().toISOString(),
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.contact.log',
        outcome: 'success',
        objectType: 'governance_contact',
        objectId: newId,
        details: { uscc, kind: input.kind, date: contactDate, request_id: input.requestId ?? null },
      },
      ctx.clock(),
    );
    return newId;
  });
  const { rows } = await contacts.listContactRows(
    ctx.db,
    { kind: 'assigned', commissionerId: actor.user.id },
    uscc,
    0,
    50,
  );
  return toView(rows.find((r) => Number(r.id) === id)!);
}

/** What a commissioner has to do: the assigned enterprises with open requests, due dates, alerts and this month's contacts. */
export async function myWorkload(ctx: AppContext, user: CurrentUser) {
  const today = todayInShanghai(ctx.clock);
  const period = today.slice(0, 4) + today.slice(5, 7);
  const rows = await contacts.findAssignedWorkload(ctx.db, user.id, period, today);
  const { cap, source } = contactCapOn(today);
  return {
    contactCap: cap,
    contactCapSource: source,
    items: rows.map((r) => ({
      uscc: r.uscc,
      name: r.name,
      regionCode: r.region_code,
      openRequests: toNumber(r.open_requests ?? 0),
      nextDeadline: (r.next_deadline as string | null) ?? null,
      isOverdue: r.next_deadline !== null && today > String(r.next_deadline),
      openAlerts: toNumber(r.open_alerts ?? 0),
      contactsThisMonth: toNumber(r.contacts_this_month ?? 0),
      nextFollowUp: (r.follow_up_date as string | null) ?? null,
    })),
  };
}
