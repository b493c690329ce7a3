import { toNumber } from '../../../db/convert.ts';
import type { AttachmentRequirement } from '../../../policies/delivery.ts';
import type { findAttachment } from './applications.repository.ts';

/** What the API shows of application materials: each file, and each material with its files. */

type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

/** One uploaded file, with the link that downloads it. */
export function attachmentView(row: AttachmentRow) {
  const id = toNumber(row.id);
  return {
    id,
    case_id: toNumber(row.case_id),
    attachment_code: row.attachment_code,
    file_name: row.file_name,
    type: row.detected_type,
    size_bytes: toNumber(row.size_bytes),
    sha256: row.sha256,
    uploaded_by: row.uploaded_by_name,
    uploaded_at: row.uploaded_at,
    submitted_at: row.submitted_at,
    download_url: `/api/v1/benefits/attachments/${id}/file`,
  };
}

/** A material the policy asks for, with the files uploaded for it. */
export function materialView(requirement: AttachmentRequirement, rows: readonly AttachmentRow[]) {
  return {
    code: requirement.code,
    name: requirement.name,
    required: requirement.isRequired,
    types: requirement.types,
    max_bytes: requirement.maxBytes,
    description: requirement.description,
    files: rows.filter((row) => row.attachment_code === requirement.code).map(attachmentView),
  };
}

/** Files kept for a material the version in force no longer lists (shown, never lost). */
export function formerMaterialView(code: string, rows: readonly AttachmentRow[]) {
  return materialView(
    { code, name: code, isRequired: false, types: [], maxBytes: 0, description: '现行政策版本已不再列出此项材料' },
    rows,
  );
}

/** The required materials without a file. */
export function missingMaterials(requirements: readonly AttachmentRequirement[], rows: readonly AttachmentRow[]) {
  const present = new Set(rows.map((row) => row.attachment_code));
  return requirements
    .filter((requirement) => requirement.isRequired && !present.has(requirement.code))
    .map((requirement) => ({ code: requirement.code, name: requirement.name }));
}
