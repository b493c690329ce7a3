import { api, apiDownload } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/**
 * 免申即享 / 即申即享 / 直补快办 (GET|POST /api/v1/benefits/…, /api/v1/public/notices). Every write
 * carries the `Idempotency-Key` of one user action: the page keeps the key until the action
 * succeeds, so a retry after a lost answer is replayed by the server instead of done twice.
 */

export const CASE_STATES = [
  'matched',
  'confirmed',
  'declined',
  'returned',
  'approved',
  'rejected',
  'revoked',
  'payment_instructed',
  'payment_failed',
  'paid',
  'cancelled',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The policies a match run can be started for (codes of policies/<code>/). */
export const BENEFIT_POLICIES = [
  'stable_jobs_refund',
  'job_expansion_subsidy',
  'skills_upgrade_subsidy',
  'social_insurance_subsidy',
  'internship_subsidy',
] as const;

export interface ReviewClock {
  started_on: string;
  deadline: string;
  /** The limit this case's review runs under, in working days (reference/benefits/time-limits.json). */
  limit_workdays: number;
  /** Working days left (0 due today, negative overdue). */
  days_left: number;
  is_warning: boolean;
  is_overdue: boolean;
  /** Counted Monday to Friday through a year whose holiday arrangement is not loaded yet. */
  is_provisional: boolean;
  provisional_year: number | null;
}

/** The time limits in force today, with their sources (GET /public/time-limits). */
export interface TimeLimits {
  today: string;
  items: {
    key: 'review_workdays' | 'review_warning_workdays' | 'publicity_workdays';
    label: string;
    unit: string;
    from: string;
    value: number;
    source: string;
  }[];
}

let timeLimits: Promise<TimeLimits> | undefined;

/** The time limits, fetched once per page load (they change by dated data, not by the minute). */
export function getTimeLimits(): Promise<TimeLimits> {
  timeLimits ??= api.get<TimeLimits>('/public/time-limits').catch((error: unknown) => {
    timeLimits = undefined;
    throw error;
  });
  return timeLimits;
}

export interface BenefitCase {
  id: number;
  policy: string;
  period: string;
  uscc: string;
  enterprise_name: string;
  region_code: string;
  city_code: string;
  state: CaseState;
  state_label: string;
  amount_fen: number;
  amount_yuan: string;
  rerun_amount_fen: number | null;
  is_amount_changed: boolean;
  /** Persons still waiting for the enterprise's declaration (申报事实); 0 when none. */
  awaiting_declaration: number;
  reason: string | null;
  publicity_from: string | null;
  publicity_until: string | null;
  /** The 公示's end was counted Monday to Friday through a year not yet on the calendar. */
  is_publicity_provisional: boolean;
  review_clock: ReviewClock | null;
  run_id: number;
  created_at: string;
  updated_at: string;
}

export interface BankAccount {
  bank_name: string;
  bank_account: string;
  account_holder: string;
}

export interface CaseDetail extends BenefitCase {
  explanation: string[];
  bank: { bank_name: string; bank_account: string | null; account_holder: string | null } | null;
  history: { from: string | null; to: string; actor: string | null; note: string | null; at: string }[];
  /** The earlier case that holds the same benefit, for a duplicate found when identities were settled. */
  duplicate_of: number | null;
  /** What one benefit of the policy is (paid once), and how many this case holds. */
  benefit_identity: { label: string; note: string | null; held: number };
}

export interface CaseQuery extends PageQuery {
  policy?: string;
  state?: CaseState;
  region?: string;
  run?: number;
  overdue?: boolean;
}

export interface StateAnswer {
  id: number;
  state: CaseState;
}

export interface InboxNotice {
  id: number;
  case_id: number;
  kind: string;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
  /** The case's state now: only a case waiting for the enterprise asks it to act. */
  case_state: CaseState | null;
}

export interface MatchRunSummary {
  enterprises_evaluated?: number;
  rows_evaluated?: number;
  rows_excluded_already_granted?: number;
  candidates_already_granted?: number;
  candidates?: number;
  candidates_new?: number;
  candidates_unchanged?: number;
  amount_changed?: number;
  amount_new_fen?: number;
  timings_ms?: { sql?: number; evaluate?: number; write?: number };
}

export interface MatchRun {
  id: number;
  policy: string;
  version_no: number;
  period: string;
  date: string;
  snapshot: Record<string, number>;
  /** running, completed or failed. */
  status: string;
  phase: string;
  summary: MatchRunSummary | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface BulkApproveAnswer {
  approved: number;
  results: { id: number; state: string | null; skipped: string | null }[];
}

/** The preview of a money step: cases with masked accounts, the total, and the token that confirms it. */
export interface MoneyPreview {
  count: number;
  total_fen: number;
  total_yuan: string;
  token: string;
  cases: {
    id: number;
    policy: string;
    period: string;
    uscc: string;
    enterprise_name: string;
    amount_fen: number;
    amount_yuan: string;
    bank_name: string | null;
    /** ****1234: the tail only. */
    bank_account: string | null;
    account_holder: string | null;
  }[];
  /** Cases asked for that the step leaves out: NOT_FOUND, or INVALID_STATE_TRANSITION with their state. */
  skipped: { id: number; reason: string; state: string | null }[];
}

export interface PaymentBatch {
  id: number;
  file_name: string;
  sha256: string;
  payments: number;
  total_fen: number;
  total_yuan: string;
  case_ids: number[];
}

/** An earlier instruction file; `file_url` is null for callers who may not download it. */
export interface PaymentBatchListItem {
  id: number;
  file_name: string;
  sha256: string;
  payments: number;
  total_fen: number;
  total_yuan: string;
  created_by: string | null;
  created_at: string;
  file_url: string | null;
}

export interface MatchRunQuery extends PageQuery {
  policy?: string;
}

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** A 公示 objection with its case; ID and mobile numbers in the texts are masked by the server. */
export interface Objection {
  id: number;
  case_id: number;
  policy: string;
  period: string;
  enterprise_name: string;
  region_code: string;
  city_code: string;
  amount_fen: number;
  amount_yuan: string;
  case_state: string;
  text: string;
  filed_at: string;
  status: ObjectionStatus;
  resolution: string | null;
  resolved_at: string | null;
}

export interface ObjectionQuery extends PageQuery {
  status?: 'open' | 'resolved';
}

export interface OverdueByCity {
  today: string;
  items: { city_code: string; overdue: number; provisional: number }[];
}

export interface LedgerRow {
  policy_code: string;
  region_code: string;
  /** 南京市江宁区: a county-level division with its city. */
  region_name: string;
  month: string;
  debit_fen: number;
  credit_fen: number;
  released_fen: number;
  settled_fen: number;
  instructed_fen: number;
  paid_fen: number;
  payments: number;
  difference_fen: number;
  unreleased_fen: number;
  unsettled_fen: number;
}

export interface Reconciliation {
  balanced: boolean;
  total: { debit_fen: number; credit_fen: number; paid_fen: number };
  rows: LedgerRow[];
  differences: LedgerRow[];
  anomalies: { unbooked_payments: number[]; settled_but_not_paid: number[] };
}

export interface PublicNotice {
  id: number;
  policy: string;
  period: string;
  enterprise_name: string;
  city_code: string;
  amount_fen: number;
  amount_yuan: string;
  publicity_from: string;
  publicity_until: string;
}

export interface ObjectionAnswer {
  id: number;
  case_id: number;
  status: string;
}

/** A fresh key for one user action (printable ASCII, as the server requires). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A POST carrying the Idempotency-Key of one user action. */
export function write<T>(path: string, body: unknown, key: string): Promise<T> {
  return api.post<T>(path, body, { headers: { 'Idempotency-Key': key } });
}

export function listCases(query: CaseQuery): Promise<Page<BenefitCase>> {
  return api.get<Page<BenefitCase>>('/benefits/cases', { ...query });
}

export function getCase(id: number): Promise<CaseDetail> {
  return api.get<CaseDetail>(`/benefits/cases/${id}`);
}

export function confirmCase(id: number, account: BankAccount, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/confirm`, account, key);
}

export function declineCase(id: number, reason: string, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/decline`, { reason }, key);
}

/** Approves with the official's opinion (审核意见) and the amount seen when confirming. */
export function approveCase(
  id: number,
  approval: { opinion: string; expected_amount_fen: number },
  key: string,
): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/approve`, approval, key);
}

export function rejectCase(id: number, reason: string, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/reject`, { reason }, key);
}

