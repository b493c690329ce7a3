import { Migrator } from 'kysely';
import { AppError } from '../platform/errors.ts';
import type { DatabaseHandle } from './database.ts';
import { migrationProvider } from './migrations/index.ts';

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  // Kysely looks for its migration tables in every schema unless told which one: with several
  // schemas on one server (parallel test files), name ours.
  // Modules land their migrations independently, each on its own tables: a database that already
  // ran a later-named migration still gets an earlier-named one that landed after it (Kysely
  // otherwise refuses to migrate such a database at all). A fresh database runs them in name order.
  const migrator = new Migrator({
    db: handle.db,
    provider: migrationProvider(handle.dialect),
    allowUnorderedMigrations: true,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '未知';
    throw new AppError('INTERNAL', `数据库迁移失败：${failed}`, { cause: String(error) });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
