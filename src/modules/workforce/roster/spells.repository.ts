import { sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { chunkRows } from '../batching.ts';
import type { SpellPlan, StoredSpell } from './spells.ts';

// A roster window reads and writes tens of thousands of spells. Each statement below passes
// its rows as one parameter — a JSON array that SQLite's json_each unrolls, PostgreSQL
// arrays that unnest unrolls — so a window costs a handful of statements whatever its size,
// with no bind-parameter limit to cut around and one short statement text to prepare.

interface SpellRow {
  id: number | string;
  person_id: number | string;
  uscc: string;
  first_period: number | string;
  last_period: number | string;
  leave_reason: string | null;
  base_fen: number | string;
}

/** The stored spells of these persons, at any enterprise, in one statement. */
export async function findSpellsOfPersons(
  db: Db,
  dialect: Dialect,
  personIds: readonly number[],
): Promise<StoredSpell[]> {
  if (personIds.length === 0) return [];
  const { rows } =
    dialect === 'postgres'
      ? await sql<SpellRow>`select id, person_id, uscc, first_period, last_period, leave_reason, base_fen from employment_spells where person_id = any(${personIds}::integer[])`.execute(
          db,
        )
      : await sql<SpellRow>`select id, person_id, uscc, first_period, last_period, leave_reason, base_fen from employment_spells where person_id in (select value from json_each(${JSON.stringify(personIds)}))`.execute(
          db,
        );
  return rows.map((row) => ({
    id: Number(row.id),
    personId: Number(row.person_id),
    uscc: row.uscc,
    firstPeriod: Number(row.first_period),
    lastPeriod: Number(row.last_period),
    leaveReason: row.leave_reason,
    baseFen: Number(row.base_fen),
  }));
}

/**
 * Writes a spell plan: deletes first (merged spells), then updates, then inserts — the
 * order that keeps the unique (person, enterprise, first period) key free at every step.
 */
export async function applySpellPlan(db: Db, dialect: Dialect, plan: SpellPlan): Promise<void> {
  if (plan.deletes.length > 0) await deleteSpells(db, dialect, plan.deletes);
  if (plan.updates.length > 0) await updateSpells(db, dialect, plan.updates);
  if (plan.inserts.length > 0) await insertSpells(db, dialect, plan.inserts);
}

function deleteSpells(db: Db, dialect: Dialect, ids: readonly number[]) {
  return dialect === 'postgres'
    ? sql`delete from employment_spells where id = any(${ids}::bigint[])`.execute(db)
    : sql`delete from employment_spells where id in (select value from json_each(${JSON.stringify(ids)}))`.execute(db);
}

function updateSpells(db: Db, dialect: Dialect, spells: readonly StoredSpell[]) {
  if (dialect === 'postgres') {
    return sql`update employment_spells as s
      set first_period = u.first_period, last_period = u.last_period, leave_reason = u.leave_reason, base_fen = u.base_fen
      from unnest(${spells.map((s) => s.id)}::bigint[], ${spells.map((s) => s.firstPeriod)}::integer[], ${spells.map((s) => s.lastPeriod)}::integer[],
        ${spells.map((s) => s.leaveReason)}::text[], ${spells.map((s) => s.baseFen)}::bigint[]) as u(id, first_period, last_period, leave_reason, base_fen)
      where s.id = u.id`.execute(db);
  }
  const rows = JSON.stringify(spells.map((s) => [s.id, s.firstPeriod, s.lastPeriod, s.leaveReason, s.baseFen]));
  return sql`update employment_spells
    set first_period = u.first_period, last_period = u.last_period, leave_reason = u.leave_reason, base_fen = u.base_fen
    from (select value ->> 0 as id, value ->> 1 as first_period, value ->> 2 as last_period, value ->> 3 as leave_reason, value ->> 4 as base_fen from json_each(${rows})) as u
    where employment_spells.id = u.id`.execute(db);
}

function insertSpells(db: Db, dialect: Dialect, spells: readonly Omit<StoredSpell, 'id'>[]) {
  if (dialect === 'postgres') {
    return sql`insert into employment_spells (person_id, uscc, first_period, last_period, leave_reason, base_fen)
      select * from unnest(${spells.map((s) => s.personId)}::integer[], ${spells.map((s) => s.uscc)}::text[], ${spells.map((s) => s.firstPeriod)}::integer[],
        ${spells.map((s) => s.lastPeriod)}::integer[], ${spells.map((s) => s.leaveReason)}::text[], ${spells.map((s) => s.baseFen)}::bigint[])`.execute(
      db,
    );
  }
  const rows = JSON.stringify(
    spells.map((s) => [s.personId, s.uscc, s.firstPeriod, s.lastPeriod, s.leaveReason, s.baseFen]),
  );
  return sql`insert into employment_spells (person_id, uscc, first_period, last_period, leave_reason, base_fen)
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 from json_each(${rows})`.execute(
    db,
  );
}

/** Records which months each enterprise reported a roster for; the first run to report one keeps it. */
export async function recordRosterPeriods(
  db: Db,
  periods: readonly { uscc: string; period: number }[],
  runId: number,
): Promise<void> {
  for (const part of chunkRows(periods, 3)) {
    await db
      .insertInto('roster_periods')
      .values(part.map((p) => ({ ...p, first_run_id: runId })))
      .onConflict((oc) => oc.columns(['uscc', 'period']).doNothing())
      .execute();
  }
}
