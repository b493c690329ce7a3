import { api, apiDownload, apiRequest } from './client.ts';
import type { Page, PageQuery } from './types.ts';

/**
 * 免申即享 / 即申即享 / 直补快办 (GET|POST /api/v1/benefits/…, /api/v1/public/notices). Every write
 * carries the `Idempotency-Key` of one user action: the page keeps the key until the action
 * succeeds, so a retry after a lost answer is replayed by the server instead of done twice.
 */

export const CASE_STATES = [
  'matched', 'confirmed', 'declined', 'returned', 'approved', 'rejected', 'revoked',
  'payment_instructed', 'payment_failed', 'paid',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The policies a match run can be started for (codes of policies/<code>/). */
export const BENEFIT_POLICIES = ['stable_jobs_refund', 'job_expansion_subsidy', 'skills_upgrade_subsidy', 'social_insurance_subsidy', 'internship_subsidy'] as const;

export interface ReviewClock {
  started_on: string;
  deadline: string | null;
  /** Working days left (0 due today, negative overdue); null when the calendar does not cover the deadline. */
  days_left: number | null;
  is_warning: boolean;
  is_overdue: boolean;
  calendar_not_covered: boolean;
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
}

export interface MatchRunSummary {
  enterprises_evaluated?: number;
  rows_evaluated?: number;
  rows_excluded_already_counted?: number;
  persons_already_counted?: number;
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
  items: { city_code: string; overdue: number; calendar_not_covered: number }[];
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

function write<T>(path: string, body: unknown, key: string): Promise<T> {
  return api.post<T>(path, body, { headers: { 'Idempotency-Key': key } });
}

export function listCases(query: CaseQuery): Promise<Page<BenefitCase>> {
  return api.get<Page<BenefitCase>>('/benefits/cases', { ...query });
}

export function getCase(id: number): Promise<CaseDetail> {
  return api.get<CaseDetail>(`/benefits/cases/${id}`);
}

export function listInbox(query: PageQuery): Promise<InboxPage> {
  return api.get<InboxPage>('/benefits/inbox', { ...query });
}

export function confirmCase(id: number, account: BankAccount, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/confirm`, account, key);
}

export function declineCase(id: number, reason: string, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/decline`, { reason }, key);
}

export function approveCase(id: number, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/approve`, {}, key);
}

export function rejectCase(id: number, reason: string, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/reject`, { reason }, key);
}

export function returnCase(id: number, reason: string, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/return`, { reason }, key);
}

export function bulkApproveCases(caseIds: number[], key: string): Promise<BulkApproveAnswer> {
  return write('/benefits/cases/bulk-approve', { case_ids: caseIds }, key);
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

/** Payment instructions for the given cases, or for every case ready for payment when none are given. */
export function createPaymentBatch(caseIds: number[] | undefined, key: string): Promise<PaymentBatch> {
  return write('/benefits/payment-batches', caseIds && caseIds.length > 0 ? { case_ids: caseIds } : {}, key);
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

export function resolveObjection(id: number, decision: 'upheld' | 'dismissed', resolution: string, key: string): Promise<ObjectionAnswer> {
  return write(`/benefits/objections/${id}/resolve`, { decision, resolution }, key);
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

/** 即申即享 with a submission: how a case's policy is delivered, and the materials its application needs. */
export type AttachmentType = 'pdf' | 'jpg' | 'png';

/** One uploaded file of a material; `submitted_at` set once it went with the application (then it stays). */
export interface Attachment {
  id: number;
  case_id: number;
  attachment_code: string;
  file_name: string;
  type: AttachmentType;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
  submitted_at: string | null;
  download_url: string;
}

/** A material the policy asks for, with the files uploaded for it. */
export interface ApplicationMaterial {
  code: string;
  name: string;
  required: boolean;
  types: AttachmentType[];
  max_bytes: number;
  description: string;
  files: Attachment[];
}

export interface CaseApplication {
  case_id: number;
  policy: string;
  /** exempt: 免申即享, confirm in one click; application: upload the materials, then submit. */
  delivery: 'exempt' | 'application';
  state: CaseState;
  /** Whether the enterprise may still upload, delete and submit. */
  is_editable: boolean;
  max_bytes_ceiling: number;
  max_files: number;
  materials: ApplicationMaterial[];
  missing: { code: string; name: string }[];
}

export function getCaseApplication(caseId: number): Promise<CaseApplication> {
  return api.get<CaseApplication>(`/benefits/cases/${caseId}/application`);
}

/** Uploads one file for a material (multipart field `file`), once per key. */
export function uploadAttachment(caseId: number, code: string, file: Blob, fileName: string, key: string): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, fileName);
  return apiRequest<Attachment>('POST', `/benefits/cases/${caseId}/attachments/${encodeURIComponent(code)}`, { form, headers: { 'Idempotency-Key': key } });
}

export function deleteAttachment(id: number, key: string): Promise<{ id: number; deleted: boolean }> {
  return apiRequest('DELETE', `/benefits/attachments/${id}`, { headers: { 'Idempotency-Key': key } });
}

export function downloadAttachment(file: { id: number; file_name: string }) {
  return apiDownload(`/benefits/attachments/${file.id}/file`, undefined, file.file_name);
}

/** 提交申请: the receiving account with every required material uploaded; the review starts. */
export function applyForCase(id: number, account: BankAccount, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/apply`, account, key);
}

