import { api } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf } from './types.ts';

/**
 * The policy engine's API (SPEC §2.5): the catalogue with versions, the calculator (for an
 * enterprise from its data, or for anyone from a form of facts), parameter edits, the YAML
 * test cases and the 政策沙盘. The shapes come from the server's OpenAPI document.
 */

/** One line of the catalogue: name, 文号, scope, validity, the version in force and how it is claimed. */
export type PolicySummary = ItemOf<ApiResponse<'/api/v1/policies'>>;

/** One policy in detail: parameters by date and region with their sources, conditions, versions. */
export type PolicyDetail = ApiResponse<'/api/v1/policies/{code}'>;

/** A document a policy rests on (文号 and clause); whether it was read from a copy shows to officials only. */
export type LegalBasis = PolicyDetail['sources'][number];

/** A named fact a policy reads: a question of the calculator's form. */
export type PolicyFact = PolicyDetail['facts'][number];
export type FactType = PolicyFact['type'];

export type PolicyParameter = PolicyDetail['parameters'][number];
export type ParameterValue = PolicyParameter['values'][number];
export type PolicyVersion = PolicyDetail['versions'][number];

/** The calculator's answer for an enterprise (the same object as `yangfan policy calc --json`). */
export type Calculation = ApiResponse<'/api/v1/policies/{code}/calc'>;
export type Outcome = Calculation['outcome'];
/** One person's line of a per-person policy (hires, certificates…). */
export type CalculationRow = NonNullable<Calculation['rows']>[number];

type EnterpriseOnly =
  'uscc' | 'enterprise_name' | 'subject' | 'snapshot' | 'facts' | 'provisional' | 'rows' | 'summary';
/** What a result card shows: the public calculator's result, or an enterprise's with its rows and totals. */
export type CalculationView = Omit<Calculation, EnterpriseOnly> & Partial<Pick<Calculation, EnterpriseOnly>>;

export type MyCalculations = ApiResponse<'/api/v1/policies/calc/mine'>;

/** The public calculator's answer, with the questions still needed and the whole form. */
export type PublicCalculation = ApiResponse<'/api/v1/policies/{code}/calc', 'post'>;

export type ParameterEdit = ApiBody<'/api/v1/policies/{code}/parameters', 'patch'>;
export type ParameterChange = ParameterEdit['changes'][number];

export type TestRun = ApiResponse<'/api/v1/policies/{code}/test', 'post'>;

/** One stored sandbox run: its summary and a page of the enterprises it changed. */
export type SandboxRun = ApiResponse<'/api/v1/policies/{code}/sandbox/{id}'>;
export type SandboxSummary = SandboxRun['summary'];
/** Before → after of one slice of the sandbox's cost. */
export type CostSlice = SandboxSummary['by_unit'][number];
export type SandboxEnterprise = SandboxRun['items'][number];
export type SandboxDirection = NonNullable<ApiQuery<'/api/v1/policies/{code}/sandbox/{id}'>['direction']>;

export function listPolicies(): Promise<ApiResponse<'/api/v1/policies'>> {
  return api.get('/policies');
}

export function getPolicy(code: string): Promise<PolicyDetail> {
  return api.get(`/policies/${encodeURIComponent(code)}`);
}

/** Every policy computed from the signed-in enterprise's own data. */
export function calculateMine(date?: string): Promise<MyCalculations> {
  return api.get('/policies/calc/mine', { date });
}

/** Anyone: facts in (money in 元, percentages as "3.2%"), the result and the questions still needed out. */
export function calculateFromFacts(
  code: string,
  request: ApiBody<'/api/v1/policies/{code}/calc'>,
): Promise<PublicCalculation> {
  return api.post(`/policies/${encodeURIComponent(code)}/calc`, request);
}

/** A new version with the changed values; refused (422 POLICY_INVALID) when it leaves a gap or an overlap. */
export function editParameters(code: string, edit: ParameterEdit): Promise<PolicyVersion> {
  return api.patch(`/policies/${encodeURIComponent(code)}/parameters`, edit);
}

export function runPolicyTests(code: string, versionNo?: number): Promise<TestRun> {
  return api.post(
    `/policies/${encodeURIComponent(code)}/test`,
    versionNo === undefined ? {} : { version_no: versionNo },
  );
}

/** Reruns the policy over the register with assumed parameters; live decisions are untouched. */
export function runSandbox(
  code: string,
  request: ApiBody<'/api/v1/policies/{code}/sandbox'>,
): Promise<ApiResponse<'/api/v1/policies/{code}/sandbox', 'post'>> {
  return api.post(`/policies/${encodeURIComponent(code)}/sandbox`, request);
}

export function getSandboxRun(
  code: string,
  id: number,
  query: ApiQuery<'/api/v1/policies/{code}/sandbox/{id}'>,
): Promise<SandboxRun> {
  return api.get(`/policies/${encodeURIComponent(code)}/sandbox/${id}`, { ...query });
}
