import type { Db } from '../../../db/database.ts';
import type { IdentityPart } from '../../../policies/benefit-identity.ts';
import type { Policy } from '../../../policies/types.ts';
import type { AppContext } from '../../../app-context.ts';
import type { BatchOutcome, RowReject } from '../../imports/import-kind.ts';
import {
  countIdentitiesOfCases,
  deleteIdentitiesOfCases,
  findHeldIdentities,
  findHistory,
  findHolderOf,
  findIdentitiesOfCase,
  findRegisteredUsccs,
  findStoredHistory,
  historyKey,
  insertHistory,
  insertIdentities,
  updateHistory,
  type HistoryRow,
} from './benefit-records.repository.ts';
import type { SubjectRow } from '../facts/subjects.ts';

/**
 * The one rule that says whether a benefit already exists. Each policy declares what one benefit is
 * (`benefit_identity`); each row of its fact source gives the values of those parts; a row's
 * benefit exists when a live or paid case holds one of its identities, or the imported history
 * (历史享受记录) records it. The match run, the enterprise's own application, the calculator and the
 * settlement of old cases all ask this module, so they cannot disagree; the database's primary key on
 * (policy, identity) makes the answer hold between processes too.
 */

/** Who holds a benefit: a case of this system or a history record. */
export interface Holder {
  source: 'case' | 'history';
  caseId?: number;
  period: string;
  uscc: string;
  /** For a history record: the other system's name and the payment date. */
  sourceSystem?: string;
  paidOn?: string;
}

export interface BenefitRecords {
  holders: Map<string, Holder>;
  /** Persons recorded as having received 一次性吸纳就业补贴 (from history). */
  absorbedPersons: Set<number>;
}

/** The history code of 一次性吸纳就业补贴, a benefit of other systems that excludes 一次性扩岗补助. */
export const ABSORPTION_SUBSIDY = 'absorption_subsidy';

/** The identity keys of a row: one per combination of its parts' values; none when a part is unknown. */
export function identityKeysOf(parts: readonly IdentityPart[], values: SubjectRow['identity']): string[] {
  let keys = [''];
  for (const part of parts) {
    const value = values?.[part];
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (list.length === 0) return [];
    keys = keys.flatMap((prefix) => list.map((item) => `${prefix}${prefix ? '|' : ''}${part}:${item}`));
  }
  return keys;
}

/** The identity keys a history record gives, in the parts' order (none where the record cannot say). */
function historyKeys(
  parts: readonly IdentityPart[],
  record: Awaited<ReturnType<typeof findHistory>>[number],
): string[] {
  const months =
    record.period.length === 6
      ? [record.period]
      : Array.from({ length: 12 }, (_, m) => `${record.period}${String(m + 1).padStart(2, '0')}`);
  const values: SubjectRow['identity'] = {
    enterprise: record.uscc,
    person: record.personId === undefined ? undefined : String(record.personId),
    refund_year: record.period.slice(0, 4),
    month: months,
  };
  return identityKeysOf(parts, values);
}

/** Reads what is already granted for a policy: identities held by cases, then the history. */
export async function loadBenefitRecords(db: Db, policy: Policy): Promise<BenefitRecords> {
  const holders = new Map<string, Holder>();
  for (const held of await findHeldIdentities(db, policy.code))
    holders.set(held.key, { source: 'case', caseId: held.caseId, period: held.period, uscc: held.uscc });
  const absorbedPersons = new Set<number>();
  for (const record of await findHistory(db, [policy.code, ABSORPTION_SUBSIDY])) {
    if (record.policyCode === ABSORPTION_SUBSIDY) {
      if (record.personId !== undefined) absorbedPersons.add(record.personId);
      continue;
    }
    const holder: Holder = {
      source: 'history',
      period: record.period,
      uscc: record.uscc,
      sourceSystem: record.sourceSystem,
      paidOn: record.paidOn,
    };
    for (const key of historyKeys(policy.benefitIdentity.parts, record))
      if (!holders.has(key)) holders.set(key, holder);
  }
  return { holders, absorbedPersons };
}

/**
 * Marks each row with its identity keys and who already holds its benefit. With `ownPeriod` (a match
 * run or an application of that period), the case of the same period and enterprise is the row's own
 * case, not an earlier benefit: a rerun compares with it instead of excluding it.
 */
export function markGranted(policy: Policy, rows: SubjectRow[], records: BenefitRecords, ownPeriod?: string): void {
  for (const row of rows) {
    row.identityKeys = identityKeysOf(policy.benefitIdentity.parts, row.identity);
    row.granted = undefined;
    for (const key of row.identityKeys) {
      const holder = records.holders.get(key);
      if (
        !holder ||
        (ownPeriod !== undefined && holder.source === 'case' && holder.period === ownPeriod && holder.uscc === row.uscc)
      )
        continue;
      row.granted = holder;
      break;
    }
  }
}

