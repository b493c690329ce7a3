import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: skills and internships (SPEC §2.8) — training programmes with their enterprises, training
// records per person (classed manufacturing / digital under a dated rule version), internship bases
// (application, city approval, level, demonstration selection), trainees, and scoring runs that keep
// the formula version they used.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('training_programmes')
    .addColumn('programme_no', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull()) // order | directed | post | project | apprentice
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('is_subsidised', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema
    .createTable('training_programme_enterprises')
    .addColumn('programme_no', 'text', (c) => c.notNull().references('training_programmes.programme_no'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_programme_enterprises_pk', ['programme_no', 'uscc'])
    .execute();
  await db.schema
    .createTable('training_records')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('programme_no', 'text', (c) => c.notNull().references('training_programmes.programme_no'))
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('is_completed', 'integer', (c) => c.notNull())
    .addColumn('certificate_no', 'text')
    .addColumn('subsidy_fen', 'bigint', (c) => c.notNull())
    .addColumn('uscc', 'text') // the enterprise trained for (the programme's, or where the person is insured)
    .addColumn('region_code', 'text')
    .addColumn('is_subsidised', 'integer', (c) => c.notNull())
    .addColumn('is_manufacturing', 'integer', (c) => c.notNull())
    .addColumn('is_digital', 'integer', (c) => c.notNull())
    .addColumn('rule_version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_records_pk', ['person_id', 'programme_no'])
    .execute();
  await db.schema.createIndex('training_records_uscc').on('training_records').column('uscc').execute();

  await db.schema
    .createTable('internship_bases')
    .addColumn('uscc', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull())
    .addColumn('mentors', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // applied | approved | rejected
    .addColumn('level', 'text') // city | province, set on approval
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('is_demonstration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('demonstration_at', 'text')
    .addColumn('demonstration_by', 'integer')
    .addColumn('demonstration_score_run', 'integer')
    .execute();
  await db.schema
    .createTable('internship_trainees')
    .addColumn('id', serial, id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('is_completed', 'integer', (c) => c.notNull())
    .addColumn('is_retained', 'integer', (c) => c.notNull())
    .addColumn('allowance_fen', 'bigint', (c) => c.notNull())
    .addColumn('satisfaction', 'integer') // 1–5 when recorded
    .addColumn('source', 'text', (c) => c.notNull()) // import | page
    .execute();
  await db.schema
    .createIndex('internship_trainees_key')
    .on('internship_trainees')
    .columns(['person_id', 'uscc', 'start_date'])
    .unique()
    .execute();
  await db.schema.createIndex('internship_trainees_uscc').on('internship_trainees').column('uscc').execute();
  await db.schema
    .createTable('internship_score_runs')
    .addColumn('id', serial, id)
    .addColumn('formula_version', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('computed_by', 'integer')
    .execute();
  await db.schema
    .createTable('internship_base_scores')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('internship_score_runs.id'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('score', 'text', (c) => c.notNull()) // decimal text, 4 places: identical on both databases
    .addColumn('details', 'text', (c) => c.notNull()) // JSON: each component's value and points
    .addPrimaryKeyConstraint('internship_base_scores_pk', ['run_id', 'uscc'])
    .execute();
}
