import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the annual assessment (notice 三（一） “纳入年度考核”): versioned indicator weights (a change is a
// new version, never an edit) and computed assessments, each keeping the weights version it used and the
// figures behind every score.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('assessment_weight_versions')
    .addColumn('id', serial, id)
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('indicators', 'text', (c) => c.notNull()) // JSON: [{ key, label, weight, method, target, figure, source }]
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer') // null: the default loaded from reference/governance
    .execute();
  await db.schema
    .createTable('assessments')
    .addColumn('id', serial, id)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('weights_version_id', 'integer', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull()) // JSON: per unit: figures, scores, total, rank
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('computed_by', 'integer', (c) => c.notNull())
    .execute();
}
