import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { BenefitAttachmentTable } from './applications.table.ts';

/** SQL of application materials. Lists never read the file content; only a download does. */

const LISTED = [
  'id',
  'case_id',
  'attachment_code',
  'file_name',
  'declared_type',
  'detected_type',
  'size_bytes',
  'sha256',
  'uploaded_by_name',
  'uploaded_at',
  'submitted_at',
] as const;

/** Stores one uploaded file; answers its id. */
export async function insertAttachment(db: Db, row: Insertable<BenefitAttachmentTable>): Promise<number> {
  const inserted = await db.insertInto('benefit_attachments').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** A case's files, without content, in upload order. */
export function findAttachments(db: Db, caseId: number) {
  return db.selectFrom('benefit_attachments').select(LISTED).where('case_id', '=', caseId).orderBy('id').execute();
}

/** One file's record, without content. */
export function findAttachment(db: Db, id: number) {
  return db.selectFrom('benefit_attachments').select(LISTED).where('id', '=', id).executeTakeFirst();
}

/** One file's content. */
export async function findAttachmentContent(db: Db, id: number): Promise<Buffer | undefined> {
  const row = await db.selectFrom('benefit_attachments').select('content').where('id', '=', id).executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}

/** How many files a case holds. */
export async function countAttachments(db: Db, caseId: number): Promise<number> {
  const row = await db
    .selectFrom('benefit_attachments')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes a file that has not been submitted; answers whether it was removed. */
export async function deleteUnsubmittedAttachment(db: Db, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('benefit_attachments')
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Marks a case's files not yet submitted as submitted now; answers how many. */
export async function markAttachmentsSubmitted(db: Db, caseId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('benefit_attachments')
    .set({ submitted_at: at })
    .where('case_id', '=', caseId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
