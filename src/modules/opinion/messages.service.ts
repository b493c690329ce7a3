import type { AppContext } from '../../app-context.ts';
import { toNumber } from '../../db/convert.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../platform/auth/current-user.ts';
import { maskPersonalDataInText } from '../../platform/crypto/masking.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow, type Page } from '../../platform/http/schemas.ts';
import { todayInShanghai, toDayNumber } from '../../platform/iso-date.ts';
import { regionNamesOf, regionScopeCodes } from '../reference/reference.service.ts';
import { buildClassifier } from './classify.ts';
import { loadTopicRules } from './opinion-rules.ts';
import * as repo from './opinion.repository.ts';

/**
 * Reading and handling messages (研处). A message is shown whole only to its handling office —
 * the city or county bureau it is routed to and the enterprise's commissioner; everyone else
 * sees ID and phone numbers masked and no sender. Each whole view is audited.
 */

type SignedIn = Actor & { user: CurrentUser };
const classifier = buildClassifier(loadTopicRules());

export interface LinkView {
  id: number;
  uscc: string;
  name: string;
  alias: string;
  status: string;
}

export interface MessageSummary {
  id: number;
  source: string;
  receivedAt: string;
  title: string;
  topic: string;
  tone: string;
  state: string;
  regionCode: string | null;
  regionName: string | null;
  deadline: string | null;
  ageDays: number;
  isOverdue: boolean;
  links: LinkView[];
}

export interface Highlight {
  start: number;
  end: number;
  kind: 'enterprise' | 'ambiguous' | 'topic' | 'negative' | 'positive';
  label: string;
}

export interface MessageDetail extends MessageSummary {
  content: string;
  sender: string | null;
  reply: string | null;
  isWhole: boolean;
  canHandle: boolean;
  highlights: Highlight[];
  rulesVersion: string;
}

/** The messages a caller may see (SPEC §1): province all, a bureau its region, a commissioner theirs. */
export async function messageScopeOf(ctx: AppContext, user: CurrentUser): Promise<repo.MessageScope> {
  if (user.role === 'province_hrss') return { kind: 'all' };
  if (user.role === 'city_hrss' && user.regionCode)
    return { kind: 'regions', codes: await regionScopeCodes(ctx.db, user.regionCode) };
  if (user.role === 'commissioner') return { kind: 'commissioner', userId: user.id };
  throw new AppError('FORBIDDEN', '无权查看舆情留言');
}

function isHandlingOffice(user: CurrentUser, scope: repo.MessageScope, row: repo.MessageRow): boolean {
  if (user.role === 'commissioner') return row.commissioner_id !== null && toNumber(row.commissioner_id) === user.id;
  if (user.role === 'city_hrss' && scope.kind === 'regions')
    return row.handling_region_code !== null && scope.codes.includes(row.handling_region_code);
  return false;
}

function inScope(scope: repo.MessageScope, row: repo.MessageRow): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'commissioner')
    return row.commissioner_id !== null && toNumber(row.commissioner_id) === scope.userId;
  return row.handling_region_code !== null && scope.codes.includes(row.handling_region_code);
}

function summarise(
  ctx: AppContext,
  row: repo.MessageRow,
  whole: boolean,
  links: LinkView[],
  regionNames: Map<string, string>,
  today: string,
): MessageSummary {
  const title = ctx.cipher.decrypt(row.title_enc);
  const end = row.closed_at ? row.closed_at.slice(0, 10) : today;
  return {
    id: toNumber(row.id),
    source: row.source,
    receivedAt: row.received_at,
    title: whole ? title : maskPersonalDataInText(title),
    topic: row.topic,
    tone: row.tone,
    state: row.state,
    regionCode: row.handling_region_code,
    regionName: row.handling_region_code ? (regionNames.get(row.handling_region_code) ?? null) : null,
    deadline: row.deadline,
    ageDays: Math.max(0, toDayNumber(end) - toDayNumber(row.received_on)),
    isOverdue: row.state !== 'closed' && row.state !== 'replied' && row.deadline !== null && row.deadline < today,
    links,
  };
}

async function linkViews(ctx: AppContext, ids: number[]): Promise<Map<number, LinkView[]>> {
  const byMessage = new Map<number, LinkView[]>();
  for (const l of await repo.findLinksOf(ctx.db, ids)) {
    const list = byMessage.get(toNumber(l.message_id)) ?? [];
    list.push({ id: toNumber(l.id), uscc: l.uscc, name: l.name, alias: l.alias, status: l.status });
    byMessage.set(toNumber(l.message_id), list);
  }
  return byMessage;
}

export interface MessageQuery {
  page?: number;
  pageSize?: number;
  topic?: string;
  tone?: string;
  region?: string;
  state?: string;
  source?: string;
  uscc?: string;
  hotspot?: number;
}

