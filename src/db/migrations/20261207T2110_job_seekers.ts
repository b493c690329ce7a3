import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: job seekers, their applications and the job fairs of the recruitment zone (SPEC §2.6).
// A seeker's personal data (name, ID number, phone, e-mail) is SM4 ciphertext with blind indexes
// for lookups; a verification code is stored only as a keyed digest.
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('job_seeker_codes')
    .addColumn('id', serial, id)
    .addColumn('channel', 'text', (c) => c.notNull()) // sms | email
    .addColumn('contact_index', 'text', (c) => c.notNull())
    .addColumn('code_digest', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('consumed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_seeker_codes_contact')
    .on('job_seeker_codes')
    .columns(['contact_index', 'id'])
    .execute();

  await db.schema
    .createTable('job_seekers')
    .addColumn('id', serial, id)
    .addColumn('user_id', 'integer', (c) => c.notNull().unique())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_index', 'text', (c) => c.unique())
    .addColumn('email_enc', 'text')
    .addColumn('email_index', 'text', (c) => c.unique())
    .addColumn('education', 'text')
    .addColumn('graduation_date', 'text')
    .addColumn('certificates', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of names
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_applications')
    .addColumn('id', serial, id)
    .addColumn('posting_id', 'integer', (c) => c.notNull())
    .addColumn('seeker_id', 'integer', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // submitted | viewed | interview | hired | rejected
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('viewed_at', 'text')
    .addColumn('interview_at', 'text')
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('job_applications_once', ['posting_id', 'seeker_id'])
    .execute();
  await db.schema.createIndex('job_applications_seeker').on('job_applications').column('seeker_id').execute();
  await db.schema.createIndex('job_applications_uscc').on('job_applications').columns(['uscc', 'posting_id']).execute();

  await db.schema
    .createTable('job_fairs')
    .addColumn('id', serial, id)
    .addColumn('source_key', 'text', (c) => c.unique()) // the import's natural key, null when recorded here
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('fair_date', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull()) // online | onsite
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('registrations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attendance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('intentions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_fairs_city_date').on('job_fairs').columns(['city_code', 'fair_date']).execute();
  await db.schema.createIndex('job_fairs_date').on('job_fairs').column('fair_date').execute();

  await db.schema
    .createTable('job_fair_enterprises')
    .addColumn('fair_id', 'integer', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('posts', 'integer', (c) => c.notNull().defaultTo(0)) // positions offered at the fair
    .addColumn('posting_ids', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of job_postings.id
    .addColumn('signed_up_by', 'text', (c) => c.notNull()) // enterprise | official | import
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_fair_enterprises_pk', ['fair_id', 'uscc'])
    .execute();
  await db.schema.createIndex('job_fair_enterprises_uscc').on('job_fair_enterprises').column('uscc').execute();
}
