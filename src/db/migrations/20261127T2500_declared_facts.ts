import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: 申报事实 — values an applicant declares on its case for facts no data on file answers
// (a labour contract's term, a person's own monthly contribution), one row per case, subject and
// fact, with who declared it and when. The value is kept in the engine's runtime form as JSON
// (money in fen, dates as day numbers, booleans 1/0, texts from the fact's list); every change is
// in the audit log too, so this table holds the values in force and the log their history.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('benefit_declared_facts')
    .addColumn('id', serial, id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('benefit_cases.id'))
    .addColumn('subject_key', 'text', (c) => c.notNull()) // person:<id>, or the subject row's key when it has no person
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('fact', 'text', (c) => c.notNull()) // policy.yaml declared_facts[].fact
    .addColumn('value', 'text', (c) => c.notNull()) // JSON of the runtime value
    .addColumn('declared_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('declared_by_name', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('benefit_declared_facts_once', ['case_id', 'subject_key', 'fact'])
    .execute();
}
