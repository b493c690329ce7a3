import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the enterprise register (培育库), import runs, persons, employment spells,
// contributions and the person registries (graduates, skills, titles, unemployment, poverty).
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const money = 'bigint';

  await db.schema
    .createTable('import_runs')
    .addColumn('id', serial, id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // running | completed | failed | refused
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('committed_line', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('heartbeat_at', 'text')
    .addColumn('message', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .execute();
  await db.schema.createIndex('import_runs_kind_sha').on('import_runs').columns(['kind', 'file_sha256']).execute();

  await db.schema
    .createTable('import_rejects')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('import_runs.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rejects_pk', ['run_id', 'line', 'column_name', 'code'])
    .execute();

  await db.schema
    .createTable('enterprises')
    .addColumn('uscc', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('city_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('industry_code', 'text', (c) => c.references('industries.code'))
    .addColumn('size', 'text') // large | medium | small | micro
    .addColumn('tier', 'text', (c) => c.notNull()) // innovative | srdi | little_giant
    .addColumn('recognized_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone_enc', 'text')
    .addColumn('contact_phone_index', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull()) // SM3 of the normalised record: unchanged rows are skipped
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprises_region').on('enterprises').columns(['region_code']).execute();
  await db.schema.createIndex('enterprises_city').on('enterprises').columns(['city_code']).execute();
  await db.schema.createIndex('enterprises_tier').on('enterprises').columns(['tier', 'valid_until']).execute();
  await db.schema.createIndex('enterprises_change_seq').on('enterprises').column('change_seq').execute();

  await db.schema
    .createTable('enterprise_recognitions')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull().references('enterprises.uscc'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('recognized_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // import:<run id> | exchange:<key> | demo
    .addUniqueConstraint('enterprise_recognitions_natural', ['uscc', 'tier', 'recognized_on'])
    .execute();
  await db.schema
    .createIndex('enterprise_recognitions_validity')
    .on('enterprise_recognitions')
    .columns(['recognized_on', 'valid_until'])
    .execute();

  // The change feed other systems pull (GET /exchange/enterprises?since=seq).
  await db.schema
    .createTable('enterprise_changes')
    .addColumn('seq', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_requests')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('token_owner_id', 'integer', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('key_enterprises')
    .addColumn('uscc', 'text', (c) => c.primaryKey().references('enterprises.uscc'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('commissioner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('key_enterprises_commissioner').on('key_enterprises').column('commissioner_id').execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', serial, id)
    .addColumn('id_index', 'text', (c) => c.notNull().unique()) // HMAC-SM3 blind index of the ID number
    .addColumn('id_enc', 'text', (c) => c.notNull()) // SM4 ciphertext of the ID number
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('origin_province', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('employment_spells')
    .addColumn('id', serial, id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('first_period', 'integer', (c) => c.notNull()) // YYYYMM
    .addColumn('last_period', 'integer', (c) => c.notNull()) // YYYYMM
    .addColumn('leave_reason', 'text')
    .addColumn('base_fen', money, (c) => c.notNull().defaultTo(0)) // 缴费基数 of the latest month seen
    .addUniqueConstraint('employment_spells_natural', ['person_id', 'uscc', 'first_period'])
    .execute();
  await db.schema
    .createIndex('employment_spells_uscc')
    .on('employment_spells')
    .columns(['uscc', 'first_period', 'last_period'])
    .execute();

  await db.schema
    .createTable('roster_periods')
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('first_run_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('roster_periods_pk', ['uscc', 'period'])
    .execute();

  await db.schema
    .createTable('contributions')
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('insured', 'integer', (c) => c.notNull())
    .addColumn('pension_fen', money, (c) => c.notNull())
    .addColumn('unemployment_unit_fen', money, (c) => c.notNull())
    .addColumn('unemployment_personal_fen', money, (c) => c.notNull())
    .addColumn('injury_fen', money, (c) => c.notNull())
    .addPrimaryKeyConstraint('contributions_pk', ['uscc', 'period'])
    .execute();

  await db.schema
    .createTable('graduates')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('school', 'text', (c) => c.notNull())
    .addColumn('degree', 'text', (c) => c.notNull()) // associate | bachelor | master | doctor
    .addColumn('graduated_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('graduates_pk', ['person_id', 'degree', 'graduated_on'])
    .execute();

  await db.schema
    .createTable('skill_certificates')
    .addColumn('certificate_no', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('occupation_name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull()) // 5 初级工 … 1 高级技师
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skill_certificates_person').on('skill_certificates').column('person_id').execute();

  await db.schema
    .createTable('professional_titles')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull()) // junior | intermediate | deputy_senior | senior
    .addColumn('obtained_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('professional_titles_pk', ['person_id', 'series', 'level'])
    .execute();

  await db.schema
    .createTable('unemployment_registrations')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addPrimaryKeyConstraint('unemployment_registrations_pk', ['person_id', 'registered_on'])
    .execute();

  await db.schema
    .createTable('poverty_status')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('persons.id'))
    .addColumn('category', 'text', (c) => c.notNull()) // lifted | monitored
    .execute();
}
