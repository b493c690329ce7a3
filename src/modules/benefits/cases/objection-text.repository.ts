import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/** SQL of the start-up step that encrypts objection texts stored in plaintext. */

/** Objections after `afterId` whose text is still in the plaintext column, in id order. */
export async function findPlaintextObjections(db: Db, afterId: number, limit: number) {
  const rows = await db
    .selectFrom('benefit_objections')
    .select(['id', 'text'])
    .where('text_enc', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: toNumber(r.id), text: r.text }));
}

/** Replaces an objection's plaintext with its ciphertext; false when another process did it first. */
export async function sealObjectionText(db: Db, id: number, sealed: { text: ''; text_enc: string }): Promise<boolean> {
  const result = await db
    .updateTable('benefit_objections')
    .set(sealed)
    .where('id', '=', id)
    .where('text_enc', 'is', null)
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}

/** Whether any objection's text is still in plaintext. */
export async function hasPlaintextObjections(db: Db): Promise<boolean> {
  return (
    (await db
      .selectFrom('benefit_objections')
      .select('id')
      .where('text_enc', 'is', null)
      .limit(1)
      .executeTakeFirst()) !== undefined
  );
}
