import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the local average monthly wage per region and statistics year (职工月平均工资), as the
// region's HRSS office loads it with its published source; the compensation calculator's 3× cap
// (劳动合同法 第四十七条第二款) reads it.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('labour_average_wages')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('monthly_wage_fen', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('loaded_by', 'text')
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('labour_average_wages_pk', ['region_code', 'year'])
    .execute();
}
