import type { AppContext } from '../app-context.ts';
import { createAppContext, prepareDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';

/** Runs a command's work on a migrated database and always closes it. */
export async function withAppContext<T>(work: (ctx: AppContext, migrations: string[]) => Promise<T>): Promise<T> {
  const ctx = createAppContext(loadConfig());
  try {
    const { migrations } = await prepareDatabase(ctx);
    return await work(ctx, migrations);
  } finally {
    await ctx.close();
  }
}
