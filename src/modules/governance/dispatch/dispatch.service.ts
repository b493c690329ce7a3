import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { addWorkdaysProvisional } from '../../../platform/calendar.ts';
import { AppError } from '../../../platform/errors.ts';
import { isIsoDate, todayInShanghai } from '../../../platform/iso-date.ts';
import { PROVINCE_ROLES } from '../../../platform/roles.ts';
import { rankRegions } from '../../monitoring/indicators/ranking.service.ts';
import { noticeRoundOpened } from '../deadline-notices.ts';
import type { SignedIn } from '../governance-scope.ts';
import { dispatchDeadlineWorkdays, dispatchItems, type DispatchItem } from './dispatch-form.ts';
import * as dispatch from './dispatch.repository.ts';

/**
 * 调度 rounds (notice 三（一）): the province opens a round for a period; the form's indicator items are
 * pre-filled per city from the monitoring module's rankings (its public service), the rest is free
 * text; each of the sixteen units (13 cities, 昆山, 泰兴, 沭阳) returns it by the deadline (working
 * days on the official calendar); late and missing returns are listed; the summary is exported.
 */

export type Answer = number | string | null;
type Units = { code: string; name: string }[];
interface Prefill {
  units: Units;
  values: Record<string, Record<string, number | null>>;
}

export type UnitStatus = 'on_time' | 'late' | 'missing' | 'overdue';
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  on_time: '按时报送',
  late: '逾期报送',
  missing: '未报送',
  overdue: '逾期未报',
};

/** The figures the system has for each unit and indicator item, from monitoring's rankings of the period. */
async function prefillFor(ctx: AppContext, period: string, items: DispatchItem[]): Promise<Prefill> {
  const values: Record<string, Record<string, number | null>> = {};
  let units: Units = [];
  for (const item of items) {
    if (!item.indicator) continue;
    const ranking = await rankRegions(ctx, { indicator: item.indicator, period }, null);
    if (units.length === 0)
      units = [...ranking.rows].sort((a, b) => (a.code < b.code ? -1 : 1)).map((r) => ({ code: r.code, name: r.name }));
    for (const row of ranking.rows) (values[row.code] ??= {})[item.key] = row.value;
  }
  return { units, values };
}

function roundView(
  row: dispatch.RoundRow,
  returns: Awaited<ReturnType<typeof dispatch.listReturnRows>>,
  today: string,
  only?: string,
) {
  const prefill = JSON.parse(row.prefill) as Prefill;
  const items = JSON.parse(row.items) as DispatchItem[];
  const isPastDeadline = today > row.deadline;
  const units = prefill.units
    .filter((u) => !only || u.code === only)
    .map((unit) => {
      const found = returns.find((r) => Number(r.round_id) === Number(row.id) && r.region_code === unit.code);
      const status: UnitStatus = found
        ? Number(found.is_late) === 1
          ? 'late'
          : 'on_time'
        : isPastDeadline
          ? 'overdue'
          : 'missing';
      return {
        code: unit.code,
        name: unit.name,
        prefill: prefill.values[unit.code] ?? {},
        answers: found ? (JSON.parse(found.answers) as Record<string, Answer>) : null,
        submittedAt: found?.submitted_at ?? null,
        submittedByName: found?.submitted_by_name ?? null,
        status,
        statusLabel: UNIT_STATUS_LABELS[status],
      };
    });
  return {
    id: Number(row.id),
    title: row.title,
    period: row.period,
    deadline: row.deadline,
    isDeadlineProvisional: Number(row.deadline_provisional) === 1,
    state: row.state,
    openedAt: row.opened_at,
    openedByName: row.opened_by_name,
    items,
    units,
    submitted: units.filter((u) => u.answers !== null).length,
    late: units.filter((u) => u.status === 'late' || u.status === 'overdue').map((u) => u.name),
  };
}
export type RoundView = ReturnType<typeof roundView>;

function ownUnitOf(user: CurrentUser): string | undefined {
  return PROVINCE_ROLES.includes(user.role) ? undefined : (user.regionCode ?? '');
}

/** Every round, each with the caller's units (a city its own) and their status. */
export async function listRounds(ctx: AppContext, user: CurrentUser) {
  const rounds = await dispatch.listRoundRows(ctx.db);
  const returns = await dispatch.listReturnRows(
    ctx.db,
    rounds.map((r) => Number(r.id)),
  );
  const today = todayInShanghai(ctx.clock);
  return { items: rounds.map((r) => roundView(r, returns, today, ownUnitOf(user))) };
}