export function returnCase(id: number, reason: string, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/return`, { reason }, key);
}

/** What a bulk approval of these cases would do (changes nothing). */
export function previewBulkApprove(caseIds: number[]): Promise<MoneyPreview> {
  return api.post<MoneyPreview>('/benefits/cases/bulk-approve/preview', { case_ids: caseIds });
}

/** Approves exactly what the preview showed (its token), with one opinion for every case. */
export function bulkApproveCases(
  caseIds: number[],
  confirmed: { opinion: string; preview_token: string },
  key: string,
): Promise<BulkApproveAnswer> {
  return write('/benefits/cases/bulk-approve', { case_ids: caseIds, ...confirmed }, key);
}

export function startMatchRun(policy: string, period: string, key: string): Promise<MatchRun> {
  return write('/benefits/match-runs', { policy, period }, key);
}

export function getMatchRun(id: number): Promise<MatchRun> {
  return api.get<MatchRun>(`/benefits/match-runs/${id}`);
}

export function listMatchRuns(query: MatchRunQuery): Promise<Page<MatchRun>> {
  return api.get<Page<MatchRun>>('/benefits/match-runs', { ...query });
}

export function listOverdueByCity(): Promise<OverdueByCity> {
  return api.get<OverdueByCity>('/benefits/review/overdue');
}

/** What a payment instruction for these cases (or every case ready for payment) would hold (changes nothing). */
export function previewPaymentBatch(caseIds: number[] | undefined): Promise<MoneyPreview> {
  return api.post<MoneyPreview>(
    '/benefits/payment-batches/preview',
    caseIds && caseIds.length > 0 ? { case_ids: caseIds } : {},
  );
}

/** Payment instructions for exactly the cases the preview showed (its token). */
export function createPaymentBatch(caseIds: number[], previewToken: string, key: string): Promise<PaymentBatch> {
  return write('/benefits/payment-batches', { case_ids: caseIds, preview_token: previewToken }, key);
}

export function listPaymentBatches(query: PageQuery): Promise<Page<PaymentBatchListItem>> {
  return api.get<Page<PaymentBatchListItem>>('/benefits/payment-batches', { ...query });
}

export function downloadPaymentFile(batch: { id: number; file_name: string }) {
  return apiDownload(`/benefits/payment-batches/${batch.id}/file`, undefined, batch.file_name);
}

/** Objections in the caller's region (the province: all), open or resolved. */
export function listObjections(query: ObjectionQuery): Promise<Page<Objection>> {
  return api.get<Page<Objection>>('/benefits/objections', { ...query });
}

/** An objection's whole text (the personal-data right; the server audits every view). */
export function revealObjectionText(id: number): Promise<{ id: number; text: string }> {
  return api.get(`/benefits/objections/${id}/text`);
}

export function resolveObjection(
  id: number,
  decision: 'upheld' | 'dismissed',
  resolution: string,
  key: string,
): Promise<ObjectionAnswer> {
  return write(`/benefits/objections/${id}/resolve`, { decision, resolution }, key);
}

/** The reconciliation of these filters as an Excel file (audited). */
export function exportReconciliation(query: {
  policy?: string;
  month?: string;
}): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/benefits/ledger/reconciliation/export', { ...query }, 'reconciliation.xlsx');
}

export function getReconciliation(query: { policy?: string; month?: string }): Promise<Reconciliation> {
  return api.get<Reconciliation>('/benefits/ledger/reconciliation', { ...query });
}

export function listPublicNotices(query: PageQuery): Promise<Page<PublicNotice>> {
  return api.get<Page<PublicNotice>>('/public/notices', { ...query });
}

export function fileObjection(noticeId: number, text: string, key: string): Promise<ObjectionAnswer> {
  return write(`/public/notices/${noticeId}/objections`, { text }, key);
}
