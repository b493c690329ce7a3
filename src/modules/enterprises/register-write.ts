import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import type { EnterpriseRecord } from './enterprises.parse.ts';
import { planWrites, type EnterpriseState, type KnownState, type RowOutcome, type WritePlan } from './register-plan.ts';
import { placeResolver } from './register-places.ts';
import * as repo from './register-write.repository.ts';

export type { RowOutcome } from './register-plan.ts';

/**
 * Writes parsed enterprise rows into the register inside the caller's transaction; the one
 * write path of both the file import and the exchange push. Reads everything the batch needs
 * in a handful of set-wise queries, plans in memory, then writes the change-feed entries, the
 * enterprises and their recognitions set-wise. `source` is recorded on history and feed rows.
 */
export async function writeEnterprises(
  trx: Db,
  ctx: AppContext,
  rows: { line: number; record: EnterpriseRecord }[],
  source: string,
): Promise<RowOutcome[]> {
  if (rows.length === 0) return [];
  await repo.lockRegisterWriters(trx, ctx.dialect);
  const known = await loadKnownState(
    trx,
    rows.map((r) => r.record),
  );
  const now = ctx.clock().toISOString();
  const plan = planWrites(rows, known, { now, source }, ctx.cipher);
  await applyPlan(trx, plan, known, { now, source });
  return plan.outcomes;
}

async function loadKnownState(trx: Db, records: EnterpriseRecord[]): Promise<KnownState> {
  const usccs = unique(records.map((r) => r.uscc));
  const existing = await repo.findEnterprisesByUscc(trx, usccs);
  const recognitions = await repo.findRecognitionsByUscc(trx, usccs);
  const places = await repo.findPlaces(trx, unique(records.map((r) => r.regionCode)));
  const industries = await repo.findIndustryCodes(trx, unique(records.map((r) => r.industryCode)));
  return {
    enterprises: new Map(existing.map((row): [string, EnterpriseState] => [row.uscc, withoutFeedColumns(row)])),
    recognitions: new Map(recognitions.map((r) => [`${r.uscc}|${r.tier}|${r.recognized_on}`, r.valid_until])),
    industries,
    placeOf: placeResolver(places),
  };
}

async function applyPlan(
  trx: Db,
  plan: WritePlan,
  known: KnownState,
  stamp: { now: string; source: string },
): Promise<void> {
  if (plan.touched.size === 0) return;
  const touched = [...plan.touched];
  const seqs = await repo.insertChanges(trx, touched, stamp.now, stamp.source);
  // Enterprises first: recognitions reference them.
  await repo.upsertEnterprises(
    trx,
    touched.map((uscc) => ({ ...known.enterprises.get(uscc)!, change_seq: seqs.get(uscc)!, updated_at: stamp.now })),
  );
  await repo.upsertRecognitions(trx, plan.recognitions);
}

function withoutFeedColumns(row: repo.EnterpriseRow): EnterpriseState {
  const { change_seq: _seq, updated_at: _updated, ...state } = row;
  return state;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