export async function getRound(ctx: AppContext, user: CurrentUser, id: number): Promise<RoundView> {
  const row = await dispatch.findRoundRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '调度不存在');
  const returns = await dispatch.listReturnRows(ctx.db, [id]);
  return roundView(row, returns, todayInShanghai(ctx.clock), ownUnitOf(user));
}

/** The province opens a round for a period; the deadline is the given date or the default working days from today. */
export async function openRound(
  ctx: AppContext,
  actor: SignedIn,
  input: { title: string; period: string; deadline?: string | null },
): Promise<RoundView> {
  const today = todayInShanghai(ctx.clock);
  let deadline = input.deadline ?? null;
  let isProvisional = false;
  if (deadline) {
    if (!isIsoDate(deadline) || deadline < today)
      throw new AppError('VALIDATION_FAILED', '截止日期须为今天或以后的真实日期');
  } else {
    const answer = addWorkdaysProvisional(today, dispatchDeadlineWorkdays().days);
    deadline = answer.value;
    isProvisional = answer.provisionalYears.length > 0;
  }
  const items = dispatchItems();
  const prefill = await prefillFor(ctx, input.period, items);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock().toISOString();
    const newId = await dispatch.insertRound(trx, {
      title: input.title.trim(),
      period: input.period,
      items: JSON.stringify(items),
      prefill: JSON.stringify(prefill),
      deadline: deadline!,
      deadline_provisional: isProvisional ? 1 : 0,
      state: 'open',
      opened_at: at,
      opened_by: actor.user.id,
    });
    await noticeRoundOpened(
      trx,
      { id: newId, title: input.title.trim(), period: input.period, deadline: deadline!, units: prefill.units },
      at,
    );
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.dispatch.open',
        outcome: 'success',
        objectType: 'dispatch_round',
        objectId: newId,
        details: { period: input.period, deadline, units: prefill.units.length },
      },
      ctx.clock(),
    );
    return newId;
  });
  return getRound(ctx, actor.user, id);
}

/** A city returns its form (again replaces; after the deadline it is marked late); refused once the round is closed. */
export async function submitReturn(
  ctx: AppContext,
  actor: SignedIn,
  id: number,
  answers: Record<string, Answer>,
): Promise<RoundView> {
  const row = await dispatch.findRoundRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '调度不存在');
  if (row.state !== 'open') throw new AppError('CONFLICT', '该调度已结束，不能再报送');
  const unit = actor.user.regionCode ?? '';
  const prefill = JSON.parse(row.prefill) as Prefill;
  if (!prefill.units.some((u) => u.code === unit))
    throw new AppError('FORBIDDEN', '本账号的地区不是调度对象（设区市或昆山市、泰兴市、沭阳县）');
  const items = JSON.parse(row.items) as DispatchItem[];
  const kept: Record<string, Answer> = {};
  for (const item of items) {
    const value = answers[item.key];
    if (item.indicator) {
      if (value !== null && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value)))
        throw new AppError('VALIDATION_FAILED', `「${item.label}」应填数字`);
      kept[item.key] = value ?? null;
    } else {
      if (typeof value !== 'string' || !value.trim())
        throw new AppError('VALIDATION_FAILED', `请填写「${item.label}」`);
      kept[item.key] = value.trim().slice(0, 4000);
    }
  }
  const today = todayInShanghai(ctx.clock);
  const isLate = today > row.deadline;
  await ctx.db.transaction().execute(async (trx) => {
    await dispatch.upsertReturn(trx, {
      round_id: id,
      region_code: unit,
      answers: JSON.stringify(kept),
      submitted_at: ctx.clock().toISOString(),
      submitted_by: actor.user.id,
      is_late: isLate ? 1 : 0,
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'governance.dispatch.return',
        outcome: 'success',
        objectType: 'dispatch_round',
        objectId: id,
        details: { region: unit, is_late: isLate },
      },
      ctx.clock(),
    );
  });
  return getRound(ctx, actor.user, id);
}

/** The province closes a round: no more returns. */
export async function closeRound(ctx: AppContext, actor: SignedIn, id: number): Promise<RoundView> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await dispatch.closeRound(trx, id))) throw new AppError('CONFLICT', '调度不存在或已结束');
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      { action: 'governance.dispatch.close', outcome: 'success', objectType: 'dispatch_round', objectId: id },
      ctx.clock(),
    );
  });
  return getRound(ctx, actor.user, id);
}
