import { api } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/**
 * The policy engine's API (SPEC §2.5): the catalogue with versions, the calculator (for an
 * enterprise from its data, or for anyone from a form of facts), parameter edits, the YAML
 * test cases and the 政策沙盘.
 */

/** A document a policy rests on (文号 and clause). */
export interface LegalBasis {
  key: string;
  doc: string;
  clause: string | null;
  issuer: string | null;
  url: string | null;
  /** Read from a second-hand copy: officials only (null for enterprises and the public). */
  secondary: boolean | null;
  /** Drafting notes and source quality (文号待核, 转述): officials only. */
  note: string | null;
  source_quality?: string | null;
}

export type FactType = 'number' | 'money' | 'percent' | 'text' | 'bool' | 'date';

/** A named fact a policy reads: a question of the calculator's form. */
export interface PolicyFact {
  name: string;
  label: string;
  type: FactType | string;
  unit: string | null;
  description: string;
  /** The allowed answers of a text fact. */
  values: string[] | null;
  /** The enterprise declares it on its case when it applies (申报事实), proved by a material. */
  declared_on_application?: boolean;
}

export interface ParameterValue {
  from: string;
  to: string | null;
  region: string;
  /** As the policy file writes it: "60%", 1500 (元), 12, "2025-12-31", or a table. */
  value: unknown;
  source: LegalBasis | null;
}

export interface PolicyParameter {
  name: string;
  label: string;
  type: string;
  unit: string | null;
  /** Facts a table-valued parameter is looked up by. */
  indexed_by: string[];
  values: ParameterValue[];
}

export interface PolicyVersion {
  version_no: number;
  version: string;
  status: string;
  /** file (loaded from policies/<code>/) or edit. */
  source: string;
  content_sha256: string;
  created_at: string;
  created_by: string | null;
  reason: string | null;
  based_on: number | null;
  changes: ParameterChange[] | null;
  problems: string[];
}

export interface PolicySummary {
  code: string;
  name: string;
  citation: string;
  legal_basis: LegalBasis[];
  subject: string;
  scope: string[];
  valid: { from: string; to: string | null };
  version: string;
  version_no: number;
  content_sha256: string;
  updated_at: string;
  refused_latest: unknown;
  /** How it is claimed: 免申即享 `exempt`, or 即申即享 with materials `application` (null: no version in force). */
  delivery: 'exempt' | 'application' | null;
}

export interface PolicyDetail extends Omit<PolicySummary, 'updated_at' | 'refused_latest'> {
  summary: string;
  issuer: string | null;
  sources: LegalBasis[];
  facts: PolicyFact[];
  parameters: PolicyParameter[];
  conditions: { id: string; label: string; basis: string[] }[];
  amount: { label: string; basis: string[] } | null;
  versions: PolicyVersion[];
}

export type Outcome = 'eligible' | 'ineligible' | 'undetermined';

/** One person's line of a per-person policy (hires, certificates…). */
export interface CalculationRow {
  key: string;
  person?: { name: string | null; id_number: string | null };
  outcome: Outcome;
  amount_fen: number | null;
  explanation: string[];
  failed_condition: { id: string; label: string } | null;
  missing_facts: PolicyFact[];
  [field: string]: unknown;
}

/** The calculator's answer (the same object as `yangfan policy calc --json`). */
export interface Calculation {
  outcome: Outcome;
  amount_fen: number | null;
  explanation: string[];
  version: string;
  policy: string;
  name: string;
  version_no: number;
  date: string;
  region: string;
  failed_condition: { id: string; label: string } | null;
  missing_facts: PolicyFact[];
  uscc?: string;
  enterprise_name?: string;
  subject?: string;
  facts?: Record<string, unknown> | null;
  /** The answer if the missing facts took the assumed values. */
  provisional?: {
    assumptions: { name: string; label: string; value: unknown }[];
    outcome: Outcome;
    amount_fen: number | null;
    eligible_amount_fen?: number;
    explanation: string[];
  } | null;
  rows?: CalculationRow[] | null;
  /** The sources the policy's rules cite; their quality shows to officials only. */
  sources?: LegalBasis[];
  summary?: {
    rows: number;
    eligible: number;
    ineligible: number;
    undetermined: number;
    eligible_amount_fen: number;
  } | null;
}

export interface MyCalculations {
  uscc: string;
  date: string;
  items: Calculation[];
  eligible_amount_fen: number;
}

export interface PublicCalculation extends Calculation {
  /** The questions still needed for a definite answer. */
  questions: PolicyFact[];
  /** Every question of the policy's form. */
  form: PolicyFact[];
}

export interface ParameterChange {
  parameter: string;
  from: string;
  to?: string | null;
  region: string;
  value?: unknown;
  remove?: boolean;
}

export interface ParameterEdit {
  reason: string;
  changes: ParameterChange[];
  source?: { doc?: string; clause?: string; url?: string };
}

export interface TestRun {
  code: string;
  version: string;
  version_no: number;
  passed: number;
  failed: number;
  cases: { name: string; passed: boolean; differences: unknown[]; outcome: Outcome; amount_fen: number | null }[];
}

/** Before → after of one slice of the sandbox's cost. */
export interface CostSlice {
  key: string;
  name?: string;
  before_fen: number;
  after_fen: number;
  delta_fen: number;
  before_eligible: number;
  after_eligible: number;
}

export interface SandboxSummary {
  enterprises: number;
  gainers: number;
  losers: number;
  changed: number;
  total: Omit<CostSlice, 'key'>;
  outcomes: { before: Record<Outcome, number>; after: Record<Outcome, number> };
  by_unit: CostSlice[];
  by_tier: CostSlice[];
  by_industry: CostSlice[];
  assumptions?: { name: string; label: string; value: unknown }[];
}

export interface SandboxEnterprise {
  uscc: string;
  name: string;
  city_code: string;
  tier: string;
  industry_category: string;
  before_outcome: Outcome;
  before_fen: number | null;
  after_outcome: Outcome;
  after_fen: number | null;
  delta_fen: number;
}

export interface SandboxRun extends Page<SandboxEnterprise> {
  id: number;
  code: string;
  date: string;
  changes: Record<string, { from: string; to?: string; region: string; value: unknown }[]>;
  note: string | null;
  created_by: string;
  created_at: string;
  summary: SandboxSummary;
}

export type SandboxDirection = 'gain' | 'loss' | 'all';

export function listPolicies(): Promise<Page<PolicySummary>> {
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
  request: { facts: Record<string, unknown>; date?: string; region?: string },
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
  request: { date?: string; changes: SandboxRun['changes']; note?: string },
): Promise<SandboxRun> {
  return api.post(`/policies/${encodeURIComponent(code)}/sandbox`, request);
}

export function getSandboxRun(
  code: string,
  id: number,
  query: PageQuery & { direction?: SandboxDirection },
): Promise<SandboxRun> {
  return api.get(`/policies/${encodeURIComponent(code)}/sandbox/${id}`, { ...query });
}
