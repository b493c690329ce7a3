import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { systemActor } from '../../../platform/auth/current-user.ts';
import type { PersonalDataCipher } from '../../../platform/crypto/personal-data.ts';
import { findPlaintextObjections, hasPlaintextObjections, sealObjectionText } from './objection-text.repository.ts';

/**
 * 公示 objections at rest (SPEC §7): the public form takes free text, which may hold the
 * objector's or a worker's ID and phone numbers, so the text is stored as SM4 ciphertext only.
 * Lists show it masked; the whole text is opened for the case's officials with the personal-data
 * right, each view audited.
 */

const CHUNK = 500;

/** The columns an objection stores for its text. */
export function sealedObjectionText(cipher: PersonalDataCipher, text: string): { text: ''; text_enc: string } {
  return { text: '', text_enc: cipher.encrypt(text) };
}

/** An objection's whole text (one stored before encryption reads as it was until start-up seals it). */
export function openObjectionText(cipher: PersonalDataCipher, row: { text: string; text_enc: string | null }): string {
  return row.text_enc ? cipher.decrypt(row.text_enc) : row.text;
}

/**
 * Start-up: encrypts the objection texts stored in plaintext, emptying the plaintext, in one
 * audited transaction. Running it again changes nothing.
 */
export async function encryptStoredObjections(ctx: AppContext): Promise<number> {
  if (!(await hasPlaintextObjections(ctx.db))) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    let sealed = 0;
    for (
      let rows = await findPlaintextObjections(trx, 0, CHUNK);
      rows.length > 0;
      rows = await findPlaintextObjections(trx, rows.at(-1)!.id, CHUNK)
    ) {
      for (const row of rows)
        if (await sealObjectionText(trx, row.id, sealedObjectionText(ctx.cipher, row.text))) sealed += 1;
    }
    if (sealed > 0) {
      await appendAudit(
        trx,
        ctx.dialect,
        systemActor('startup'),
        {
          action: 'benefits.objections.encrypt',
          outcome: 'success',
          objectType: 'benefit_objection',
          details: { objections: sealed },
        },
        ctx.clock(),
      );
    }
    return sealed;
  });
}
