import type { Kysely } from 'kysely';

// Frozen: a skill certificate issued by an enterprise piloting self-evaluation (自主评价) records
// that enterprise as its issuer; a self-evaluation registration may carry the end of its validity.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('skill_certificates').addColumn('issuer_uscc', 'text').execute();
  await db.schema
    .createIndex('skill_certificates_issuer')
    .on('skill_certificates')
    .columns(['issuer_uscc', 'occupation_code', 'level'])
    .execute();
  await db.schema.alterTable('self_evaluation_enterprises').addColumn('valid_until', 'text').execute();
}
