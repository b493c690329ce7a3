import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: labour relations (SPEC §2.9) — dispute cases with their parties (workers' names and ID
// numbers only as SM4 ciphertext, with a keyed index to find a person again), the collective-
// dispute alert on the case, the labour-relations diagnoses, 和谐劳动关系 applications and
// inspection records with their 柔性执法 outcome.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('labour_disputes')
    .addColumn('id', serial, id)
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // mediation | arbitration
    .addColumn('stage', 'text', (c) => c.notNull()) // accepted | mediating | arbitrating | closed
    .addColumn('is_fast_track', 'integer', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('fast_track_due', 'text')
    .addColumn('is_extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('workers_count', 'integer', (c) => c.notNull())
    .addColumn('claims_enc', 'text', (c) => c.notNull())
    // Segmented words of the claims without digits, for similar-case search (no ID or phone numbers).
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('claimed_fen', 'bigint', (c) => c.notNull())
    .addColumn('arrears_fen', 'bigint', (c) => c.notNull())
    .addColumn('alert_reason', 'text')
    .addColumn('alert_raised_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('compensation_json', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('labour_disputes_region')
    .on('labour_disputes')
    .columns(['region_code', 'stage'])
    .execute();
  await db.schema.createIndex('labour_disputes_uscc').on('labour_disputes').column('uscc').execute();

  await db.schema
    .createTable('labour_dispute_parties')
    .addColumn('id', serial, id)
    .addColumn('dispute_id', 'integer', (c) => c.notNull().references('labour_disputes.id'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_index', 'text')
    .execute();
  await db.schema
    .createIndex('labour_dispute_parties_dispute')
    .on('labour_dispute_parties')
    .column('dispute_id')
    .execute();

  await db.schema
    .createTable('labour_diagnoses')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('total_score', 'integer', (c) => c.notNull())
    .addColumn('is_at_risk', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('labour_diagnoses_uscc').on('labour_diagnoses').column('uscc').execute();

  await db.schema
    .createTable('labour_harmony_applications')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // submitted | approved | rejected
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('labour_harmony_applications_year', ['uscc', 'year'])
    .execute();

  await db.schema
    .createTable('labour_violations')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text') // on the lenient list, or null
    .addColumn('list_version', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull()) // reminder | normal
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('labour_violations_uscc').on('labour_violations').column('uscc').execute();
}
