import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../../app-context.ts';
import { nowIso } from '../../../db/convert.ts';
import type { Db } from '../../../db/database.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { PolicyError } from '../../../policies/errors.ts';
import { buildPolicy, listPolicyCodes, POLICIES_DIR } from '../../../policies/load.ts';
import type { Policy } from '../../../policies/types.ts';
import { loadCases, runCase } from '../../../policies/cases.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import {
  findCatalogueHeads,
  findCurrentVersion,
  findLatestFileVersion,
  findPolicyVersions,
  findVersionByNumber,
  insertPolicyVersion,
  lockCatalogue,
  type PolicyVersionRow,
} from './catalogue.repository.ts';
import { catalogueItem, policyDetail } from './catalogue-views.ts';
import { documentOfYaml, policyOfVersion, sha256Hex, withEngineErrors } from '../policy-versions.ts';

/**
 * The catalogue mirrors policies/<code>/policy.yaml and keeps every version. At each start the
 * files are loaded with the engine's checks: a changed file becomes a new version; a file the
 * engine refuses is recorded as refused, with its reasons, and the previous version stays in force.
 */

export interface SyncedVersion {
  code: string;
  version_no: number;
  version: string;
  status: 'active' | 'refused';
  problems: string[];
}

/** Loads every policy file into the catalogue; unchanged files add nothing (idempotent). */
export async function syncPolicyCatalogue(ctx: AppContext, dir = POLICIES_DIR): Promise<SyncedVersion[]> {
  const added: SyncedVersion[] = [];
  for (const code of listPolicyCodes(dir)) {
    const text = readFileSync(join(dir, code, 'policy.yaml'), 'utf8');
    const version = await ctx.db.transaction().execute((trx) => syncPolicyFile(ctx, trx, code, text));
    if (version) added.push(version);
  }
  return added;
}

async function syncPolicyFile(
  ctx: AppContext,
  trx: Db,
  code: string,
  text: string,
): Promise<SyncedVersion | undefined> {
  await lockCatalogue(trx, ctx.dialect);
  const sha = sha256Hex(text);
  if ((await findLatestFileVersion(trx, code))?.content_sha256 === sha) return undefined;
  const document = documentOfYaml(text);
  let problems: string[] = [];
  try {
    buildPolicy(text, `policies/${code}/policy.yaml`, code);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    problems = error.problems.length > 0 ? error.problems : [error.message];
  }
  const status = problems.length === 0 ? 'active' : 'refused';
  const row = await insertPolicyVersion(trx, ctx.dialect, {
    code,
    version: String(document.version ?? '（无版本号）'),
    status,
    source: 'file',
    content_sha256: sha,
    definition: JSON.stringify(document),
    problems: problems.length ? JSON.stringify(problems) : null,
    based_on: null,
    reason: null,
    changes: null,
    created_by: null,
    created_by_name: 'system',
    created_at: nowIso(ctx.clock),
  });
  await appendAudit(
    trx,
    ctx.dialect,
    systemActor('policy-catalogue'),
    {
      action: status === 'active' ? 'policy.version.loaded' : 'policy.version.refused',
      outcome: status === 'active' ? 'success' : 'failure',
      objectType: 'policy',
      objectId: code,
      details: { version_no: row.version_no, version: row.version, content_sha256: sha, problems },
    },
    ctx.clock(),
  );
  return { code, version_no: row.version_no, version: row.version, status, problems };
}

/** The version in force of a policy, with its engine Policy; POLICY_NOT_FOUND or POLICY_INVALID otherwise. */
export async function findPolicyInForce(db: Db, code: string): Promise<{ row: PolicyVersionRow; policy: Policy }> {
  const row = await findCurrentVersion(db, code);
  if (!row) {
    const any = await findVersionByNumber(db, code, 1);
    if (any) throw new AppError('POLICY_INVALID', `政策 ${code} 没有通过加载检查的版本，不能计算`);
    throw new AppError('POLICY_NOT_FOUND', `没有编码为「${code}」的政策`);
  }
  return { row, policy: policyOfVersion(row) };
}

/** A given version (or the one in force when no number is given), accepted ones only. */
export async function findPolicyVersion(
  db: Db,
  code: string,
  versionNo?: number,
): Promise<{ row: PolicyVersionRow; policy: Policy }> {
  if (versionNo === undefined) return findPolicyInForce(db, code);
  const row = await findVersionByNumber(db, code, versionNo);
  if (!row) throw new AppError('NOT_FOUND', `政策 ${code} 没有第 ${versionNo} 版`);
  return { row, policy: policyOfVersion(row) };
}

/** The catalogue: every policy with its version in force (or why its newest version was refused). */
export async function listCatalogue(db: Db, viewer: CurrentUser | null) {
  const heads = await findCatalogueHeads(db);
  const items = heads.map((head) =>
    catalogueItem(head, head.current ? policyOfVersion(head.current) : undefined, viewer),
  );
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/** One policy in detail with its whole version history. */
export async function getPolicyDetail(db: Db, code: string, viewer: CurrentUser | null) {
  const { row, policy } = await findPolicyInForce(db, code);
  return policyDetail(policy, row, await findPolicyVersions(db, code), viewer);
}

/** Runs the policy's YAML cases (policies/<code>/cases.yaml) against a version, the one in force by default. */
export async function runPolicyTests(db: Db, code: string, versionNo?: number) {
  const { row, policy } = await findPolicyVersion(db, code, versionNo);
  const cases = withEngineErrors(() => loadCases(policy));
  const results = cases.map((policyCase) => runCase(policy, policyCase));
  const passed = results.filter((result) => result.passed).length;
  return {
    code,
    version: row.version,
    version_no: row.version_no,
    content_sha256: row.content_sha256,
    passed,
    failed: results.length - passed,
    cases: results.map((result) => ({
      name: result.name,
      passed: result.passed,
      differences: result.differences,
      outcome: result.outcome ?? null,
      amount_fen: result.amountFen ?? null,
    })),
  };
}
