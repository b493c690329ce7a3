import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: recruitment campaigns (引才活动, notice 二（三）): 百名海外博士江苏行, 江苏招才月, 四对接 and
// 东西部劳务协作, with their events and results, and the hires made through a campaign — one per person
// (ID number only as SM4 ciphertext and blind index) with the home province read from the ID number.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('recruitment_campaigns')
    .addColumn('id', serial, id)
    .addColumn('kind', 'text', (c) => c.notNull()) // overseas_doctors | talent_month | four_docking | east_west
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull()) // 320000 the province's, or a city's
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('enterprises', 'integer', (c) => c.notNull().defaultTo(0)) // participating enterprises
    .addColumn('postings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('seekers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('intentions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruitment_campaigns_region')
    .on('recruitment_campaigns')
    .columns(['region_code', 'year'])
    .execute();
  await db.schema
    .createTable('recruitment_campaign_events')
    .addColumn('id', serial, id)
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull()) // a city's name, in Jiangsu or (东西部劳务协作) elsewhere
    .addColumn('mode', 'text', (c) => c.notNull()) // online | onsite
    .execute();
  await db.schema
    .createIndex('recruitment_campaign_events_campaign')
    .on('recruitment_campaign_events')
    .column('campaign_id')
    .execute();
  await db.schema
    .createTable('recruitment_campaign_hires')
    .addColumn('id', serial, id)
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_index', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('home_province_code', 'text', (c) => c.notNull()) // e.g. 520000 from the ID number's 52
    .addColumn('hired_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruitment_campaign_hires_person')
    .on('recruitment_campaign_hires')
    .columns(['campaign_id', 'id_number_index'])
    .unique()
    .execute();
}
