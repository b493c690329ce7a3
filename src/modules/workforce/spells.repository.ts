import type { Db } from '../../db/database.ts';
import { chunk, chunkRows } from './batching.ts';
import type { SpellPlan, StoredSpell } from './spells.ts';

/** The stored spells of these persons at these enterprises, in one query per chunk. */
export async function findSpellsOf(db: Db, personIds: readonly number[], usccs: readonly string[]): Promise<StoredSpell[]> {
  const spells: StoredSpell[] = [];
  if (usccs.length === 0) return spells;
  for (const part of chunk(personIds, 10_000)) {
    const rows = await db.selectFrom('employment_spells').selectAll()
      .where('person_id', 'in', part)
      .where('uscc', 'in', usccs)
      .execute();
    for (const row of rows) {
      spells.push({
        id: Number(row.id), personId: Number(row.person_id), uscc: row.uscc,
        firstPeriod: Number(row.first_period), lastPeriod: Number(row.last_period),
        leaveReason: row.leave_reason, baseFen: Number(row.base_fen),
      });
    }
  }
  return spells;
}

/**
 * Writes a spell plan in bulk: deletes first (merged spells), then updates as a multi-row
 * upsert on the primary key (one statement for many rows on both databases), then inserts.
 */
export async function applySpellPlan(db: Db, plan: SpellPlan): Promise<void> {
  for (const part of chunk(plan.deletes, 10_000)) await db.deleteFrom('employment_spells').where('id', 'in', part).execute();
  for (const part of chunkRows(plan.updates, 7)) {
    await db.insertInto('employment_spells').values(part.map((s) => ({ id: s.id, ...toRow(s) })))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        first_period: eb.ref('excluded.first_period'),
        last_period: eb.ref('excluded.last_period'),
        leave_reason: eb.ref('excluded.leave_reason'),
        base_fen: eb.ref('excluded.base_fen'),
      })))
      .execute();
  }
  for (const part of chunkRows(plan.inserts, 6)) await db.insertInto('employment_spells').values(part.map(toRow)).execute();
}

function toRow(spell: Omit<StoredSpell, 'id'>) {
  return {
    person_id: spell.personId, uscc: spell.uscc, first_period: spell.firstPeriod,
    last_period: spell.lastPeriod, leave_reason: spell.leaveReason, base_fen: spell.baseFen,
  };
}

/** Records which months each enterprise reported a roster for; the first run to report one keeps it. */
export async function recordRosterPeriods(db: Db, periods: readonly { uscc: string; period: number }[], runId: number): Promise<void> {
  for (const part of chunkRows(periods, 3)) {
    await db.insertInto('roster_periods').values(part.map((p) => ({ ...p, first_run_id: runId })))
      .onConflict((oc) => oc.columns(['uscc', 'period']).doNothing())
      .execute();
  }
}
