import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: how many persons (rows) of a case still wait for the applicant's declaration (申报事实),
// kept on the case so lists can say 待申报 without re-evaluating each case; 0 for every other case.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .alterTable('benefit_cases')
    .addColumn('awaiting_declaration', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
