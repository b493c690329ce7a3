import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: 免申即享 / 即申即享 / 直补快办 — match runs, cases with their state and history, notices and
// the outbox, idempotent write requests, 公示 objections, payments (one per case, ever), payment
// batches, and the double-entry ledger in fen. Uniqueness lives here so that retries and
// concurrent requests are settled by the database, not by application code.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('benefit_match_runs')
    .addColumn('id', serial, id)
    .addColumn('policy_code', 'text', (c) => c.notNull())
    .addColumn('policy_version_id', 'integer', (c) => c.notNull().references('policy_versions.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('eval_date', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull()) // JSON: latest completed import run per kind
    .addColumn('status', 'text', (c) => c.notNull()) // running | completed | failed
    .addColumn('phase', 'text', (c) => c.notNull()) // facts | evaluate | write | done
    .addColumn('summary', 'text') // JSON counters and timings
    .addColumn('error', 'text')
    .addColumn('started_by', 'integer', (c) => c.references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('benefit_cases')
    .addColumn('id', serial, id)
    .addColumn('policy_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull().references('enterprises.uscc'))
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('rerun_amount_fen', 'bigint') // a later run's different amount, kept beside the decided one
    .addColumn('is_amount_changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('explanation', 'text', (c) => c.notNull()) // JSON list of Chinese lines
    .addColumn('policy_version_id', 'integer', (c) => c.notNull().references('policy_versions.id'))
    .addColumn('run_id', 'integer', (c) => c.notNull().references('benefit_match_runs.id'))
    .addColumn('last_run_id', 'integer', (c) => c.notNull())
    .addColumn('bank_name', 'text')
    .addColumn('bank_account', 'text')
    .addColumn('account_holder', 'text')
    .addColumn('review_started_on', 'text')
    .addColumn('review_deadline', 'text') // null with a review start: the deadline year is not on the calendar
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('released_by', 'integer', (c) => c.references('users.id'))
    .addColumn('publicity_from', 'text')
    .addColumn('publicity_until', 'text')
    .addColumn('reason', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('benefit_cases_once', ['policy_code', 'period', 'uscc'])
    .execute();
  await db.schema.createIndex('benefit_cases_state').on('benefit_cases').columns(['state', 'region_code']).execute();
  await db.schema.createIndex('benefit_cases_uscc').on('benefit_cases').columns(['uscc', 'policy_code']).execute();
  await db.schema
    .createIndex('benefit_cases_deadline')
    .on('benefit_cases')
    .columns(['state', 'review_deadline'])
    .execute();

  // Persons a per-person policy counted for a case: once per person and policy, ever.
  await db.schema
    .createTable('benefit_case_persons')
    .addColumn('policy_code', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('benefit_case_persons_pk', ['policy_code', 'person_id'])
    .execute();
  await db.schema.createIndex('benefit_case_persons_case').on('benefit_case_persons').column('case_id').execute();

  await db.schema
    .createTable('benefit_case_events')
    .addColumn('id', serial, id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('benefit_case_events_case')
    .on('benefit_case_events')
    .columns(['case_id', 'id'])
    .execute();

  await db.schema
    .createTable('benefit_notices')
    .addColumn('id', serial, id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // matched | approved | paid | payment_failed | returned | rejected
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('benefit_notices_uscc').on('benefit_notices').columns(['uscc', 'id']).execute();

  await db.schema
    .createTable('benefit_outbox')
    .addColumn('id', serial, id)
    .addColumn('channel', 'text', (c) => c.notNull()) // sms | email | payment_instruction
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | sent | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('benefit_outbox_pending').on('benefit_outbox').columns(['status', 'id']).execute();

  await db.schema
    .createTable('benefit_idempotency')
    .addColumn('key', 'text', (c) => c.primaryKey()) // user id : route : client key
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('benefit_objections')
    .addColumn('id', serial, id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | upheld | dismissed
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('benefit_objections_case')
    .on('benefit_objections')
    .columns(['case_id', 'status'])
    .execute();

  await db.schema
    .createTable('benefit_payment_batches')
    .addColumn('id', serial, id)
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('payments', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('benefit_payments')
    .addColumn('id', serial, id)
    .addColumn('case_id', 'integer', (c) => c.notNull().unique().references('benefit_cases.id')) // one payment per case, ever
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // instructed | paid | failed
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('batch_id', 'integer', (c) => c.references('benefit_payment_batches.id'))
    .addColumn('bank_reference', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A journal entry per movement; (case, kind) is unique, so a release or a payment is booked once.
  await db.schema
    .createTable('benefit_journal')
    .addColumn('id', serial, id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // release | settle | revoke
    .addColumn('policy_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull()) // YYYYMM, Asia/Shanghai
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('benefit_journal_once', ['case_id', 'kind'])
    .execute();
  await db.schema
    .createTable('benefit_ledger_lines')
    .addColumn('id', serial, id)
    .addColumn('journal_id', 'integer', (c) => c.notNull().references('benefit_journal.id'))
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('debit_fen', 'bigint', (c) => c.notNull())
    .addColumn('credit_fen', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('benefit_ledger_lines_journal').on('benefit_ledger_lines').column('journal_id').execute();
  await db.schema
    .createIndex('benefit_journal_group')
    .on('benefit_journal')
    .columns(['policy_code', 'region_code', 'month'])
    .execute();
}
