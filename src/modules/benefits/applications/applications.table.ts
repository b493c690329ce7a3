import type { Generated } from 'kysely';
import type { AttachmentType } from '../../../policies/delivery.ts';

/** Kysely types of 即申即享 applications (migration 20261127T2200_benefit_applications). */

/** One uploaded file of an application material, its content kept in the row. */
export interface BenefitAttachmentTable {
  id: Generated<number>;
  case_id: number;
  attachment_code: string;
  file_name: string;
  declared_type: AttachmentType;
  detected_type: AttachmentType;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number;
  uploaded_by_name: string;
  uploaded_at: string;
  submitted_at: string | null;
}
