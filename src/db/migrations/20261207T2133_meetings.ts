import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: 部门会商 (notice 三（一） “人社部门和工信部门要建立协调协商机制，定期召开会议”): meeting records with
// attendees by unit, topics and decisions, and action items with owner and due date followed to done.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('governance_meetings')
    .addColumn('id', serial, id)
    .addColumn('region_code', 'text', (c) => c.notNull()) // 320000 the province's, or a city's
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull()) // JSON: [{ unit, names }]
    .addColumn('topics', 'text', (c) => c.notNull()) // JSON: [text]
    .addColumn('decisions', 'text', (c) => c.notNull()) // JSON: [text]
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('governance_meeting_actions')
    .addColumn('id', serial, id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('owner_unit', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // open | done
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'integer')
    .addColumn('done_note', 'text')
    .execute();
  await db.schema
    .createIndex('governance_meeting_actions_meeting')
    .on('governance_meeting_actions')
    .column('meeting_id')
    .execute();
}
