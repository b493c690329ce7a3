import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type {
  CampaignKind,
  RecruitmentCampaignEventTable,
  RecruitmentCampaignHireTable,
  RecruitmentCampaignTable,
} from './campaigns.table.ts';

/** The campaigns an official sees: the province all, a city its own. */
export type CampaignScope = { kind: 'province' } | { kind: 'city'; cityCode: string };

export interface CampaignFilter {
  year?: number;
  kind?: CampaignKind;
}

function scoped(db: Db, scope: CampaignScope, filter: CampaignFilter = {}) {
  let q = db.selectFrom('recruitment_campaigns as c').leftJoin('regions as r', 'r.code', 'c.region_code');
  if (scope.kind === 'city') q = q.where('c.region_code', '=', scope.cityCode);
  if (filter.year) q = q.where('c.year', '=', filter.year);
  if (filter.kind) q = q.where('c.kind', '=', filter.kind);
  return q;
}

const COLUMNS = [
  'c.id',
  'c.kind',
  'c.name',
  'c.year',
  'c.region_code',
  'c.organiser',
  'c.summary',
  'c.enterprises',
  'c.postings',
  'c.seekers',
  'c.intentions',
  'c.updated_at',
  'r.name as region_name',
] as const;

export async function listCampaigns(
  db: Db,
  scope: CampaignScope,
  filter: CampaignFilter & { limit: number; offset: number },
) {
  const q = scoped(db, scope, filter);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(COLUMNS)
    .orderBy('c.year', 'desc')
    .orderBy('c.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function findCampaign(db: Db, scope: CampaignScope, id: number) {
  return scoped(db, scope).select(COLUMNS).where('c.id', '=', id).executeTakeFirst();
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export async function insertCampaign(db: Db, row: Insertable<RecruitmentCampaignTable>): Promise<number> {
  const inserted = await db.insertInto('recruitment_campaigns').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateCampaignRow(db: Db, id: number, row: Updateable<RecruitmentCampaignTable>) {
  await db.updateTable('recruitment_campaigns').set(row).where('id', '=', id).execute();
}

export async function replaceEvents(
  db: Db,
  campaignId: number,
  events: Omit<Insertable<RecruitmentCampaignEventTable>, 'campaign_id'>[],
) {
  await db.deleteFrom('recruitment_campaign_events').where('campaign_id', '=', campaignId).execute();
  if (events.length > 0)
    await db
      .insertInto('recruitment_campaign_events')
      .values(events.map((e) => ({ ...e, campaign_id: campaignId })))
      .execute();
}

export async function listEvents(db: Db, campaignIds: readonly number[]) {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('recruitment_campaign_events')
    .selectAll()
    .where('campaign_id', 'in', campaignIds)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

export async function countHires(db: Db, campaignIds: readonly number[]) {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('recruitment_campaign_hires')
    .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', 'in', campaignIds)
    .groupBy('campaign_id')
    .execute();
}

export async function listHires(db: Db, campaignId: number) {
  return db
    .selectFrom('recruitment_campaign_hires as h')
    .leftJoin('enterprises as e', 'e.uscc', 'h.uscc')
    .select(['h.id', 'h.uscc', 'e.name as enterprise_name', 'h.name_enc', 'h.home_province_code', 'h.hired_on'])
    .where('h.campaign_id', '=', campaignId)
    .orderBy('h.hired_on', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
}

export async function findHireOf(db: Db, campaignId: number, idNumberIndex: string) {
  return db
    .selectFrom('recruitment_campaign_hires')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('id_number_index', '=', idNumberIndex)
    .executeTakeFirst();
}

/** One hire of a campaign (the correction's target). */
export async function findHire(db: Db, campaignId: number, hireId: number) {
  return db
    .selectFrom('recruitment_campaign_hires')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', hireId)
    .executeTakeFirst();
}

export async function updateHire(db: Db, hireId: number, row: Updateable<RecruitmentCampaignHireTable>): Promise<void> {
  await db.updateTable('recruitment_campaign_hires').set(row).where('id', '=', hireId).execute();
}

export async function deleteHire(db: Db, hireId: number): Promise<void> {
  await db.deleteFrom('recruitment_campaign_hires').where('id', '=', hireId).execute();
}

export async function insertHire(db: Db, row: Insertable<RecruitmentCampaignHireTable>): Promise<number> {
  const inserted = await db
    .insertInto('recruitment_campaign_hires')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Hires by home province over the campaigns in scope (optionally one campaign, a year, a kind). */
export async function hiresByHomeProvince(
  db: Db,
  scope: CampaignScope,
  filter: CampaignFilter & { campaignId?: number },
) {
  let q = db
    .selectFrom('recruitment_campaign_hires as h')
    .innerJoin('recruitment_campaigns as c', 'c.id', 'h.campaign_id');
  if (scope.kind === 'city') q = q.where('c.region_code', '=', scope.cityCode);
  if (filter.year) q = q.where('c.year', '=', filter.year);
  if (filter.kind) q = q.where('c.kind', '=', filter.kind);
  if (filter.campaignId) q = q.where('c.id', '=', filter.campaignId);
  return q
    .select([
      'h.home_province_code',
      (eb) => eb.fn.countAll<number>().as('hires'),
      (eb) => eb.fn.count<number>('h.uscc').distinct().as('enterprises'),
    ])
    .groupBy('h.home_province_code')
    .orderBy('h.home_province_code')
    .execute();
}

export async function findEnterpriseName(db: Db, uscc: string) {
  return db.selectFrom('enterprises').select(['uscc', 'name']).where('uscc', '=', uscc).executeTakeFirst();
}
