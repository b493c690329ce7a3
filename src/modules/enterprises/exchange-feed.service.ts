import type { AppContext } from '../../app-context.ts';
import type { EnterpriseSize, Tier } from './enterprises.table.ts';
import * as exchange from './exchange.repository.ts';

/** One enterprise as the change feed gives it: the current record and its tier history, no contact data. */
export interface FeedItem {
  seq: number;
  uscc: string;
  name: string;
  tier: Tier;
  recognized_on: string;
  valid_until: string;
  region_code: string;
  city_code: string;
  industry_code: string | null;
  size: EnterpriseSize | null;
  updated_at: string;
  recognitions: { tier: Tier; recognized_on: string; valid_until: string }[];
}

/**
 * The change feed other systems pull (SPEC §2.2): changes after the cursor, each enterprise once
 * per page (at its latest change), with the cursor to ask from next. An empty page returns the
 * same cursor, so a poller simply asks again later.
 */
export async function pullEnterpriseChanges(
  ctx: AppContext,
  since: string,
  limit: number,
): Promise<{ items: FeedItem[]; next_cursor: string }> {
  const changes = await exchange.findChangesSince(ctx.db, Number(since), limit);
  if (changes.length === 0) return { items: [], next_cursor: String(Number(since)) };
  const latest = new Map<string, number>();
  for (const change of changes) latest.set(change.uscc, change.seq);
  const usccs = [...latest.keys()];
  const records = new Map((await exchange.findFeedRecords(ctx.db, usccs)).map((r) => [r.uscc, r]));
  const history = new Map<string, FeedItem['recognitions']>();
  for (const { uscc, tier, recognized_on, valid_until } of await exchange.findFeedRecognitions(ctx.db, usccs)) {
    history.set(uscc, [...(history.get(uscc) ?? []), { tier, recognized_on, valid_until }]);
  }
  const items = [...latest.entries()]
    .sort(([, a], [, b]) => a - b)
    .flatMap(([uscc, seq]) => {
      const record = records.get(uscc);
      if (!record) return [];
      return [{ seq, ...record, recognitions: history.get(uscc) ?? [] }];
    });
  return { items, next_cursor: String(changes.at(-1)!.seq) };
}
