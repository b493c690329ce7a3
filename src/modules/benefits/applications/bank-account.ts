import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import type { PersonalDataCipher } from '../../../platform/crypto/personal-data.ts';
import {
  findPlaintextAccounts,
  findPlaintextPaymentFiles,
  hasPlaintextBankData,
  sealCaseAccount,
  sealPaymentFile,
} from './bank-account.repository.ts';

/**
 * Receiving bank accounts at rest (SPEC §7): a case keeps the account as SM4 ciphertext and its
 * last four digits for display. The whole number is opened only to write a payment instruction
 * file, and that file rests encrypted too, opened only for the province's audited download.
 */

const CHUNK = 500;

/** The columns a case stores for an account: ciphertext and tail, the plaintext column emptied. */
export function sealedAccountColumns(cipher: PersonalDataCipher, account: string) {
  return { bank_account: null, bank_account_enc: cipher.encrypt(account), bank_account_tail: account.slice(-4) };
}

/** The account as every screen shows it: ****1234. */
export function maskedAccountOf(tail: string | null): string | null {
  return tail ? `****${tail}` : null;
}

/** The whole account, for the payment instruction file only. */
export function wholeAccountOf(cipher: PersonalDataCipher, row: { bank_account_enc: string | null }): string | null {
  return row.bank_account_enc ? cipher.decrypt(row.bank_account_enc) : null;
}

/** How a payment instruction file is stored: as ciphertext only. */
export function sealedPaymentFile(cipher: PersonalDataCipher, content: string) {
  return { content: '', content_enc: cipher.encrypt(content) };
}

/** A stored payment instruction file's text (one stored before encryption reads as it was until start-up seals it). */
export function openPaymentFile(
  cipher: PersonalDataCipher,
  batch: { content: string; content_enc: string | null },
): string {
  return batch.content_enc ? cipher.decrypt(batch.content_enc) : batch.content;
}

/**
 * Start-up: encrypts the accounts and payment files stored in plaintext before accounts were
 * encrypted, emptying the plaintext, in one audited transaction. Running it again changes nothing.
 */
export async function encryptStoredBankAccounts(ctx: AppContext): Promise<{ cases: number; files: number }> {
  if (!(await hasPlaintextBankData(ctx.db))) return { cases: 0, files: 0 };
  return ctx.db.transaction().execute(async (trx) => {
    const cases = await sealInChunks(
      (afterId) => findPlaintextAccounts(trx, afterId, CHUNK),
      (row) => sealCaseAccount(trx, row.id, row.plaintext, sealedAccountColumns(ctx.cipher, row.plaintext)),
    );
    const files = await sealInChunks(
      (afterId) => findPlaintextPaymentFiles(trx, afterId, CHUNK),
      (row) => sealPaymentFile(trx, row.id, sealedPaymentFile(ctx.cipher, row.content)),
    );
    if (cases + files > 0) {
      await appendAudit(
        trx,
        ctx.dialect,
        systemActor('startup'),
        {
          action: 'benefits.bank_accounts.encrypt',
          outcome: 'success',
          objectType: 'benefit_case',
          details: { cases, payment_files: files },
        },
        ctx.clock(),
      );
    }
    return { cases, files };
  });
}

// Walks the rows in id order, chunk by chunk, and counts the ones actually sealed.
async function sealInChunks<R extends { id: number }>(
  find: (afterId: number) => Promise<R[]>,
  seal: (row: R) => Promise<boolean>,
): Promise<number> {
  let sealed = 0;
  for (let rows = await find(0); rows.length > 0; rows = await find(rows.at(-1)!.id)) {
    for (const row of rows) if (await seal(row)) sealed += 1;
  }
  return sealed;
}
