import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { BoundedMemo } from '../../imports/bounded-memo.ts';
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
export async function ensurePersons(
  trx: Db,
  ctx: AppContext,
  persons: readonly PersonInput[],
): Promise<Map<string, number>> {
  const byIndex = new Map<string, PersonInput>();
  for (const person of persons) byIndex.set(person.idIndex ?? personIndexOf(ctx, person.idNumber), person);
  const ids = await findPersonIdsByIndex(trx, ctx.dialect, [...byIndex.keys()]);
  const missing = [...byIndex].filter(([index]) => !ids.has(index));
  if (missing.length === 0) return ids;
  const now = ctx.clock().toISOString();
  const inserted = await insertPersons(
    trx,
    ctx.dialect,
    missing.map(([index, person]) => ({
      id_index: index,
      id_enc: ctx.cipher.encrypt(person.idNumber),
      name: person.name,
      // GB 11643: characters 7–14 are the birth date, the 17th is odd for men.
      birth_date: `${person.idNumber.slice(6, 10)}-${person.idNumber.slice(10, 12)}-${person.idNumber.slice(12, 14)}`,
      sex: Number(person.idNumber[16]) % 2 === 1 ? 'male' : 'female',
      origin_province: person.idNumber.slice(0, 2),
      created_at: now,
    })),
  );
  for (const [index, id] of inserted) ids.set(index, id);
  // Rows skipped on conflict were inserted by a concurrent import: read their ids.
  const raced = missing.map(([index]) => index).filter((index) => !ids.has(index));
  if (raced.length > 0)
    for (const [index, id] of await findPersonIdsByIndex(trx, ctx.dialect, raced)) ids.set(index, id);
  return ids;
}

// Enough for a province's monthly roster to stay remembered from one window to the next.
const REMEMBERED_PERSONS = 100_000;

/**
 * The person ids one import has already resolved, by normalised ID number. A person row is
 * never renamed, re-keyed or removed, so an id found once stays right for the whole import
 * and the next window neither computes the blind index (HMAC-SM3) nor looks it up again.
 * Bounded, so a file of millions of distinct persons keeps memory flat.
 */
export class PersonIdCache {
  private readonly ids = new BoundedMemo<number>(REMEMBERED_PERSONS);

  constructor(private readonly ctx: AppContext) {}

  /** Whether this import has resolved the person already (their row exists). */
  knows(idNumber: string): boolean {
    return this.ids.get(idNumber) !== undefined;
  }

  /**
   * Ids for these ID numbers, creating the persons not stored yet with the name given for
   * them. A person once known but since forgotten by the bounded cache exists already, so
   * needs no name: it is found by its blind index.
   */
  async resolve(
    trx: Db,
    idNumbers: Iterable<string>,
    nameOf: (idNumber: string) => string | undefined,
  ): Promise<Map<string, number>> {
    const resolved = new Map<string, number>();
    const named: PersonInput[] = [];
    const forgotten = new Map<string, string>();
    for (const idNumber of idNumbers) {
      const id = this.ids.get(idNumber);
      if (id !== undefined) {
        resolved.set(idNumber, id);
        continue;
      }
      const name = nameOf(idNumber);
      const idIndex = personIndexOf(this.ctx, idNumber);
      if (name === undefined) forgotten.set(idIndex, idNumber);
      else named.push({ idNumber, name, idIndex });
    }
    const remember = (idNumber: string, id: number) => {
      resolved.set(idNumber, id);
      this.ids.set(idNumber, id);
    };
    if (named.length > 0) {
      const byIndex = await ensurePersons(trx, this.ctx, named);
      for (const person of named) remember(person.idNumber, byIndex.get(person.idIndex!)!);
    }
    if (forgotten.size > 0) {
      const byIndex = await findPersonIdsByIndex(trx, this.ctx.dialect, [...forgotten.keys()]);
      if (byIndex.size < forgotten.size) throw new Error('内部错误：本次导入已确认的人员在库中不存在');
      for (const [index, id] of byIndex) remember(forgotten.get(index)!, id);
    }
    return resolved;
  }
}
