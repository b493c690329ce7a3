import type { AppContext } from '../../../app-context.ts';
import { countCertificatesByEmployer, markCertificatesIssuedBy } from '../demo-skills.repository.ts';
import { listSelfEvaluation, upsertSelfEvaluation } from './talent.repository.ts';

/**
 * The demo's 技能等级自主评价 pilots: in each city the enterprise whose people earned the most skill
 * certificates since the pilots began is registered for its (up to) three most certified
 * occupations, and those certificates are recorded as issued by it — so the 人才评价 tab and the
 * enterprise's 人才情况 are not empty on a fresh start. Added once, with the rest of the skills demo.
 */

/** The demo's registration: from the plan's first spring, valid three years. */
const PILOT = { approvedOn: '2024-03-01', validUntil: '2027-02-28', occupations: 3, minimumCertificates: 3 };

export interface DemoSelfEvaluationSummary {
  self_evaluation_enterprises: number;
  issued_certificates: number;
}

export async function loadDemoSelfEvaluation(
  ctx: AppContext,
  cityNames: ReadonlyMap<string, string>,
): Promise<DemoSelfEvaluationSummary> {
  const summary = { self_evaluation_enterprises: 0, issued_certificates: 0 };
  if ((await listSelfEvaluation(ctx.db)).length > 0) return summary;
  const counts = await countCertificatesByEmployer(ctx.db, PILOT.approvedOn);
  const now = ctx.clock().toISOString();
  let serial = 0;
  for (const pilot of choosePilots(counts)) {
    serial += 1;
    await ctx.db.transaction().execute(async (trx) => {
      await upsertSelfEvaluation(trx, {
        uscc: pilot.uscc,
        region_code: pilot.regionCode,
        occupation_codes: JSON.stringify(pilot.occupations),
        approval_no: `${cityNames.get(pilot.cityCode) ?? ''}人社评备〔2024〕${serial}号`,
        approved_on: PILOT.approvedOn,
        valid_until: PILOT.validUntil,
        recorded_at: now,
        recorded_by: null,
      });
      summary.issued_certificates += await markCertificatesIssuedBy(
        trx,
        pilot.uscc,
        pilot.occupations,
        PILOT.approvedOn,
      );
    });
    summary.self_evaluation_enterprises += 1;
  }
  return summary;
}

interface Pilot {
  cityCode: string;
  regionCode: string;
  uscc: string;
  occupations: string[];
}

/** Per city, the enterprise with the most certificates (ties: lower credit code) and its top occupations. */
function choosePilots(
  counts: readonly { city_code: string; region_code: string; uscc: string; occupation_code: string; n: number }[],
): Pilot[] {
  const byEnterprise = new Map<
    string,
    { cityCode: string; regionCode: string; total: number; occupations: [string, number][] }
  >();
  for (const row of counts) {
    const entry = byEnterprise.get(row.uscc) ?? {
      cityCode: row.city_code,
      regionCode: row.region_code,
      total: 0,
      occupations: [],
    };
    entry.total += row.n;
    entry.occupations.push([row.occupation_code, row.n]);
    byEnterprise.set(row.uscc, entry);
  }
  const best = new Map<string, Pilot & { total: number }>();
  for (const [uscc, entry] of [...byEnterprise].sort(([a], [b]) => a.localeCompare(b))) {
    if (entry.total < PILOT.minimumCertificates) continue;
    const current = best.get(entry.cityCode);
    if (current && current.total >= entry.total) continue;
    const occupations = [...entry.occupations]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, PILOT.occupations)
      .map(([code]) => code);
    best.set(entry.cityCode, {
      cityCode: entry.cityCode,
      regionCode: entry.regionCode,
      uscc,
      occupations,
      total: entry.total,
    });
  }
  return [...best.values()]
    .sort((a, b) => a.cityCode.localeCompare(b.cityCode))
    .map(({ total: _total, ...pilot }) => pilot);
}
