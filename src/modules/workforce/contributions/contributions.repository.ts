import type { Db } from '../../../db/database.ts';
import { chunk, chunkRows } from '../batching.ts';

/** An enterprise's contribution totals for one month, amounts in fen. */
export interface ContributionRow {
  uscc: string;
  period: number;
  insured: number;
  pension_fen: number;
  unemployment_unit_fen: number;
  unemployment_personal_fen: number;
  injury_fen: number;
}

/** Stored totals for the rows' (enterprise, month) pairs. */
export async function findContributions(db: Db, rows: readonly ContributionRow[]): Promise<ContributionRow[]> {
  const wanted = new Set(rows.map((r) => `${r.uscc}|${r.period}`));
  const periods = [...new Set(rows.map((r) => r.period))];
  const found: ContributionRow[] = [];
  // Credit codes × months over-selects a little; the pairs are filtered here.
  for (const usccs of chunk([...new Set(rows.map((r) => r.uscc))], 5_000)) {
    const stored = await db
      .selectFrom('contributions')
      .selectAll()
      .where('uscc', 'in', usccs)
      .where('period', 'in', periods)
      .execute();
    for (const r of stored) {
      if (!wanted.has(`${r.uscc}|${r.period}`)) continue;
      found.push({
        uscc: r.uscc,
        period: Number(r.period),
        insured: Number(r.insured),
        pension_fen: Number(r.pension_fen),
        unemployment_unit_fen: Number(r.unemployment_unit_fen),
        unemployment_personal_fen: Number(r.unemployment_personal_fen),
        injury_fen: Number(r.injury_fen),
      });
    }
  }
  return found;
}

/** Inserts or overwrites totals by (enterprise, month), in multi-row statements. */
export async function upsertContributions(db: Db, rows: readonly ContributionRow[]): Promise<void> {
  for (const part of chunkRows(rows, 7)) {
    await db
      .insertInto('contributions')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['uscc', 'period']).doUpdateSet((eb) => ({
          insured: eb.ref('excluded.insured'),
          pension_fen: eb.ref('excluded.pension_fen'),
          unemployment_unit_fen: eb.ref('excluded.unemployment_unit_fen'),
          unemployment_personal_fen: eb.ref('excluded.unemployment_personal_fen'),
          injury_fen: eb.ref('excluded.injury_fen'),
        })),
      )
      .execute();
  }
}
