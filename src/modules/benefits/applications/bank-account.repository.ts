import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../db/convert.ts';

/** SQL of the start-up step that encrypts bank accounts and payment files stored in plaintext. */

/** Cases after `afterId` whose account is still in the plaintext column, in id order. */
export async function findPlaintextAccounts(db: Db, afterId: number, limit: number) {
  const rows = await db
    .selectFrom('benefit_cases')
    .select(['id', 'bank_account'])
    .where('bank_account', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: toNumber(r.id), plaintext: r.bank_account! }));
}

/** Replaces a case's plaintext account with its sealed columns; false when it changed meanwhile. */
export async function sealCaseAccount(
  db: Db,
  id: number,
  plaintext: string,
  sealed: { bank_account: null; bank_account_enc: string; bank_account_tail: string },
): Promise<boolean> {
  const result = await db
    .updateTable('benefit_cases')
    .set(sealed)
    .where('id', '=', id)
    .where('bank_account', '=', plaintext)
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}

/** Payment instruction files after `afterId` still stored in plaintext, in id order. */
export async function findPlaintextPaymentFiles(db: Db, afterId: number, limit: number) {
  const rows = await db
    .selectFrom('benefit_payment_batches')
    .select(['id', 'content'])
    .where('content_enc', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: toNumber(r.id), content: r.content }));
}

/** Replaces a stored file's plaintext with its ciphertext; false when another process did it first. */
export async function sealPaymentFile(
  db: Db,
  id: number,
  sealed: { content: string; content_enc: string },
): Promise<boolean> {
  const result = await db
    .updateTable('benefit_payment_batches')
    .set(sealed)
    .where('id', '=', id)
    .where('content_enc', 'is', null)
    .executeTakeFirst();
  return toNumber(result.numUpdatedRows) === 1;
}

/** Whether anything is still stored in plaintext (the usual answer at start-up is no). */
export async function hasPlaintextBankData(db: Db): Promise<boolean> {
  const account = await db
    .selectFrom('benefit_cases')
    .select('id')
    .where('bank_account', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  const file = await db
    .selectFrom('benefit_payment_batches')
    .select('id')
    .where('content_enc', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return account !== undefined || file !== undefined;
}
