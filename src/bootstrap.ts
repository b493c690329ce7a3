import path from 'node:path';
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { encryptStoredBankAccounts } from './modules/benefits/applications/bank-account.ts';
import { settleBenefitIdentities } from './modules/benefits/history/identity-settle.service.ts';
import { encryptStoredObjections } from './modules/benefits/cases/objection-text.ts';
import { syncPolicyCatalogue } from './modules/policy/catalogue/catalogue.service.ts';
import { prepareCalendar } from './modules/reference/calendar.service.ts';
import { loadReferenceData } from './modules/reference/reference.loader.ts';
import { bindAuditChain } from './platform/audit/audit-chain.ts';
import { startAuditCheckpoints, stopAuditCheckpoints } from './platform/audit/audit-checkpoints.ts';
import { verifyDatabaseKeys } from './platform/crypto/key-check.ts';
import { createPersonalDataCipher } from './platform/crypto/personal-data.ts';
import { openReadReplica } from './platform/read-replica.ts';
import { loadSecuritySettings } from './platform/security-settings.ts';

/** Opens the configured database and builds the context every module receives. */
export function createAppContext(
  config: Config,
  handle: DatabaseHandle = openDatabase(config.database),
): AppContext & { close(): Promise<void> } {
  const settings = loadSecuritySettings();
  // The audit chain is keyed with the MAC key; its signed checkpoints go to the data directory (ADR 0003).
  const auditChain = bindAuditChain(handle, {
    macKey: config.keys.mac,
    checkpointFile: path.join(config.dataDir, 'audit-checkpoints.jsonl'),
    everyRows: settings.auditCheckpointEveryRows,
    everyMinutes: settings.auditCheckpointEveryMinutes,
  });
  startAuditCheckpoints(auditChain);
  const readReplica = openReadReplica(config);
  return {
    db: handle.db,
    dialect: handle.dialect,
    config,
    cipher: createPersonalDataCipher(config.keys),
    clock: clockFrom(config.clockStart),
    ...(readReplica ? { readReplica } : {}),
    close: async () => {
      await stopAuditCheckpoints(auditChain);
      await readReplica?.close();
      await handle.close();
    },
  };
}

/** The real clock, or (demo and training only) one that started at `start` and runs on from there. */
export function clockFrom(start: Date | undefined, now: () => number = Date.now): () => Date {
  if (!start) return () => new Date(now());
  const offsetMs = start.getTime() - now();
  return () => new Date(now() + offsetMs);
}

/**
 * Migrates the schema, refuses keys other than the database's own (key-check.ts), encrypts bank data and
 * objection texts stored in plaintext, (re)loads the reference data files and the policy catalogue,
 * installs the loaded calendar years (recomputing provisional deadlines), and records the benefit
 * identities of cases written before they existed; all idempotent.
 */
export async function prepareDatabase(ctx: AppContext): Promise<{ migrations: string[] }> {
  const migrations = await migrateToLatest({ db: ctx.db, dialect: ctx.dialect, close: async () => {} });
  await verifyDatabaseKeys(ctx);
  await encryptStoredBankAccounts(ctx);
  await encryptStoredObjections(ctx);
  await loadReferenceData(ctx.db);
  await syncPolicyCatalogue(ctx);
  await prepareCalendar(ctx);
  await settleBenefitIdentities(ctx);
  return { migrations };
}
