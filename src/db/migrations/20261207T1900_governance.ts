import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: 服务专员 and the requests of enterprises (SPEC §2.7, notice 二(二)).
// - commissioner_profiles: the roster's unit and phone (SM4 + blind index) of a commissioner account;
// - key_enterprise_assignments: who served a key enterprise from when until when (reassignment keeps history);
// - governance_contacts: each contact of a commissioner with an enterprise (无事不扰: counted per month);
// - governance_requests: an enterprise's 诉求 with its working-day deadline, escalation level, answer,
//   rating and the one reopening (有求必应); governance_request_files: its attachments.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('commissioner_profiles')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('unit', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('key_enterprise_assignments')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('list_region_code', 'text', (c) => c.notNull())
    .addColumn('commissioner_id', 'integer') // null: the enterprise had no commissioner in this span
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('until_at', 'text') // null: the current assignment
    .addColumn('assigned_by', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('key_enterprise_assignments_uscc')
    .on('key_enterprise_assignments')
    .columns(['uscc', 'from_at'])
    .execute();

  await db.schema
    .createTable('governance_requests')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull()) // the enterprise's region (scope of cities)
    .addColumn('commissioner_id', 'integer') // the commissioner at submission (null: none assigned)
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // submitted | answered | reopened | closed
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.notNull())
    .addColumn('deadline_date', 'text', (c) => c.notNull())
    .addColumn('deadline_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0)) // 0 none, 1 city, 2 province
    .addColumn('escalated_at', 'text')
    .addColumn('resolution', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'integer')
    .addColumn('first_answered_at', 'text')
    .addColumn('is_first_answer_on_time', 'integer')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_reason', 'text')
    .addColumn('reopened_at', 'text')
    .execute();
  await db.schema.createIndex('governance_requests_uscc').on('governance_requests').column('uscc').execute();
  await db.schema
    .createIndex('governance_requests_open')
    .on('governance_requests')
    .columns(['state', 'deadline_date'])
    .execute();

  await db.schema
    .createTable('governance_request_files')
    .addColumn('id', serial, id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('governance_requests.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull()) // pdf | jpg | png, checked against the content
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('governance_request_files_request')
    .on('governance_request_files')
    .column('request_id')
    .execute();

  await db.schema
    .createTable('governance_contacts')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('commissioner_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // visit | call | online
    .addColumn('contact_date', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull()) // YYYYMM of contact_date: the cap counts per month
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('follow_up_date', 'text')
    .addColumn('request_id', 'integer') // the request it answers: not counted against the cap
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('governance_contacts_month')
    .on('governance_contacts')
    .columns(['uscc', 'period'])
    .execute();
}
