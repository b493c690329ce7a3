import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: talent evaluation (SPEC §2.8, issue 16) — enterprises piloting self-evaluation of skill
// levels (自主评价) with their occupations, 数字技术工程师 certificates per person, and an
// enterprise's postdoctoral stations (博士后工作站) and 揭榜领题 challenges.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('self_evaluation_enterprises')
    .addColumn('uscc', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('occupation_codes', 'text', (c) => c.notNull()) // JSON array of 大典 codes
    .addColumn('approval_no', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .execute();

  await db.schema
    .createTable('digital_engineer_certificates')
    .addColumn('certificate_no', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('field', 'text', (c) => c.notNull()) // 人工智能, 大数据, 智能制造 …
    .addColumn('level', 'text', (c) => c.notNull()) // junior | intermediate | senior
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issuer_uscc', 'text') // a self-evaluating enterprise, when it issued the certificate
    .execute();
  await db.schema
    .createIndex('digital_engineer_certificates_person')
    .on('digital_engineer_certificates')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('enterprise_talent_records')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // postdoc_station | challenge
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('level', 'text') // station: 国家级 | 省级
    .addColumn('approved_on', 'text') // station
    .addColumn('reward_fen', 'bigint') // challenge
    .addColumn('deadline', 'text') // challenge
    .addColumn('status', 'text', (c) => c.notNull()) // active | open | solved | closed
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .execute();
  await db.schema
    .createIndex('enterprise_talent_records_uscc')
    .on('enterprise_talent_records')
    .column('uscc')
    .execute();
}
