import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { systemActor, type CurrentUser } from '../../platform/auth/current-user.ts';
import { addDays, todayInShanghai } from '../../platform/iso-date.ts';
import { regionNamesOf } from '../reference/reference.service.ts';
import { detectHotspots, type CountedMessage } from './hotspots.ts';
import { messageScopeOf } from './messages.service.ts';
import { OPINION_SETTINGS } from './opinion-settings.ts';

/**
 * Hotspot alerts: after every intake the counts of the last day and week are compared with the
 * baseline; a new hotspot is stored once per subject, window and day (audited) with the
 * messages behind it.
 */

export async function refreshHotspots(ctx: AppContext, today = todayInShanghai(ctx.clock)): Promise<number> {
  const settings = OPINION_SETTINGS.hotspot;
  const span = Math.max(...Object.values(settings.windows).map((w) => w.days + w.baseline_days));
  const since = addDays(today, -span);
  const rows = await ctx.db
    .selectFrom('opinion_messages')
    .select(['id', 'received_on', 'topic', 'handling_region_code'])
    .where('received_on', '>', since)
    .where('received_on', '<=', today)
    .execute();
  const links = await ctx.db
    .selectFrom('opinion_links as l')
    .innerJoin('opinion_messages as m', 'm.id', 'l.message_id')
    .select(['l.message_id', 'l.uscc'])
    .where('m.received_on', '>', since)
    .where('l.status', 'in', ['linked', 'confirmed'])
    .execute();
  const usccs = new Map<number, string[]>();
  for (const l of links) usccs.set(toNumber(l.message_id), [...(usccs.get(toNumber(l.message_id)) ?? []), l.uscc]);
  const messages: CountedMessage[] = rows.map((r) => ({
    id: toNumber(r.id),
    receivedOn: r.received_on,
    topic: r.topic,
    regionCode: r.handling_region_code,
    usccs: usccs.get(toNumber(r.id)) ?? [],
  }));
  const hotspots = detectHotspots(messages, today, settings);
  let raised = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const h of hotspots) {
      const key = [h.kind, h.topic ?? '', h.regionCode ?? '', h.uscc ?? '', h.window, today].join('|');
      const existing = await trx
        .selectFrom('opinion_hotspots')
        .select('id')
        .where('hotspot_key', '=', key)
        .executeTakeFirst();
      const values = { count: h.count, baseline: h.baseline, message_ids: JSON.stringify(h.messageIds) };
      if (existing) {
        await trx.updateTable('opinion_hotspots').set(values).where('id', '=', existing.id).execute();
        continue;
      }
      await trx
        .insertInto('opinion_hotspots')
        .values({
          hotspot_key: key,
          kind: h.kind,
          topic: h.topic,
          region_code: h.regionCode,
          uscc: h.uscc,
          window: h.window,
          detected_on: today,
          created_at: ctx.clock().toISOString(),
          ...values,
        })
        .execute();
      await appendAudit(
        trx,
        ctx.dialect,
        systemActor('opinion-hotspots'),
        {
          action: 'opinion.hotspot.raise',
          outcome: 'success',
          objectType: 'opinion_hotspot',
          objectId: key,
          details: { count: h.count, baseline: h.baseline },
        },
        ctx.clock(),
      );
      raised += 1;
    }
  });
  return raised;
}

export interface HotspotView {
  id: number;
  kind: string;
  topic: string | null;
  regionCode: string | null;
  regionName: string | null;
  uscc: string | null;
  enterpriseName: string | null;
  window: string;
  detectedOn: string;
  count: number;
  baseline: number;
  messageCount: number;
}

/** Recent hotspots the caller may see (a bureau its region's, a commissioner those of messages routed to them). */
export async function listHotspots(ctx: AppContext, user: CurrentUser): Promise<{ items: HotspotView[] }> {
  const scope = await messageScopeOf(ctx, user);
  const since = addDays(todayInShanghai(ctx.clock), -30);
  let q = ctx.db
    .selectFrom('opinion_hotspots as h')
    .leftJoin('enterprises as e', 'e.uscc', 'h.uscc')
    .select([
      'h.id',
      'h.kind',
      'h.topic',
      'h.region_code',
      'h.uscc',
      'h.window',
      'h.detected_on',
      'h.count',
      'h.baseline',
      'h.message_ids',
      'e.name',
    ])
    .where('h.detected_on', '>=', since);
  if (scope.kind === 'regions') q = q.where('h.region_code', 'in', scope.codes);
  const rows = await q.orderBy('h.detected_on', 'desc').orderBy('h.count', 'desc').limit(200).execute();
  let visible = rows;
  if (scope.kind === 'commissioner') {
    const mine = new Set(
      (
        await ctx.db.selectFrom('opinion_messages').select('id').where('commissioner_id', '=', scope.userId).execute()
      ).map((r) => toNumber(r.id)),
    );
    visible = rows.filter((r) => (JSON.parse(r.message_ids) as number[]).some((id) => mine.has(id)));
  }
  const names = await regionNamesOf(ctx.db, [...new Set(visible.flatMap((r) => r.region_code ?? []))]);
  return {
    items: visible.map((r) => ({
      id: toNumber(r.id),
      kind: r.kind,
      topic: r.topic,
      regionCode: r.region_code,
      regionName: r.region_code ? (names.get(r.region_code) ?? null) : null,
      uscc: r.uscc,
      enterpriseName: r.name,
      window: r.window,
      detectedOn: r.detected_on,
      count: toNumber(r.count),
      baseline: Number(r.baseline),
      messageCount: (JSON.parse(r.message_ids) as number[]).length,
    })),
  };
}
