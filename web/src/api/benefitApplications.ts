import { write, type BankAccount, type CaseState, type StateAnswer } from './benefits.ts';
import { api, apiDownload, apiRequest } from './client.ts';

/**
 * 即申即享 with a submission: materials (uploads), 申报事实 (declared facts), 提交申请, and the
 * enterprise's own application of an application policy. Writes carry an Idempotency-Key.
 */

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
export function uploadAttachment(
  caseId: number,
  code: string,
  file: Blob,
  fileName: string,
  key: string,
): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, fileName);
  return apiRequest<Attachment>('POST', `/benefits/cases/${caseId}/attachments/${encodeURIComponent(code)}`, {
    form,
    headers: { 'Idempotency-Key': key },
  });
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
export function saveCaseDeclarations(
  caseId: number,
  rows: { key: string; values: Record<string, unknown> }[],
  key: string,
): Promise<CaseDeclarations> {
  return apiRequest<CaseDeclarations>('PUT', `/benefits/cases/${caseId}/declarations`, {
    body: { rows },
    headers: { 'Idempotency-Key': key },
  });
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
