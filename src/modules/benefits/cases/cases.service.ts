import { identitiesOfCase } from '../../policy/records/benefit-records.ts';
import { findPolicyInForce } from '../../policy/catalogue/catalogue.service.ts';
import type { AppContext } from '../../../app-context.ts';
import { toNumber } from '../../../db/convert.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { refreshCalendar } from '../../reference/calendar-store.ts';
import { pageWindow } from '../../../platform/http/schemas.ts';
import { formatYuan } from '../../../policies/values.ts';
import { maskedAccountOf } from '../applications/bank-account.ts';
import { caseScopeOf, todayOf } from './case-scope.ts';
import { CASE_STATE_LABELS, type CaseState } from './case-states.ts';
import { countOverdueByRegion, findCaseEvents, findCases, type CaseFilters } from './cases.repository.ts';
import { visibleCase } from './confirm.service.ts';
import { reviewClockOf } from './review-clock.ts';

/** Reading cases: the scoped list with filters, one case with its explanation, clock and history. */

type CaseRow = Awaited<ReturnType<typeof findCases>>['rows'][number];

function caseView(row: CaseRow, today: string) {
  const amount = toNumber(row.amount_fen);
  const clock =
    row.state === 'confirmed' && row.review_started_on && row.review_deadline
      ? reviewClockOf(row.review_started_on, row.review_deadline, today)
      : null;
  return {
    id: toNumber(row.id),
    policy: row.policy_code,
    period: row.period,
    uscc: row.uscc,
    enterprise_name: row.enterprise_name,
    region_code: row.region_code,
    city_code: row.city_code,
    state: row.state,
    state_label: CASE_STATE_LABELS[row.state as CaseState] ?? row.state,
    amount_fen: amount,
    amount_yuan: formatYuan(amount),
    rerun_amount_fen: row.rerun_amount_fen === null ? null : toNumber(row.rerun_amount_fen),
    is_amount_changed: toNumber(row.is_amount_changed) === 1,
    awaiting_declaration: toNumber(row.awaiting_declaration),
    reason: row.reason,
    publicity_from: row.publicity_from,
    publicity_until: row.publicity_until,
    is_publicity_provisional: toNumber(row.publicity_until_provisional) === 1,
    review_clock: clock,
    run_id: toNumber(row.run_id),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export interface CaseQuery extends Omit<CaseFilters, 'overdueBefore'> {
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/** A page of the cases the caller may see. */
export async function listCases(ctx: AppContext, user: CurrentUser, query: CaseQuery) {
  const { page, pageSize, offset } = pageWindow(query);
  await refreshCalendar(ctx.db);
  const { today } = todayOf(ctx.clock);
  const filters: CaseFilters = { ...query, ...(query.overdue ? { overdueBefore: today } : {}) };
  const { rows, total } = await findCases(ctx.db, await caseScopeOf(ctx.db, user), filters, offset, pageSize);
  return { items: rows.map((row) => caseView(row, today)), total, page, pageSize };
}

/** One case with its explanation, bank account (masked but the tail), clock and history. */
export async function getCase(ctx: AppContext, user: CurrentUser, id: number) {
  const row = await visibleCase(ctx.db, user, id);
  await refreshCalendar(ctx.db);
  const events = await findCaseEvents(ctx.db, id);
  const identity = (await findPolicyInForce(ctx.db, row.policy_code)).policy.benefitIdentity;
  return {
    ...caseView(row, todayOf(ctx.clock).today),
    explanation: JSON.parse(row.explanation) as string[],
    bank: row.bank_name
      ? {
          bank_name: row.bank_name,
          bank_account: maskedAccountOf(row.bank_account_tail),
          account_holder: row.account_holder,
        }
      : null,
    history: events.map((e) => ({ from: e.from_state, to: e.to_state, actor: e.actor_name, note: e.note, at: e.at })),
    duplicate_of: row.duplicate_of === null ? null : toNumber(row.duplicate_of),
    benefit_identity: {
      label: identity.label,
      note: identity.note ?? null,
      held: (await identitiesOfCase(ctx.db, id)).length,
    },
  };
}

/** Overdue reviews per city, provisional deadlines counted like the others and also shown apart, for the province or a city. */
export async function listOverdueByRegion(ctx: AppContext, user: CurrentUser) {
  await refreshCalendar(ctx.db);
  const { today } = todayOf(ctx.clock);
  const rows = await countOverdueByRegion(ctx.db, await caseScopeOf(ctx.db, user), today);
  const items = rows
    .sort((a, b) => a.city_code.localeCompare(b.city_code))
    .map((r) => ({ city_code: r.city_code, overdue: r.n, provisional: r.provisional }));
  return { today, items };
}
