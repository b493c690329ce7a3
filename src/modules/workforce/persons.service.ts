import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { findPersonIdsByIndex, insertPersons } from './persons.repository.ts';

/** A person as an import row names them: a normalised, valid ID number and a name. */
export interface PersonInput {
  idNumber: string;
  name: string;
  /** The blind index, when the caller has computed it already (it is keyed HMAC work). */
  idIndex?: string;
}

/** The keyed blind index under which a person is stored (ADR 0002). */
export function personIndexOf(ctx: AppContext, idNumber: string): string {
  return ctx.cipher.blindIndex('id', idNumber);
}

/**
 * Finds or creates the persons of a batch and returns their ids by blind index. One lookup
 * for the whole batch and one multi-row insert for the new ones: this runs for every batch
 * of a 1.5-million-row roster. Only new persons are encrypted. A known person keeps the
 * name first recorded; registries do not rename people.
 */
export async function ensurePersons(trx: Db, ctx: AppContext, persons: readonly PersonInput[]): Promise<Map<string, number>> {
  const byIndex = new Map<string, PersonInput>();
  for (const person of persons) byIndex.set(person.idIndex ?? personIndexOf(ctx, person.idNumber), person);
  const ids = await findPersonIdsByIndex(trx, [...byIndex.keys()]);
  const missing = [...byIndex].filter(([index]) => !ids.has(index));
  if (missing.length === 0) return ids;
  const now = ctx.clock().toISOString();
  const inserted = await insertPersons(trx, missing.map(([index, person]) => ({
    id_index: index,
    id_enc: ctx.cipher.encrypt(person.idNumber),
    name: person.name,
    // GB 11643: characters 7–14 are the birth date, the 17th is odd for men.
    birth_date: `${person.idNumber.slice(6, 10)}-${person.idNumber.slice(10, 12)}-${person.idNumber.slice(12, 14)}`,
    sex: Number(person.idNumber[16]) % 2 === 1 ? 'male' : 'female',
    origin_province: person.idNumber.slice(0, 2),
    created_at: now,
  })));
  for (const [index, id] of inserted) ids.set(index, id);
  // Rows skipped on conflict were inserted by a concurrent import: read their ids.
  const raced = missing.map(([index]) => index).filter((index) => !ids.has(index));
  if (raced.length > 0) for (const [index, id] of await findPersonIdsByIndex(trx, raced)) ids.set(index, id);
  return ids;
}
