import type { AppContext } from '../../app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { AppError } from '../../platform/errors.ts';
import { todayInShanghai } from '../../platform/iso-date.ts';
import type { RawCell } from '../imports/import-kind.ts';
import { analyserFor } from './analyser.ts';
import { refreshHotspots } from './hotspots.service.ts';
import { loadRegionCodes, storeMessages, type MessageRecord } from './intake.service.ts';
import { parseMessageRow } from './messages.import.ts';
import { OPINION_SETTINGS } from './opinion-settings.ts';

/** One pushed message, with the import file's columns by their English names. */
export interface PushedMessage {
  source: string;
  received_at: string;
  title: string;
  content: string;
  sender?: string | null;
  region?: string | null;
}

export interface PushResult {
  accepted: number;
  unchanged: number;
  rejected: number;
  results: {
    index: number;
    status: 'accepted' | 'unchanged' | 'rejected';
    id: number | null;
    reasons: { code: string; column: string | null; message: string }[];
  }[];
}

/**
 * HTTP intake (system exchange with an API token): each item is checked like an import row and
 * stored by the same intake; the same message pushed again is reported unchanged. The audit row
 * counts items and never holds their text.
 */
export async function pushMessages(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  items: readonly PushedMessage[],
): Promise<PushResult> {
  if (items.length > OPINION_SETTINGS.limits.push_max_items.value)
    throw new AppError('VALIDATION_FAILED', `每次至多推送 ${OPINION_SETTINGS.limits.push_max_items.value} 条留言`);
  const today = todayInShanghai(ctx.clock);
  const parsed = items.map((item) => parseMessageRow(item as unknown as Record<string, RawCell>, today));
  const valid: { index: number; record: MessageRecord }[] = [];
  parsed.forEach((p, index) => p.ok && valid.push({ index, record: p.record }));
  const analyser = await analyserFor(ctx);
  const regions = await loadRegionCodes(ctx.db);
  const results: PushResult['results'] = parsed.map((p, index) => ({
    index,
    status: 'rejected',
    id: null,
    reasons: p.ok ? [] : p.rejects,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    const outcomes = await storeMessages(
      trx,
      ctx,
      analyser,
      regions,
      valid.map((v) => v.record),
      `push:${actor.user.id}`,
    );
    outcomes.forEach((o, i) => {
      const r = results[valid[i]!.index]!;
      if (o.status === 'accepted') Object.assign(r, { status: 'accepted', id: o.id });
      else if (o.status === 'unchanged') r.status = 'unchanged';
      else r.reasons = [o.reject];
    });
    await appendAudit(
      trx,
      ctx.dialect,
      actor,
      {
        action: 'opinion.messages.push',
        outcome: 'success',
        objectType: 'opinion_message',
        details: {
          items: items.length,
          accepted: results.filter((r) => r.status === 'accepted').length,
        },
      },
      ctx.clock(),
    );
  });
  if (results.some((r) => r.status === 'accepted')) await refreshHotspots(ctx);
  const countOf = (status: string) => results.filter((r) => r.status === status).length;
  return { accepted: countOf('accepted'), unchanged: countOf('unchanged'), rejected: countOf('rejected'), results };
}
