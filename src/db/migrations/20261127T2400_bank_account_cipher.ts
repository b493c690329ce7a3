import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: receiving bank accounts at rest. A case keeps its account as SM4 ciphertext plus the last
// four digits for display; a payment instruction file (which lists whole accounts) is kept as
// ciphertext too. The migration has no keys: the plaintext already stored is encrypted, and its
// column emptied, by the start-up step (benefits/bank-account.ts) that runs after migrations.
// Match runs: at most one run of a policy and period is running at a time, enforced by a partial
// unique index, so two simultaneous starts cannot both pass the busy check. Runs that already
// overlap are settled first: the newest stays running, the older ones are marked interrupted.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('benefit_cases').addColumn('bank_account_enc', 'text').execute();
  await db.schema.alterTable('benefit_cases').addColumn('bank_account_tail', 'text').execute();
  await db.schema.alterTable('benefit_payment_batches').addColumn('content_enc', 'text').execute();

  await sql`update benefit_match_runs
    set status = 'failed', phase = 'interrupted', error = ${'与同一政策同一期间的另一匹配批次同时运行，已停止'},
        finished_at = coalesce(heartbeat_at, started_at)
    where status = 'running' and exists (
      select 1 from benefit_match_runs newer
      where newer.policy_code = benefit_match_runs.policy_code and newer.period = benefit_match_runs.period
        and newer.status = 'running' and newer.id > benefit_match_runs.id)`.execute(db);
  await db.schema
    .createIndex('benefit_match_runs_one_running')
    .on('benefit_match_runs')
    .columns(['policy_code', 'period'])
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();
}