/** A page of messages with topic, tone, region, state and source filters; titles masked outside the handling office. */
export async function listMessages(
  ctx: AppContext,
  user: CurrentUser,
  query: MessageQuery,
): Promise<Page<MessageSummary>> {
  const scope = await messageScopeOf(ctx, user);
  const { page, pageSize, offset } = pageWindow(query);
  let ids: number[] | undefined;
  if (query.hotspot !== undefined) {
    const hotspot = await ctx.db
      .selectFrom('opinion_hotspots')
      .select('message_ids')
      .where('id', '=', query.hotspot)
      .executeTakeFirst();
    ids = hotspot ? (JSON.parse(hotspot.message_ids) as number[]) : [];
  }
  const { rows, total } = await repo.findMessagesPage(
    ctx.db,
    scope,
    {
      ...(query.topic ? { topic: query.topic } : {}),
      ...(query.tone ? { tone: query.tone } : {}),
      ...(query.state ? { state: query.state } : {}),
      ...(query.source ? { source: query.source } : {}),
      ...(query.uscc ? { uscc: query.uscc } : {}),
      ...(query.region ? { region: await regionScopeCodes(ctx.db, query.region) } : {}),
      ...(ids ? { ids } : {}),
    },
    { limit: pageSize, offset },
  );
  const links = await linkViews(
    ctx,
    rows.map((r) => toNumber(r.id)),
  );
  const names = await regionNamesOf(ctx.db, [...new Set(rows.flatMap((r) => r.handling_region_code ?? []))]);
  const today = todayInShanghai(ctx.clock);
  return {
    items: rows.map((r) =>
      summarise(ctx, r, isHandlingOffice(user, scope, r), links.get(toNumber(r.id)) ?? [], names, today),
    ),
    total,
    page,
    pageSize,
  };
}

function highlightsOf(content: string, links: LinkView[]): Highlight[] {
  const spans: Highlight[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    if (l.status === 'rejected' || seen.has(l.alias)) continue;
    seen.add(l.alias);
    const kind = l.status === 'ambiguous' ? 'ambiguous' : 'enterprise';
    for (let at = content.indexOf(l.alias); at >= 0; at = content.indexOf(l.alias, at + l.alias.length))
      spans.push({ start: at, end: at + l.alias.length, kind, label: kind === 'enterprise' ? l.name : l.alias });
  }
  for (const h of classifier.classify(content).hits) {
    if (spans.some((s) => s.start < h.end && h.start < s.end)) continue;
    const kind = h.counts === 'negative' || h.counts === 'positive' ? h.counts : 'topic';
    spans.push({ start: h.start, end: h.end, kind, label: h.counts });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** One message with its matches highlighted; the whole text (and the sender, with the personal-data right) for the handling office, audited. */
export async function getMessage(ctx: AppContext, actor: SignedIn, id: number): Promise<MessageDetail> {
  const scope = await messageScopeOf(ctx, actor.user);
  const row = await repo.findMessage(ctx.db, id);
  if (!row || !inScope(scope, row)) throw new AppError('NOT_FOUND', '没有该留言');
  const whole = isHandlingOffice(actor.user, scope, row);
  const links = (await linkViews(ctx, [id])).get(id) ?? [];
  const names = await regionNamesOf(ctx.db, row.handling_region_code ? [row.handling_region_code] : []);
  const rawContent = ctx.cipher.decrypt(row.content_enc);
  const content = whole ? rawContent : maskPersonalDataInText(rawContent);
  const sender = row.sender_enc ? ctx.cipher.decrypt(row.sender_enc) : null;
  const reply = row.reply_enc ? ctx.cipher.decrypt(row.reply_enc) : null;
  if (whole)
    await appendAudit(
      ctx.db,
      ctx.dialect,
      actor,
      { action: 'opinion.message.view', outcome: 'success', objectType: 'opinion_message', objectId: String(id) },
      ctx.clock(),
    );
  return {
    ...summarise(ctx, row, whole, links, names, todayInShanghai(ctx.clock)),
    content,
    sender: sender === null ? null : whole && actor.user.canViewPersonal ? sender : maskName(sender),
    reply: reply === null ? null : whole ? reply : maskPersonalDataInText(reply),
    isWhole: whole,
    canHandle: whole,
    highlights: highlightsOf(content, links),
    rulesVersion: row.rules_version,
  };
}

/** 张三丰 → 张**. */
function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export interface OpenRegionRow {
  regionCode: string | null;
  regionName: string | null;
  pending: number;
  processing: number;
  replied: number;
  overdue: number;
  ages: { upTo3: number; upTo10: number; upTo30: number; over30: number };
}

/** Open items (not 已办结) by handling region, state and age in days. */
export async function listOpenItems(ctx: AppContext, user: CurrentUser): Promise<{ items: OpenRegionRow[] }> {
  const scope = await messageScopeOf(ctx, user);
  const rows = await repo.findOpenByRegion(ctx.db, scope);
  const today = todayInShanghai(ctx.clock);
  const byRegion = new Map<string, OpenRegionRow>();
  for (const r of rows) {
    const key = r.handling_region_code ?? '';
    let entry = byRegion.get(key);
    if (!entry)
      byRegion.set(
        key,
        (entry = {
          regionCode: r.handling_region_code,
          regionName: null,
          pending: 0,
          processing: 0,
          replied: 0,
          overdue: 0,
          ages: { upTo3: 0, upTo10: 0, upTo30: 0, over30: 0 },
        }),
      );
    if (r.state === 'pending' || r.state === 'processing' || r.state === 'replied') entry[r.state] += 1;
    if (r.state !== 'replied' && r.deadline !== null && r.deadline < today) entry.overdue += 1;
    const age = toDayNumber(today) - toDayNumber(r.received_on);
    const bucket = age <= 3 ? 'upTo3' : age <= 10 ? 'upTo10' : age <= 30 ? 'upTo30' : 'over30';
    entry.ages[bucket] += 1;
  }
  const names = await regionNamesOf(ctx.db, [...byRegion.keys()].filter(Boolean));
  const items = [...byRegion.values()].map((e) => ({
    ...e,
    regionName: e.regionCode ? (names.get(e.regionCode) ?? null) : null,
  }));
  items.sort((a, b) => (a.regionCode ?? '~').localeCompare(b.regionCode ?? '~'));
  return { items };
}
