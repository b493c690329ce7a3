import type { Db } from '../../db/database.ts';

/**
 * The Chinese name of a policy for notices (稳岗返还, not stable_jobs_refund), read from its
 * newest accepted version in the catalogue. Names do not change between versions in practice,
 * so each code is looked up once per process.
 */
const NAMES = new Map<string, string>();

export async function policyNameOf(db: Db, code: string): Promise<string> {
  const known = NAMES.get(code);
  if (known) return known;
  const row = await db
    .selectFrom('policy_versions')
    .select('definition')
    .where('code', '=', code)
    .where('status', '=', 'active')
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  const name = row ? (JSON.parse(row.definition) as { name?: unknown }).name : undefined;
  if (typeof name !== 'string' || name === '') return code;
  NAMES.set(code, name);
  return name;
}

/** “稳岗返还（2025）”: how a notice names the case's policy and period. */
export async function caseSubjectOf(db: Db, current: { policy_code: string; period: string }): Promise<string> {
  return `${await policyNameOf(db, current.policy_code)}（${current.period}）`;
}
