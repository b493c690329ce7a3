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
  /** The SM4 ciphertext of the ID number, when sealed already (a first load seals in worker threads). */
  idEnc?: string;
}

/** Person ids by blind index, and which of them a call created (nothing is stored about those yet). */
export interface ResolvedPersons {
  ids: Map<string, number>;
  created: Set<number>;
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
  return (await findOrCreatePersons(trx, ctx, persons, { insertFirst: false })).ids;
}

/**
 * ensurePersons, telling which persons it created. With `insertFirst` (a first load, where
 * nearly every person is new) the batch is inserted at once and only the persons the insert
 * skips as stored already are looked up — no lookup that cannot hit; every person must then
 * come sealed (idEnc) or is encrypted here. Both ways give the same ids and store the same rows.
 */
export async function findOrCreatePersons(
  trx: Db,
  ctx: AppContext,
  persons: readonly PersonInput[],
  options: { insertFirst: boolean },
): Promise<ResolvedPersons> {
  const byIndex = new Map<string, PersonInput>();
  for (const person of persons) byIndex.set(person.idIndex ?? personIndexOf(ctx, person.idNumber), person);
  const ids = options.insertFirst
    ? new Map<string, number>()
    : await findPersonIdsByIndex(trx, ctx.dialect, [...byIndex.keys()]);
  const created = new Set<number>();
  const missing = [...byIndex].filter(([index]) => !ids.has(index));
  if (missing.length === 0) return { ids, created };
  const now = ctx.clock().toISOString();
  const inserted = await insertPersons(
    trx,
    ctx.dialect,
    missing.map(([index, person]) => ({
      id_index: index,
      id_enc: person.idEnc ?? ctx.cipher.encrypt(person.idNumber),
      name: person.name,
      // GB 11643: characters 7–14 are the birth date, the 17th is odd for men.
      birth_date: `${person.idNumber.slice(6, 10)}-${person.idNumber.slice(10, 12)}-${person.idNumber.slice(12, 14)}`,
      sex: Number(person.idNumber[16]) % 2 === 1 ? 'male' : 'female',
      origin_province: person.idNumber.slice(0, 2),
      created_at: now,
    })),
  );
  for (const [index, id] of inserted) {
    ids.set(index, id);
    created.add(id);
  }
  // Rows skipped on conflict are stored already (by a concurrent import, or before a first-load insert): read their ids.
  const skipped = missing.map(([index]) => index).filter((index) => !ids.has(index));
  if (skipped.length > 0)
    for (const [index, id] of await findPersonIdsByIndex(trx, ctx.dialect, skipped)) ids.set(index, id);
  return { ids, created };
}

/** A person's blind index and, when sealed ahead, the ciphertext of the ID number. */
export interface SealedIdNumber {
  index: string;
  sealed: string | null;
}

/** Ids by normalised ID number, which of them were created, and how many persons came with a name. */
export interface ResolvedIdNumbers {
  ids: Map<string, number>;
  created: Set<number>;
  named: number;
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
   * needs no name: it is found by its blind index. `sealed` gives blind indexes (and
   * ciphertexts) computed ahead; `insertFirst` inserts before looking up (findOrCreatePersons).
   */
  async resolve(
    trx: Db,
    idNumbers: Iterable<string>,
    nameOf: (idNumber: string) => string | undefined,
    options: { sealed?: ReadonlyMap<string, SealedIdNumber>; insertFirst?: boolean } = {},
  ): Promise<ResolvedIdNumbers> {
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
      const sealed = options.sealed?.get(idNumber);
      const idIndex = sealed?.index ?? personIndexOf(this.ctx, idNumber);
      if (name === undefined) forgotten.set(idIndex, idNumber);
      else named.push({ idNumber, name, idIndex, ...(sealed?.sealed ? { idEnc: sealed.sealed } : {}) });
    }
    const remember = (idNumber: string, id: number) => {
      resolved.set(idNumber, id);
      this.ids.set(idNumber, id);
    };
    let created = new Set<number>();
    if (named.length > 0) {
      const found = await findOrCreatePersons(trx, this.ctx, named, { insertFirst: options.insertFirst === true });
      created = found.created;
      for (const person of named) remember(person.idNumber, found.ids.get(person.idIndex!)!);
    }
    if (forgotten.size > 0) {
      const byIndex = await findPersonIdsByIndex(trx, this.ctx.dialect, [...forgotten.keys()]);
      if (byIndex.size < forgotten.size) throw new Error('内部错误：本次导入已确认的人员在库中不存在');
      for (const [index, id] of byIndex) remember(forgotten.get(index)!, id);
    }
    return { ids: resolved, created, named: named.length };
  }
}
