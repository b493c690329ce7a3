import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../app-context.ts';
import { testDialects } from '../../../test/dialects.ts';
import { computeIndicators } from './indicators.service.ts';
import { createMonitoringTestContext } from '../monitoring.fixtures.ts';
import { buildMonitoringWorld } from '../monitoring.world.ts';
import { rankRegions } from './ranking.service.ts';
import { refreshMonitoringAggregates } from '../refresh/refresh.service.ts';
import { computeTrend } from './trend.service.ts';

/** SQLite and PostgreSQL give the same indicator objects for the same data (only the refresh time differs). */
describe('monitoring on both databases', () => {
  const hasBoth = testDialects().includes('postgres');

  it.skipIf(!hasBoth)('computes identical indicators, trends and rankings', async () => {
    const results = [];
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const { ctx, close } = await createMonitoringTestContext(dialect);
      try {
        await buildMonitoringWorld(ctx);
        await refreshMonitoringAggregates(ctx);
        results.push(await everything(ctx));
      } finally {
        await close();
      }
    }
    expect(results[1]).toEqual(results[0]);
  });

  async function everything(ctx: AppContext) {
    const queries = [
      { period: 'plan' },
      { period: '202404' },
      { period: '2024Q1', region: '320500' },
      { period: '2024', tier: 'srdi' as const, industry: 'manufacturing' },
    ];
    const reports = [];
    for (const query of queries) {
      const { refreshed_at: _refreshedAt, ...report } = await computeIndicators(ctx, query, null);
      reports.push(report, await computeTrend(ctx, query, null));
    }
    reports.push(await rankRegions(ctx, { indicator: 'absorbed_graduate_share', period: 'plan' }, null));
    return reports;
  }
});
