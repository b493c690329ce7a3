import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: a 通报 of a month without monitoring data says only “暂无监测数据”; the scheduler made one
// per region and month, filling the list. They are no longer generated; those already stored are
// marked (has_data 0) so the list hides them by default. The list filters by period and region and
// shows the newest first.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .alterTable('monitoring_bulletins')
    .addColumn('has_data', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .updateTable('monitoring_bulletins')
    .set({ has_data: 0 })
    .where('status', '=', 'ready')
    .where('summary', 'like', '%暂无监测数据%')
    .execute();
}
