import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the policy catalogue (every version of every policy, from the files or from an
// official's parameter edit, refused ones with their reasons) and the stored sandbox runs
// (政策沙盘) with the enterprises whose amount a run changed.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('policy_versions')
    .addColumn('id', serial, id)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull()) // 1, 2, … per code
    .addColumn('version', 'text', (c) => c.notNull()) // the label: the file's `version`, or `<base>-e<n>` for an edit
    .addColumn('status', 'text', (c) => c.notNull()) // active | refused
    .addColumn('source', 'text', (c) => c.notNull()) // file | edit
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull()) // the policy document as JSON
    .addColumn('problems', 'text') // JSON list of the engine's messages when refused
    .addColumn('based_on', 'integer') // the version an edit started from
    .addColumn('reason', 'text')
    .addColumn('changes', 'text') // JSON list of the parameter changes of an edit
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('policy_versions_code_no', ['code', 'version_no'])
    .execute();
  await db.schema
    .createIndex('policy_versions_code_status')
    .on('policy_versions')
    .columns(['code', 'status', 'version_no'])
    .execute();

  await db.schema
    .createTable('policy_sandbox_runs')
    .addColumn('id', serial, id)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('policy_version_id', 'integer', (c) => c.notNull().references('policy_versions.id'))
    .addColumn('eval_date', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull()) // JSON: parameter → scenario values
    .addColumn('summary', 'text', (c) => c.notNull()) // JSON: totals before/after, by region, tier, industry
    .addColumn('snapshot', 'text', (c) => c.notNull()) // JSON: latest completed import run per kind
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_sandbox_runs_code').on('policy_sandbox_runs').columns(['code', 'id']).execute();

  await db.schema
    .createTable('policy_sandbox_changes')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('policy_sandbox_runs.id').onDelete('cascade'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('industry_category', 'text', (c) => c.notNull())
    .addColumn('before_outcome', 'text', (c) => c.notNull())
    .addColumn('before_fen', 'bigint', (c) => c.notNull())
    .addColumn('after_outcome', 'text', (c) => c.notNull())
    .addColumn('after_fen', 'bigint', (c) => c.notNull())
    .addColumn('delta_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_sandbox_changes_pk', ['run_id', 'uscc'])
    .execute();
  await db.schema
    .createIndex('policy_sandbox_changes_delta')
    .on('policy_sandbox_changes')
    .columns(['run_id', 'delta_fen'])
    .execute();
}
