import { enterpriseContentHash } from './content-hash.ts';
import type { Insertable } from 'kysely';
import type { PersonalDataCipher } from '../../platform/crypto/personal-data.ts';
import type { RowReject } from '../imports/import-kind.ts';
import type { EnterpriseRecord } from './enterprises.parse.ts';
import type { EnterpriseTable } from './enterprises.table.ts';
import type { PlaceResult } from './register-places.ts';
import type { NewRecognition } from './register-write.repository.ts';

/**
 * Decides, without touching the database, what a batch changes: which enterprises are new or
 * different (by content hash), which recognitions are new, and each row's outcome.
 */

export type EnterpriseState = Omit<Insertable<EnterpriseTable>, 'change_seq' | 'updated_at'>;

export interface RowOutcome {
  line: number;
  uscc: string;
  status: 'accepted' | 'unchanged' | 'rejected';
  notes: string[];
  rejects: Omit<RowReject, 'line'>[];
}

/** What the batch finds on record, and the reference lookups for its codes. */
export interface KnownState {
  enterprises: Map<string, EnterpriseState>;
  /** `uscc|tier|recognized_on` → valid_until. */
  recognitions: Map<string, string>;
  industries: Set<string>;
  placeOf(code: string): PlaceResult;
}

export interface WritePlan {
  outcomes: RowOutcome[];
  /** Credit codes whose record or history changed: each gets one change-feed entry. */
  touched: Set<string>;
  recognitions: NewRecognition[];
}

const recognitionKey = (uscc: string, tier: string, recognizedOn: string) => `${uscc}|${tier}|${recognizedOn}`;

/**
 * Plans a batch in file order, updating `known` as it goes so later rows of the same enterprise
 * see earlier ones. The enterprise row follows its newest recognition: a row recognised before
 * the one on record only adds to the tier history.
 */
export function planWrites(
  rows: { line: number; record: EnterpriseRecord }[],
  known: KnownState,
  stamp: { now: string; source: string },
  cipher: PersonalDataCipher,
): WritePlan {
  const plan: WritePlan = { outcomes: [], touched: new Set(), recognitions: [] };
  for (const { line, record } of rows) {
    const place = known.placeOf(record.regionCode);
    const rejects = checkReferences(record, place, known.industries);
    if (rejects.length > 0 || !place.ok) {
      plan.outcomes.push({ line, uscc: record.uscc, status: 'rejected', notes: [], rejects });
      continue;
    }
    const notes = [
      ...record.notes,
      ...(place.place.note ? [place.place.note] : []),
      ...foreignRegistrationNote(record.uscc),
    ];
    const current = known.enterprises.get(record.uscc);
    const isNewest = !current || record.recognizedOn >= current.recognized_on;
    const next = isNewest ? stateOf(record, place.place, current, stamp.now, cipher) : undefined;
    const stateChanged = next !== undefined && next.content_hash !== current?.content_hash;
    if (stateChanged) known.enterprises.set(record.uscc, next);
    if (!isNewest)
      notes.push(`认定日期 ${record.recognizedOn} 早于库中当前认定（${current?.recognized_on}），仅记入梯度历史`);
    const key = recognitionKey(record.uscc, record.tier, record.recognizedOn);
    const historyChanged = known.recognitions.get(key) !== record.validUntil;
    if (historyChanged) {
      known.recognitions.set(key, record.validUntil);
      plan.recognitions.push({
        uscc: record.uscc,
        tier: record.tier,
        recognized_on: record.recognizedOn,
        valid_until: record.validUntil,
        recorded_at: stamp.now,
        source: stamp.source,
      });
    }
    if (stateChanged || historyChanged) plan.touched.add(record.uscc);
    plan.outcomes.push({
      line,
      uscc: record.uscc,
      status: stateChanged || historyChanged ? 'accepted' : 'unchanged',
      notes,
      rejects: [],
    });
  }
  // A recognition is written once per batch even if several rows restate it: keep the last.
  plan.recognitions = [
    ...new Map(plan.recognitions.map((r) => [recognitionKey(r.uscc, r.tier, r.recognized_on), r])).values(),
  ];
  return plan;
}

function checkReferences(record: EnterpriseRecord, place: PlaceResult, industries: Set<string>): RowOutcome['rejects'] {
  const rejects: RowOutcome['rejects'] = [];
  if (!place.ok) rejects.push({ column: '所在地区代码', code: 'REGION_UNKNOWN', message: place.message });
  if (!industries.has(record.industryCode)) {
    rejects.push({
      column: '行业代码',
      code: 'INDUSTRY_UNKNOWN',
      message: `行业代码 ${record.industryCode} 不是 GB/T 4754-2017 的门类或大类`,
    });
  }
  return rejects;
}

/**
 * Characters 3–8 of a credit code name the registering authority's region. One registered in
 * another province is kept (an enterprise may move to Jiangsu and keep its code) but noted.
 */
function foreignRegistrationNote(uscc: string): string[] {
  const registeredIn = uscc.slice(2, 8);
  if (registeredIn.startsWith('32')) return [];
  return [`统一社会信用代码的登记机关地区码 ${registeredIn} 不在江苏省，已按所在地区代码记录，请核实是否为外省迁入`];
}

function stateOf(
  record: EnterpriseRecord,
  place: { regionCode: string; cityCode: string },
  current: EnterpriseState | undefined,
  now: string,
  cipher: PersonalDataCipher,
): EnterpriseState {
  const phoneIndex = record.phone ? cipher.blindIndex('phone', record.phone) : null;
  const fields = {
    uscc: record.uscc,
    name: record.name,
    region_code: place.regionCode,
    city_code: place.cityCode,
    industry_code: record.industryCode,
    size: record.size,
    tier: record.tier,
    recognized_on: record.recognizedOn,
    valid_until: record.validUntil,
    contact_name: record.contactName,
    contact_phone_index: phoneIndex,
  };
  const contentHash = enterpriseContentHash(fields);
  // Encrypting draws a fresh IV: only pay for it (and only rewrite the column) when something changed.
  const isSame = current?.content_hash === contentHash;
  return {
    ...fields,
    contact_phone_enc: isSame
      ? (current?.contact_phone_enc ?? null)
      : record.phone
        ? cipher.encrypt(record.phone)
        : null,
    content_hash: contentHash,
    created_at: current?.created_at ?? now,
  };
}
