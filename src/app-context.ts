import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Dialect } from './db/database.ts';
import type { Database } from './db/schema.ts';
import type { PersonalDataCipher } from './platform/crypto/personal-data.ts';
import type { JobQueue } from './platform/jobs/job-queue.ts';
import type { ReadReplica } from './platform/read-replica.ts';

/**
 * What every module's routes and services receive: the database, its dialect, the
 * configuration and the cipher for personal data. Built once in buildApp().
 */
export interface AppContext {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Config;
  cipher: PersonalDataCipher;
  clock: () => Date;
  /** PostgreSQL: the replica dashboards read from, when DATABASE_READ_URL is set (platform/read-replica.ts). */
  readReplica?: ReadReplica;
  /** PostgreSQL with several processes: the job queue background work goes through (platform/jobs/job-queue.ts). */
  jobQueue?: JobQueue;
}
