import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: 调度 rounds (notice 三（一） “定期调度、通报、督导”): the province opens a round with a form of
// the plan's indicators, pre-filled per city from the system's own figures at opening; each city (and
// 昆山, 泰兴, 沭阳) returns it by a working-day deadline; a return after the deadline is marked late.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('dispatch_rounds')
    .addColumn('id', serial, id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull()) // the monitoring period the figures cover (YYYYMM, YYYYQn, YYYY)
    .addColumn('items', 'text', (c) => c.notNull()) // JSON: the form's items as opened
    .addColumn('prefill', 'text', (c) => c.notNull()) // JSON: { unit: { item: value } } from monitoring
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('deadline_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull()) // open | closed
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('dispatch_returns')
    .addColumn('round_id', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull()) // JSON: { item: value or text }
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.notNull())
    .addColumn('is_late', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dispatch_returns_pk', ['round_id', 'region_code'])
    .execute();
}
