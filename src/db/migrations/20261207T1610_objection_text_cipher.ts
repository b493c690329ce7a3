import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: 公示 objections' text at rest. The public form takes free text, which may hold ID and
// phone numbers, so it is kept as SM4 ciphertext. The migration has no keys: the text already
// stored is encrypted, and its plaintext column emptied, by the start-up step
// (benefits/objection-text.ts) that runs after migrations.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('benefit_objections').addColumn('text_enc', 'text').execute();
}