/** How a holder reads in an explanation: “已由案件 #12（2025）享受” or the history record. */
export function describeHolder(holder: Holder): string {
  if (holder.source === 'case') return `已由本系统案件（编号 ${holder.caseId}，${holder.period}）享受`;
  return `历史享受记录：${holder.sourceSystem ?? '其他系统'} ${holder.paidOn ?? ''} 发放（享受期间 ${holder.period}）`.replace(
    /\s+（/,
    '（',
  );
}

/** The line an explanation adds for facts answered from the records. */
export function recordFactNote(label: string, isRecorded: boolean, holder?: Holder): string {
  return isRecorded
    ? `${label}：是（${holder ? describeHolder(holder) : '依据已导入的历史享受记录'}）`
    : `${label}：否（本系统及已导入的历史享受记录中无记录）`;
}

/**
 * Claims the identities of new cases in the caller's transaction and answers the cases that could
 * not claim all of theirs (another process or case holds one): the caller removes those cases.
 */
export async function claimIdentities(
  trx: Db,
  policyCode: string,
  claims: readonly { caseId: number; uscc: string; keys: readonly string[] }[],
  at: string,
): Promise<number[]> {
  const rows = claims.flatMap((c) =>
    [...new Set(c.keys)].map((key) => ({
      policy_code: policyCode,
      identity_key: key,
      case_id: c.caseId,
      uscc: c.uscc,
      created_at: at,
    })),
  );
  await insertIdentities(trx, rows);
  const counts = await countIdentitiesOfCases(
    trx,
    claims.map((c) => c.caseId),
  );
  const short = claims.filter((c) => (counts.get(c.caseId) ?? 0) < new Set(c.keys).size).map((c) => c.caseId);
  await deleteIdentitiesOfCases(trx, short);
  return short;
}

/** Frees the identities of cases that no longer hold their benefit (declined, rejected, revoked, cancelled). */
export function releaseIdentities(trx: Db, caseIds: readonly number[]): Promise<void> {
  return deleteIdentitiesOfCases(trx, caseIds);
}

/** The live or paid case holding any of some identities (for the settlement of old cases). */
export function findCaseHolding(db: Db, policyCode: string, keys: readonly string[]) {
  return findHolderOf(db, policyCode, keys);
}

/** The identities a case holds, for its page. */
export function identitiesOfCase(db: Db, caseId: number): Promise<string[]> {
  return findIdentitiesOfCase(db, caseId);
}

/** One validated row of a 历史享受记录 file. */
export interface HistoryRecord {
  policyCode: string;
  uscc: string;
  idNumber?: string;
  period: string;
  amountFen: number;
  paidOn: string;
  sourceSystem: string;
}

/**
 * Stores history rows keyed by policy, enterprise, person (blind index of the ID number, never the
 * number) and period: a new key is added, a changed amount, date or source updates it, the same row
 * again changes nothing. Enterprises missing from the register are refused.
 */
export async function writeHistoryRecords(
  trx: Db,
  ctx: AppContext,
  rows: readonly { line: number; record: HistoryRecord }[],
  runId: number,
): Promise<BatchOutcome> {
  const registered = await findRegisteredUsccs(
    trx,
    rows.map((r) => r.record.uscc),
  );
  const rejects: RowReject[] = [];
  const keyed: { line: number; row: HistoryRow }[] = [];
  for (const { line, record } of rows) {
    if (!registered.has(record.uscc)) {
      rejects.push({
        line,
        column: '统一社会信用代码',
        code: 'ENTERPRISE_NOT_IN_REGISTER',
        message: '统一社会信用代码：企业不在专精特新企业培育库中，请先导入企业',
      });
      continue;
    }
    const personIndex = record.idNumber === undefined ? '' : ctx.cipher.blindIndex('id', record.idNumber);
    keyed.push({
      line,
      row: {
        policy_code: record.policyCode,
        uscc: record.uscc,
        person_index: personIndex,
        period: record.period,
        amount_fen: record.amountFen,
        paid_on: record.paidOn,
        source_system: record.sourceSystem,
      },
    });
  }
  const stored = await findStoredHistory(
    trx,
    keyed.map((k) => k.row),
  );
  const at = ctx.clock().toISOString();
  const fresh = new Map<string, HistoryRow>();
  let accepted = 0;
  let unchanged = 0;
  for (const { row } of keyed) {
    const key = historyKey(row);
    const before = stored.get(key);
    if (!before) {
      if (!fresh.has(key)) accepted += 1;
      else unchanged += 1;
      fresh.set(key, row);
    } else if (
      before.amount_fen === row.amount_fen &&
      before.paid_on === row.paid_on &&
      before.source_system === row.source_system
    ) {
      unchanged += 1;
    } else {
      await updateHistory(trx, before.id, {
        amount_fen: row.amount_fen,
        paid_on: row.paid_on,
        source_system: row.source_system,
        import_run_id: runId,
      });
      stored.set(key, { ...before, ...row });
      accepted += 1;
    }
  }
  await insertHistory(
    trx,
    [...fresh.values()].map((row) => ({ ...row, import_run_id: runId, created_at: at })),
  );
  return { accepted, unchanged, rejects };
}
