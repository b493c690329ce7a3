import type { Db } from '../../db/database.ts';
import { chunk } from './batching.ts';

// The workforce module reads the enterprise register through these two queries only; the
// register module owns the table and the scope rules (enterprises/enterprise-scope.ts).

/** The credit codes among `usccs` that are in the enterprise register. */
export async function findRegisteredUsccs(db: Db, usccs: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunk(usccs, 10_000)) {
    const rows = await db.selectFrom('enterprises').select('uscc').where('uscc', 'in', part).execute();
    for (const row of rows) found.add(row.uscc);
  }
  return found;
}

/** What decides who may see an enterprise: its regions and its commissioner, if it is a key enterprise. */
export function findEnterpriseScopeFacts(db: Db, uscc: string) {
  return db
    .selectFrom('enterprises')
    .leftJoin('key_enterprises', 'key_enterprises.uscc', 'enterprises.uscc')
    .select(['enterprises.uscc', 'enterprises.region_code', 'enterprises.city_code', 'key_enterprises.commissioner_id'])
    .where('enterprises.uscc', '=', uscc)
    .executeTakeFirst();
}
