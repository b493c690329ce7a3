import type { DatabaseConfig } from '../../config.ts';
import type { TestApp } from '../../test/app.ts';
import { testPostgresUrl } from '../../test/dialects.ts';
import { findConnectedDatabase } from './connected-database.repository.ts';

/** The test database as a server's configuration would name it, so a worker thread can open it too. */
export async function configuredDatabaseOf(t: TestApp): Promise<DatabaseConfig> {
  if (t.database.dialect === 'postgres')
    return { dialect: 'postgres', url: testPostgresUrl()!, schema: t.database.schema! };
  return { dialect: 'sqlite', path: (await findConnectedDatabase(t.database.db, 'sqlite')).name };
}

/** Waits until the condition holds (polling as a page does), or fails after the timeout. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('等待超时');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
