import type { Kysely } from 'kysely';

// Frozen: the occupation list grows to the whole 大典 2022; the rows of the working list the Sailing
// Plan's enterprises and training programmes use (reference/occupations/dadian-2022.csv) are marked
// common, the rest (dadian-2022-ocr.csv) are not.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('occupations')
    .addColumn('is_common', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
}
