import type { Db } from '../../../db/database.ts';
import type { CurrentUser } from '../../../platform/auth/current-user.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { enterpriseScopeOf } from '../../enterprises/enterprise-scope.ts';
import type { CaseScope } from './cases.repository.ts';

/** The cases a caller may see: the register's scope rule (SPEC §1) applied to cases. */
export async function caseScopeOf(db: Db, user: CurrentUser): Promise<CaseScope> {
  const scope = await enterpriseScopeOf(db, user);
  if (scope.kind === 'all' || scope.kind === 'regions' || scope.kind === 'own') return scope;
  // Commissioners and others are not part of the benefit workflow.
  return { kind: 'none' };
}

/** Today's date and month (YYYYMM) in Asia/Shanghai. */
export function todayOf(clock: () => Date): { today: string; month: string } {
  const today = todayInShanghai(clock);
  return { today, month: today.slice(0, 4) + today.slice(5, 7) };
}
