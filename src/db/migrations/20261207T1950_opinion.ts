import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: public-opinion monitoring (舆情监测). A message's title, text, sender and reply may hold
// personal data, so they are kept only as SM4 ciphertext; what lists, filters and hotspots need
// (source, time, region, topic, tone, state) is plain. Messages are keyed by a keyed digest of
// their source, time and text, so the same message imported or pushed twice is stored once.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (c: any) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('opinion_messages')
    .addColumn('id', serial, id)
    .addColumn('message_key', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull()) // hotline | mailbox | new_media
    .addColumn('received_at', 'text', (c) => c.notNull()) // YYYY-MM-DD HH:mm:ss, Beijing time
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('sender_enc', 'text')
    .addColumn('region_code', 'text', (c) => c.references('regions.code')) // as given by the source
    .addColumn('handling_region_code', 'text', (c) => c.references('regions.code')) // routed to
    .addColumn('commissioner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('tone', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // pending | processing | replied | closed
    .addColumn('deadline', 'text')
    .addColumn('reply_enc', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('intake', 'text', (c) => c.notNull()) // import:<run id> | push:<user id>
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opinion_messages_received').on('opinion_messages').column('received_at').execute();
  await db.schema
    .createIndex('opinion_messages_handling')
    .on('opinion_messages')
    .columns(['handling_region_code', 'state'])
    .execute();
  await db.schema
    .createIndex('opinion_messages_topic')
    .on('opinion_messages')
    .columns(['topic', 'received_on'])
    .execute();

  await db.schema
    .createTable('opinion_links')
    .addColumn('id', serial, id)
    .addColumn('message_id', 'integer', (c) => c.notNull().references('opinion_messages.id'))
    .addColumn('uscc', 'text', (c) => c.notNull().references('enterprises.uscc'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // linked | ambiguous | confirmed | rejected
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('opinion_links_natural', ['message_id', 'uscc', 'alias'])
    .execute();
  await db.schema.createIndex('opinion_links_uscc').on('opinion_links').columns(['uscc', 'status']).execute();

  await db.schema
    .createTable('opinion_hotspots')
    .addColumn('id', serial, id)
    .addColumn('hotspot_key', 'text', (c) => c.notNull().unique()) // kind|subject|window|detected_on
    .addColumn('kind', 'text', (c) => c.notNull()) // topic_region | enterprise
    .addColumn('topic', 'text')
    .addColumn('region_code', 'text')
    .addColumn('uscc', 'text')
    .addColumn('window', 'text', (c) => c.notNull()) // day | week
    .addColumn('detected_on', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('baseline', 'real', (c) => c.notNull())
    .addColumn('message_ids', 'text', (c) => c.notNull()) // JSON array
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
