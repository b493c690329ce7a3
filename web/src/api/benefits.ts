import { api, apiDownload } from './client.ts';
import type { ApiBody, ApiQuery, ApiResponse, ItemOf, PageQuery } from './types.ts';

/**
 * 免申即享 / 即申即享 / 直补快办 (GET|POST /api/v1/benefits/…, /api/v1/public/notices). Every write
 * carries the `Idempotency-Key` of one user action: the page keeps the key until the action
 * succeeds, so a retry after a lost answer is replayed by the server instead of done twice.
 */

/** The policies a match run can be started for (codes of policies/<code>/). */
export const BENEFIT_POLICIES = [
  'stable_jobs_refund',
  'job_expansion_subsidy',
  'skills_upgrade_subsidy',
  'social_insurance_subsidy',
  'internship_subsidy',
] as const;

/** A case as the lists show it; its state is one of the server's case states. */
export type BenefitCase = ItemOf<ApiResponse<'/api/v1/benefits/cases'>>;
export type CaseState = BenefitCase['state'];
/** The review's working-day clock: deadline, days left, and whether the calendar was provisional. */
export type ReviewClock = NonNullable<BenefitCase['review_clock']>;
export type CaseDetail = ApiResponse<'/api/v1/benefits/cases/{id}'>;
export type CaseQuery = ApiQuery<'/api/v1/benefits/cases'>;
/** The receiving bank account an enterprise gives when it confirms or applies. */
export type BankAccount = ApiBody<'/api/v1/benefits/cases/{id}/confirm'>;
export type StateAnswer = ApiResponse<'/api/v1/benefits/cases/{id}/confirm', 'post'>;

/** The time limits in force today, with their sources (GET /public/time-limits). */
export type TimeLimits = ApiResponse<'/api/v1/public/time-limits'>;

let timeLimits: Promise<TimeLimits> | undefined;

/** The time limits, fetched once per page load (they change by dated data, not by the minute). */
export function getTimeLimits(): Promise<TimeLimits> {
  timeLimits ??= api.get<TimeLimits>('/public/time-limits').catch((error: unknown) => {
    timeLimits = undefined;
    throw error;
  });
  return timeLimits;
}

/** An enterprise's notice; `case_state` is the case's state now (only a case waiting for it asks it to act). */
export type InboxNotice = ItemOf<ApiResponse<'/api/v1/benefits/inbox'>>;

export type MatchRun = ApiResponse<'/api/v1/benefits/match-runs/{id}'>;
export type MatchRunSummary = NonNullable<MatchRun['summary']>;
export type MatchRunQuery = ApiQuery<'/api/v1/benefits/match-runs'>;

export type BulkApproveAnswer = ApiResponse<'/api/v1/benefits/cases/bulk-approve', 'post'>;

/** The preview of a money step: cases with masked accounts, the total, and the token that confirms it. */
export type MoneyPreview = ApiResponse<'/api/v1/benefits/cases/bulk-approve/preview', 'post'>;

export type PaymentBatch = ApiResponse<'/api/v1/benefits/payment-batches', 'post'>;
/** An earlier instruction file; `file_url` is null for callers who may not download it. */
export type PaymentBatchListItem = ItemOf<ApiResponse<'/api/v1/benefits/payment-batches'>>;

/** A 公示 objection with its case; ID and mobile numbers in the texts are masked by the server. */
export type Objection = ItemOf<ApiResponse<'/api/v1/benefits/objections'>>;
export type ObjectionStatus = Objection['status'];
export type ObjectionQuery = ApiQuery<'/api/v1/benefits/objections'>;
export type ObjectionAnswer = ApiResponse<'/api/v1/benefits/objections/{id}/resolve', 'post'>;

export type OverdueByCity = ApiResponse<'/api/v1/benefits/review/overdue'>;

export type Reconciliation = ApiResponse<'/api/v1/benefits/ledger/reconciliation'>;
export type LedgerRow = Reconciliation['rows'][number];

export type PublicNotice = ItemOf<ApiResponse<'/api/v1/public/notices'>>;

/** A fresh key for one user action (printable ASCII, as the server requires). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A POST carrying the Idempotency-Key of one user action. */
export function write<T>(path: string, body: unknown, key: string): Promise<T> {
  return api.post<T>(path, body, { headers: { 'Idempotency-Key': key } });
}

export function listCases(query: CaseQuery): Promise<ApiResponse<'/api/v1/benefits/cases'>> {
  return api.get('/benefits/cases', { ...query });
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

export function listMatchRuns(query: MatchRunQuery): Promise<ApiResponse<'/api/v1/benefits/match-runs'>> {
  return api.get('/benefits/match-runs', { ...query });
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

export function listPaymentBatches(query: PageQuery): Promise<ApiResponse<'/api/v1/benefits/payment-batches'>> {
  return api.get('/benefits/payment-batches', { ...query });
}

export function downloadPaymentFile(batch: { id: number; file_name: string }) {
  return apiDownload(`/benefits/payment-batches/${batch.id}/file`, undefined, batch.file_name);
}

/** Objections in the caller's region (the province: all), open or resolved. */
export function listObjections(query: ObjectionQuery): Promise<ApiResponse<'/api/v1/benefits/objections'>> {
  return api.get('/benefits/objections', { ...query });
}

/** An objection's whole text (the personal-data right; the server audits every view). */
export function revealObjectionText(id: number): Promise<ApiResponse<'/api/v1/benefits/objections/{id}/text'>> {
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
export function exportReconciliation(
  query: ApiQuery<'/api/v1/benefits/ledger/reconciliation/export'>,
): Promise<{ blob: Blob; fileName: string }> {
  return apiDownload('/benefits/ledger/reconciliation/export', { ...query }, 'reconciliation.xlsx');
}

export function getReconciliation(query: ApiQuery<'/api/v1/benefits/ledger/reconciliation'>): Promise<Reconciliation> {
  return api.get<Reconciliation>('/benefits/ledger/reconciliation', { ...query });
}

export function listPublicNotices(query: PageQuery): Promise<ApiResponse<'/api/v1/public/notices'>> {
  return api.get('/public/notices', { ...query });
}

export function fileObjection(noticeId: number, text: string, key: string): Promise<ObjectionAnswer> {
  return write(`/public/notices/${noticeId}/objections`, { text }, key);
}
