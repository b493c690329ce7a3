import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: money paid once per benefit. `benefit_identities` holds, per policy, the identity of each
// live or paid benefit (稳岗返还: enterprise × refund year; 扩岗补助: person; …) with the case that
// holds it — its primary key is what makes a second case of the same benefit impossible, from any
// period, run, process or application. `benefit_history` keeps benefits paid before this system or by
// other systems (历史享受记录 import). Case persons are keyed by case and person (a person may be
// paid again for another benefit of the same policy, e.g. a higher skills level). Cases written
// before this migration are settled at start-up (identity_settled = 0): the earliest live or paid case
// keeps the identity, later duplicates are cancelled with the reason, a paid one is never touched.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  await db.schema
    .createTable('benefit_identities')
    .addColumn('policy_code', 'text', (c) => c.notNull())
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('benefit_identities_pk', ['policy_code', 'identity_key'])
    .execute();
  await db.schema.createIndex('benefit_identities_case').on('benefit_identities').column('case_id').execute();

  await db.schema
    .createTable('benefit_history')
    .addColumn('id', isPg ? 'bigserial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('policy_code', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('person_index', 'text', (c) => c.notNull().defaultTo('')) // blind index of the ID number; '' for an enterprise benefit
    .addColumn('period', 'text', (c) => c.notNull()) // YYYY or YYYYMM
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('source_system', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('benefit_history_once', ['policy_code', 'uscc', 'person_index', 'period'])
    .execute();
  await db.schema
    .createIndex('benefit_history_person')
    .on('benefit_history')
    .columns(['person_index', 'policy_code'])
    .execute();

  await db.schema.alterTable('benefit_cases').addColumn('duplicate_of', 'integer').execute();
  await db.schema
    .alterTable('benefit_cases')
    .addColumn('identity_settled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  if (isPg) {
    await sql`alter table benefit_case_persons drop constraint benefit_case_persons_pk`.execute(db);
    await sql`alter table benefit_case_persons add constraint benefit_case_persons_pk primary key (case_id, person_id)`.execute(
      db,
    );
  } else {
    await db.schema
      .createTable('benefit_case_persons_keyed')
      .addColumn('policy_code', 'text', (c) => c.notNull())
      .addColumn('person_id', 'integer', (c) => c.notNull())
      .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('benefit_case_persons_pk', ['case_id', 'person_id'])
      .execute();
    await sql`insert into benefit_case_persons_keyed (policy_code, person_id, case_id, amount_fen) select policy_code, person_id, case_id, amount_fen from benefit_case_persons`.execute(
      db,
    );
    await db.schema.dropTable('benefit_case_persons').execute();
    await db.schema.alterTable('benefit_case_persons_keyed').renameTo('benefit_case_persons').execute();
  }
  await db.schema
    .createIndex('benefit_case_persons_person')
    .on('benefit_case_persons')
    .columns(['policy_code', 'person_id'])
    .execute();
}
