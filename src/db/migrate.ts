import { Migrator } from 'kysely';
import { AppError } from '../platform/errors.ts';
import type { DatabaseHandle } from './database.ts';
import { migrationProvider } from './migrations/index.ts';

/** Brings the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider: migrationProvider(handle.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '未知';
    throw new AppError('INTERNAL', `数据库迁移失败：${failed}`, { cause: String(error) });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
