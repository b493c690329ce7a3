import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the register of 统一社会信用代码 that fail the GB 32100 check yet are genuine early codes,
// accepted by an official on evidence (营业执照核验, a 登记机关 letter). A row is never deleted:
// revoking stamps who, when and why, and a later override of the same code is a new row. At most
// one override of a code is in force at a time (partial unique index, SQLite and PostgreSQL alike).
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('uscc_overrides')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull()) // normalised as the validator normalises
    .addColumn('failure_reason', 'text', (c) => c.notNull()) // the validator's reason code, e.g. USCC_CHECK_CHAR
    .addColumn('evidence', 'text', (c) => c.notNull()) // the official's reason and evidence reference
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoked_by_name', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema
    .createIndex('uscc_overrides_one_active')
    .on('uscc_overrides')
    .column('uscc')
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await db.schema.createIndex('uscc_overrides_uscc').on('uscc_overrides').columns(['uscc', 'id']).execute();
}
