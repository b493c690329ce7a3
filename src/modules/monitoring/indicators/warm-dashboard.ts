import type { AppContext } from '../../../app-context.ts';
import { currentAggregates } from '../result-cache.ts';
import { computeIndicators } from './indicators.service.ts';

/**
 * Computes the province dashboard's heaviest first answers — 指标 for the plan window and for the
 * latest month with data — into this process's result cache, so that the first official after a
 * refresh or a start reads them instead of waiting for them. Other views are computed on their
 * first request, as before. A failure is reported and never stops the caller.
 */
export async function warmDashboard(ctx: AppContext): Promise<void> {
  try {
    const aggregates = await currentAggregates(ctx.db);
    if (aggregates.generation === 0) return;
    await computeIndicators(ctx, { period: 'plan' }, null);
    if (aggregates.dataThrough) await computeIndicators(ctx, { period: String(aggregates.dataThrough) }, null);
  } catch (error) {
    process.stderr.write(`监测看板预热失败：${(error as Error)?.message ?? String(error)}\n`);
  }
}
