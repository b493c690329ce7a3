import type { ApiTokenTable, LoginAttemptTable, SessionTable, UserTable } from '../modules/accounts/accounts.table.ts';
import type {
  IndustryTable,
  OccupationTable,
  RegionAliasTable,
  RegionTable,
} from '../modules/reference/reference.table.ts';
import type { AuditLogTable } from '../platform/audit/audit.table.ts';

/** Every table of the product, gathered from each module's `*.table.ts`. */
export interface Database {
  regions: RegionTable;
  region_aliases: RegionAliasTable;
  industries: IndustryTable;
  occupations: OccupationTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
}
