import type { Db } from '../../db/database.ts';

/** SQL of the enterprise's own contact for notices, beside the register's contact phone. */

/** The enterprises' notice contacts with the register's phone, for the given credit codes. */
export function findNotificationContacts(db: Db, usccs: string[]) {
  if (usccs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enterprises as e')
    .leftJoin('enterprise_notification_contacts as c', 'c.uscc', 'e.uscc')
    .select(['e.uscc', 'e.contact_phone_enc as register_phone_enc', 'c.phone_enc', 'c.email', 'c.updated_at'])
    .where('e.uscc', 'in', usccs)
    .execute();
}

/** Writes (or replaces) an enterprise's notice contact. */
export async function upsertNotificationContact(
  db: Db,
  row: { uscc: string; phone_enc: string | null; email: string | null; updated_by: number | null; updated_at: string },
) {
  await db
    .insertInto('enterprise_notification_contacts')
    .values(row)
    .onConflict((oc) =>
      oc.column('uscc').doUpdateSet({
        phone_enc: row.phone_enc,
        email: row.email,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
