import { warmDashboard } from '../indicators/warm-dashboard.ts';
import { sql } from 'kysely';
import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/current-user.ts';
import { addDays, todayInShanghai } from '../../../platform/iso-date.ts';
import { expiryWarningSetting } from '../../enterprises/recognition-validity.ts';
import { NATURAL_ATTRITION_CODES } from '../../workforce/leave-reasons.ts';
import { isPeriod, periodToIndex } from '../../workforce/periods.ts';
import { rebuildAbsorbedPersons } from './absorbed.repository.ts';
import { highSkillLevels, seniorTitleLevels } from '../../skills/talent/correspondence.ts';
import {
  insertContributionStopAlerts,
  insertExpiryAlerts,
  insertMassLayoffAlerts,
} from './alerts-detect.repository.ts';
import { insertEnterpriseMonths, insertSeparationsByReason } from './enterprise-months.repository.ts';
import * as repo from './refresh.repository.ts';
import { forgetAggregates } from '../result-cache.ts';
import { monthEnd, monthsBetween, periodOfDay } from '../report-period.ts';
import { alertThresholds, planTargets } from '../targets.ts';

export interface RefreshOptions {
  /** Rewrite only these months (e.g. the month just imported and the next); all when absent. */
  periods?: readonly number[];
}

export interface RefreshSummary {
  rangeFrom: number;
  rangeTo: number;
  dataThrough: number | null;
  /** The months rewritten, or null when all were. */
  periods: number[] | null;
  statsRows: number;
  absorbedPersons: number;
  alertsCreated: number;
  seconds: number;
}

// One refresh at a time per PostgreSQL database (SQLite has a single writer anyway).
const REFRESH_LOCK_KEY = 7_301_024;

/**
 * Rebuilds the monitoring pre-aggregates from the register and the workforce data, then
 * detects alerts — in one transaction, so readers see the old figures or the new, never a
 * half-built table. Call it after every import (the import kind's afterImport hook) and from
 * `yangfan kpi --refresh`. With `periods`, only those months' enterprise rows are rewritten;
 * the absorbed persons are always rebuilt (an earlier hire may move a person's first month).
 */
export async function refreshMonitoringAggregates(
  ctx: AppContext,
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  const startedAt = ctx.clock();
  const window = planTargets().window;
  const summary = await ctx.db.transaction().execute(async (trx) => {
    if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(REFRESH_LOCK_KEY)})`.execute(trx);
    const extent = await repo.findDataExtent(trx);
    const range = aggregateRange(extent, window, periodOfDay(todayInShanghai(ctx.clock)));
    const months = monthsBetween(range.from, range.to);
    const periods = await prepareCalendar(trx, months, options.periods);
    const isPostgres = ctx.dialect === 'postgres';
    await rebuildEnterpriseMonths(trx, isPostgres, range.from, periods);
    const absorbedPersons = await rebuildAbsorbedPersons(trx, window, {
      highSkillLevels: highSkillLevels(),
      seniorTitleLevels: seniorTitleLevels(),
    });
    if (isPostgres) await repo.analyzeTables(trx, ['absorbed_persons', 'enterprise_month_separations']);
    const alertsCreated = await detectAlertsIn(trx, ctx.clock());
    const statsRows = await repo.countRows(trx, 'enterprise_month_stats');
    const entry = {
      startedAt: startedAt.toISOString(),
      finishedAt: ctx.clock().toISOString(),
      rangeFrom: range.from,
      rangeTo: range.to,
      dataThrough: extent.through,
      periods: periods ?? null,
      statsRows,
      absorbedPersons,
      alertsCreated,
    };
    await repo.insertRefreshLog(trx, entry);
    return entry;
  });
  forgetAggregates(ctx.db);
  const { startedAt: _s, finishedAt: _f, ...rest } = summary;
  const seconds = Math.round((ctx.clock().getTime() - startedAt.getTime()) / 100) / 10;
  // The first dashboard answers after a refresh are computed now, not by the first official to ask.
  await warmDashboard(ctx);
  return { ...rest, seconds };
}

/**
 * The months the aggregates cover: from the plan window's start (or earlier data) to the
 * latest month with data; with no data yet, the window up to the current month.
 */
export function aggregateRange(
  extent: repo.DataExtent,
  window: { from: number; to: number },
  currentPeriod: number,
): { from: number; to: number } {
  const from = Math.min(window.from, extent.from ?? window.from);
  const fallback = Math.max(window.from, Math.min(window.to, currentPeriod));
  const to = Math.max(from, extent.through ?? fallback);
  return { from, to };
}

// A different calendar (new data earlier or later) invalidates every running sum: rebuild all.
async function prepareCalendar(
  db: Db,
  months: number[],
  asked: readonly number[] | undefined,
): Promise<number[] | undefined> {
  const stored = await repo.findStoredMonths(db);
  const isSameCalendar = stored.length === months.length && stored.every((p, i) => p === months[i]);
  if (!isSameCalendar) {
    await repo.replaceMonths(
      db,
      months.map((p) => ({ period: p, monthIndex: periodToIndex(p), monthEnd: monthEnd(p) })),
    );
    return undefined;
  }
  if (!asked) return undefined;
  const wanted = new Set(asked.filter((p) => isPeriod(p)));
  return months.filter((p) => wanted.has(p));
}

const SOURCE_TABLES = [
  'enterprises',
  'enterprise_recognitions',
  'employment_spells',
  'roster_periods',
  'contributions',
  'graduates',
  'skill_certificates',
  'professional_titles',
];

async function rebuildEnterpriseMonths(
  db: Db,
  isPostgres: boolean,
  rangeFrom: number,
  periods: number[] | undefined,
): Promise<void> {
  if (isPostgres) await repo.analyzeTables(db, SOURCE_TABLES);
  await repo.clearEnterpriseMonths(db, periods);
  await insertEnterpriseMonths(db, rangeFrom, periods, NATURAL_ATTRITION_CODES);
  if (isPostgres) await repo.analyzeTables(db, ['enterprise_month_stats']);
  await insertSeparationsByReason(db, periods);
}

/**
 * After the bank's payment results are imported. Paid benefits are read live from the ledger,
 * so nothing is rebuilt: this process only stops trusting its remembered state, so its next
 * answer counts the new payments (other processes notice the ledger's change within a second).
 */
export function notePaymentsSettled(ctx: AppContext): void {
  forgetAggregates(ctx.db);
}

/** A refresh asked for by an official, audited. */
export async function refreshAggregatesFor(ctx: AppContext, actor: Actor): Promise<RefreshSummary> {
  const summary = await refreshMonitoringAggregates(ctx);
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    { action: 'monitoring.refresh', outcome: 'success', details: { ...summary } },
    ctx.clock(),
  );
  return summary;
}

/** Detects the three kinds of alerts from the current aggregates; returns how many are new. */
export async function detectAlerts(ctx: AppContext): Promise<number> {
  return ctx.db.transaction().execute((trx) => detectAlertsIn(trx, ctx.clock()));
}

async function detectAlertsIn(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const today = todayInShanghai(() => now);
  const thresholds = alertThresholds();
  const layoffs = await insertMassLayoffAlerts(
    db,
    { people: thresholds.layoffPeople, percent: thresholds.layoffSharePercent },
    at,
  );
  const expiring = await insertExpiryAlerts(db, today, addDays(today, expiryWarningSetting().value), at);
  const stopped = await insertContributionStopAlerts(db, at);
  return layoffs + expiring + stopped;
}