/** A page of the enterprise's notices with how many of all its notices are unread. */
export interface InboxPage extends Page<InboxNotice> {
  unread: number;
}

/** The answer of a read mark: how many notices it changed and how many stay unread. */
export interface ReadAnswer {
  updated: number;
  unread: number;
}

/** Marks one notice read; marking it again changes nothing (so it needs no Idempotency-Key). */
export function markNoticeRead(id: number): Promise<ReadAnswer> {
  return api.post<ReadAnswer>(`/benefits/inbox/${id}/read`, {});
}

/** 全部标为已读. */
export function markAllNoticesRead(): Promise<ReadAnswer> {
  return api.post<ReadAnswer>('/benefits/inbox/read-all', {});
}

export const OUTBOX_CHANNELS = ['sms', 'email', 'payment_instruction'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A message to an enterprise or the treasury; the address is masked by the server. */
export interface OutboxMessage {
  id: number;
  channel: OutboxChannel;
  /** `enterprise:<credit code>` or `treasury`. */
  recipient: string;
  uscc: string | null;
  enterprise_name: string | null;
  address: string | null;
  subject: string | null;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
}

export interface OutboxPage extends Page<OutboxMessage> {
  counts: Record<OutboxStatus, number>;
}

export interface OutboxQuery extends PageQuery {
  status?: OutboxStatus;
  channel?: OutboxChannel;
}

export function listOutbox(query: OutboxQuery): Promise<OutboxPage> {
  return api.get<OutboxPage>('/benefits/outbox', { ...query });
}

/** 重新发送: a failed message back in the queue. */
export function retryOutboxMessage(id: number, key: string): Promise<{ id: number; status: 'pending' }> {
  return write(`/benefits/outbox/${id}/retry`, {}, key);
}

/** 申报事实: where a case's row value comes from — the data on file, the enterprise's declaration, or nowhere yet. */
export type DeclaredSource = 'data' | 'declared' | 'missing';

/** A fact the enterprise may declare on its case, the form of its input and the materials that prove it. */
export interface DeclarationField {
  fact: string;
  label: string;
  type: 'number' | 'money' | 'percent' | 'date' | 'bool' | 'text';
  unit: string | null;
  /** The values a text fact takes. */
  values: string[] | null;
  description: string;
  proved_by: { code: string; name: string }[];
}

/** One fact of a row: its value (money in yuan, dates YYYY-MM-DD, booleans), in words, and where it came from. */
export interface DeclaredFactValue {
  name: string;
  label: string;
  value: unknown;
  text: string | null;
  source: DeclaredSource;
  declared_by: string | null;
  declared_at: string | null;
}

/** One row of a case (a person hired): the person masked, its status, amount and explanation. */
export interface DeclarationRow {
  /** The subject the values are declared for (`person:123`). */
  key: string;
  person: { name: string; id_number: string } | null;
  describe: Record<string, string | number>;
  status: 'eligible' | 'ineligible' | 'needs_declaration' | 'undetermined';
  outcome: 'eligible' | 'ineligible' | 'undetermined';
  amount_fen: number | null;
  /** Whether the enterprise declares values for this row. */
  is_declarable: boolean;
  /** The declarable facts the row still needs. */
  needs: string[];
  facts: DeclaredFactValue[];
  explanation: string[];
}

export interface CaseDeclarations {
  case_id: number;
  policy: string;
  state: CaseState;
  takes_declarations: boolean;
  is_editable: boolean;
  status: 'awaiting_declaration' | 'eligible' | 'ineligible' | 'undetermined' | 'not_applicable';
  amount_fen: number | null;
  eligible_amount_fen: number;
  summary: { rows: number; eligible: number; ineligible: number; needs_declaration: number; undetermined: number };
  fields: DeclarationField[];
  explanation: string[];
  rows: DeclarationRow[];
}

export function getCaseDeclarations(caseId: number): Promise<CaseDeclarations> {
  return api.get<CaseDeclarations>(`/benefits/cases/${caseId}/declarations`);
}

/** Saves declared values (null withdraws one); the answer is the case re-evaluated with them. */
export function saveCaseDeclarations(caseId: number, rows: { key: string; values: Record<string, unknown> }[], key: string): Promise<CaseDeclarations> {
  return apiRequest<CaseDeclarations>('PUT', `/benefits/cases/${caseId}/declarations`, { body: { rows }, headers: { 'Idempotency-Key': key } });
}

/** How a policy is claimed (the catalogue's `delivery`): 免申即享 `exempt`, or 即申即享 with materials `application`. */
export type PolicyDelivery = 'exempt' | 'application' | null;

/** The case an enterprise's own application opened, or the one already on file (`is_new: false`). */
export interface SelfApplicationAnswer {
  case_id: number;
  is_new: boolean;
  run_id: number | null;
}

/** Starts the enterprise's own application of an application policy for a period (the period of the policy's match runs). */
export function startApplication(policy: string, period: string, key: string): Promise<SelfApplicationAnswer> {
  return write('/benefits/applications', { policy, period }, key);
}
