import pg from 'pg';

/** The PostgreSQL server benchmarks use; they create and drop their own database on it. */
export const BENCH_PG_URL = process.env.YANGFAN_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database made for one benchmark run. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Whether the server answers, so a run without PostgreSQL still measures SQLite. */
export async function isPostgresReachable(url: string = BENCH_PG_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates a fresh database on the server (a whole database: the import opens its own pool). */
export async function createScratchDatabase(url: string = BENCH_PG_URL): Promise<ScratchDatabase> {
  const name = `yangfan_bench_${process.pid}_${Date.now()}`;
  await withClient(url, (client) => client.query(`create database ${name}`));
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: () =>
      withClient(url, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** Runs work on one short-lived connection. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
