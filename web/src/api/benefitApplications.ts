import { write, type BankAccount, type StateAnswer } from './benefits.ts';
import { api, apiDownload, apiRequest } from './client.ts';
import type { ApiBody, ApiResponse, ItemOf } from './types.ts';

/**
 * 即申即享 with a submission: materials (uploads), 申报事实 (declared facts), 提交申请, and the
 * enterprise's own application of an application policy. Writes carry an Idempotency-Key.
 */

/** A case's application: how its policy is delivered, the materials it needs and the files uploaded for them. */
export type CaseApplication = ApiResponse<'/api/v1/benefits/cases/{id}/application'>;
/** A material the policy asks for, with the files uploaded for it. */
export type ApplicationMaterial = CaseApplication['materials'][number];
/** One uploaded file of a material; `submitted_at` set once it went with the application (then it stays). */
export type Attachment = ApplicationMaterial['files'][number];
export type AttachmentType = Attachment['type'];

export function getCaseApplication(caseId: number): Promise<CaseApplication> {
  return api.get(`/benefits/cases/${caseId}/application`);
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

export function deleteAttachment(
  id: number,
  key: string,
): Promise<ApiResponse<'/api/v1/benefits/attachments/{id}', 'delete'>> {
  return apiRequest('DELETE', `/benefits/attachments/${id}`, { headers: { 'Idempotency-Key': key } });
}

export function downloadAttachment(file: { id: number; file_name: string }) {
  return apiDownload(`/benefits/attachments/${file.id}/file`, undefined, file.file_name);
}

/** 提交申请: the receiving account with every required material uploaded; the review starts. */
export function applyForCase(id: number, account: BankAccount, key: string): Promise<StateAnswer> {
  return write(`/benefits/cases/${id}/apply`, account, key);
}

/** 申报事实 of a case: the facts the enterprise may declare, each row (a person hired) with its values and status. */
export type CaseDeclarations = ApiResponse<'/api/v1/benefits/cases/{id}/declarations'>;
/** A fact the enterprise may declare on its case, the form of its input and the materials that prove it. */
export type DeclarationField = CaseDeclarations['fields'][number];
/** One row of a case (a person hired): the person masked, its status, amount and explanation. */
export type DeclarationRow = CaseDeclarations['rows'][number];
/** One fact of a row: its value (money in yuan, dates YYYY-MM-DD, booleans), in words, and where it came from. */
export type DeclaredFactValue = DeclarationRow['facts'][number];
/** Where a row's value comes from: the data on file, the enterprise's declaration, or nowhere yet. */
export type DeclaredSource = DeclaredFactValue['source'];

export function getCaseDeclarations(caseId: number): Promise<CaseDeclarations> {
  return api.get(`/benefits/cases/${caseId}/declarations`);
}

/** Saves declared values (null withdraws one); the answer is the case re-evaluated with them. */
export function saveCaseDeclarations(
  caseId: number,
  rows: ApiBody<'/api/v1/benefits/cases/{id}/declarations', 'put'>['rows'],
  key: string,
): Promise<CaseDeclarations> {
  return apiRequest<CaseDeclarations>('PUT', `/benefits/cases/${caseId}/declarations`, {
    body: { rows },
    headers: { 'Idempotency-Key': key },
  });
}

/** How a policy is claimed (the catalogue's `delivery`): 免申即享 `exempt`, or 即申即享 with materials `application`. */
export type PolicyDelivery = ItemOf<ApiResponse<'/api/v1/policies'>>['delivery'];

/** The case an enterprise's own application opened, or the one already on file (`is_new: false`). */
export type SelfApplicationAnswer = ApiResponse<'/api/v1/benefits/applications', 'post'>;

/** Starts the enterprise's own application of an application policy for a period (the period of the policy's match runs). */
export function startApplication(policy: string, period: string, key: string): Promise<SelfApplicationAnswer> {
  return write('/benefits/applications', { policy, period }, key);
}
