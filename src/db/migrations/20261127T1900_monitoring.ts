import type { Kysely } from 'kysely';
import type { MigrationDialect } from './index.ts';

// Frozen: the monitoring module's pre-aggregates (per enterprise-month, per separation reason,
// per absorbed person), its refresh log, the employment alerts with their history, and the
// generated monthly bulletins (通报).
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const isPg = dialect === 'postgres';
  const serial = isPg ? 'bigserial' : 'integer';
  const id = (c: any) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement());

  // The calendar the aggregates cover, rewritten by each refresh.
  await db.schema
    .createTable('monitoring_months')
    .addColumn('period', 'integer', (c) => c.primaryKey()) // YYYYMM
    .addColumn('month_index', 'integer', (c) => c.notNull()) // year × 12 + month − 1
    .addColumn('month_end', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .execute();

  await db.schema
    .createTable('enterprise_month_stats')
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull()) // ranking unit: the city, or 昆山/泰兴/沭阳
    .addColumn('industry_code', 'text')
    .addColumn('industry_section', 'text')
    .addColumn('is_manufacturing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tier', 'text') // tier held on the month's last day; null when not monitored
    .addColumn('is_monitored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_roster', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('insured_delta', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('insured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hires', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('separations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('layoff_separations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('absorbed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_contributions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contributions_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reported_insured', 'integer')
    .addPrimaryKeyConstraint('enterprise_month_stats_pk', ['uscc', 'period'])
    .execute();
  // No index led by period: most dashboard sums cover most rows, where a scan beats lookups.
  await db.schema
    .createIndex('enterprise_month_stats_region')
    .on('enterprise_month_stats')
    .columns(['region_code', 'period'])
    .execute();

  // Separations by reason, with the enterprise-month's filter columns copied so sums need no join.
  await db.schema
    .createTable('enterprise_month_separations')
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull()) // leave-reason code, or 'unspecified'
    .addColumn('separations', 'integer', (c) => c.notNull())
    .addColumn('is_monitored', 'integer', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text')
    .addColumn('industry_section', 'text')
    .addColumn('is_manufacturing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tier', 'text')
    .addPrimaryKeyConstraint('enterprise_month_separations_pk', ['uscc', 'period', 'reason'])
    .execute();

  // One row per person: the first insured hire at a monitored enterprise inside the plan window.
  await db.schema
    .createTable('absorbed_persons')
    .addColumn('person_id', 'integer', (c) => c.primaryKey())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text')
    .addColumn('industry_section', 'text')
    .addColumn('is_manufacturing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tier', 'text')
    .addColumn('is_graduate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('high_skill_since', 'text') // first 高级工-or-above certificate
    .addColumn('senior_title_since', 'text') // first 副高级-or-above title
    .execute();
  await db.schema.createIndex('absorbed_persons_uscc').on('absorbed_persons').columns(['uscc', 'period']).execute();

  await db.schema
    .createTable('monitoring_refreshes')
    .addColumn('id', serial, id)
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('range_from', 'integer', (c) => c.notNull())
    .addColumn('range_to', 'integer', (c) => c.notNull())
    .addColumn('data_through', 'integer') // latest roster or contribution period on file
    .addColumn('periods', 'text') // the months rewritten, or null for all
    .addColumn('stats_rows', 'integer', (c) => c.notNull())
    .addColumn('absorbed_persons', 'integer', (c) => c.notNull())
    .addColumn('alerts_created', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('monitoring_alerts')
    .addColumn('id', serial, id)
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // mass_layoff | recognition_expiring | contributions_stopped
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('metric', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('base', 'integer')
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | assigned | closed
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    .addColumn('close_note', 'text')
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('monitoring_alerts_natural', ['uscc', 'kind', 'period'])
    .execute();
  await db.schema
    .createIndex('monitoring_alerts_status')
    .on('monitoring_alerts')
    .columns(['status', 'period'])
    .execute();
  await db.schema
    .createIndex('monitoring_alerts_region')
    .on('monitoring_alerts')
    .columns(['region_code', 'status'])
    .execute();
  await db.schema.createIndex('monitoring_alerts_assignee').on('monitoring_alerts').column('assignee_id').execute();

  await db.schema
    .createTable('monitoring_alert_events')
    .addColumn('id', serial, id)
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('monitoring_alerts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull()) // assign | close | reopen
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('monitoring_alert_events_alert')
    .on('monitoring_alert_events')
    .column('alert_id')
    .execute();

  await db.schema
    .createTable('monitoring_bulletins')
    .addColumn('id', serial, id)
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('region_name', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull()) // manual | schedule
    .addColumn('schedule_key', 'text', (c) => c.unique()) // one scheduled bulletin per period and region
    .addColumn('status', 'text', (c) => c.notNull()) // generating | ready | failed
    .addColumn('content', 'text') // JSON snapshot the workbook and the page are rendered from
    .addColumn('html', 'text')
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('monitoring_bulletins_period')
    .on('monitoring_bulletins')
    .columns(['period', 'region_code'])
    .execute();
}
