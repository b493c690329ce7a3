import type { IdentityPart } from '../../../policies/benefit-identity.ts';
import type { BenefitRecords, Holder } from '../records/benefit-records.ts';
import type { Db } from '../../../db/database.ts';
import type { Policy } from '../../../policies/types.ts';
import type { DataCoverage } from '../coverage.repository.ts';
import type { FactScope } from './facts-sql.ts';

/**
 * What a policy is evaluated on (an enterprise's year, a hire, a person, a certificate) and where
 * the facts of each come from. A fact source reads the database set-wise and turns each row into
 * runtime facts (money in fen, dates as day numbers, booleans 1/0, texts from the fact's list);
 * a fact left undefined is missing — never zero.
 */

/** Runtime facts of one row; undefined = missing. */
export type RuntimeFacts = Record<string, number | string | undefined>;

/** One evaluation subject. */
export interface SubjectRow {
  /** Unique within a run: `enterprise:<uscc>`, `spell:<id>`, `certificate:<no>`. */
  key: string;
  uscc: string;
  region: string;
  facts: RuntimeFacts;
  /** What the calculator shows about the row besides the person (hire month, certificate…). */
  describe: Record<string, string | number>;
  /** The person a row is about, for facts that depend on the person's earlier rows. */
  personId?: number;
  /** Sort key of the row among the person's rows (earlier first). */
  order?: string;
  /** Groups a person's rows for per-group facts (same occupation and level; same year). */
  groups?: Record<string, string>;
  /** The values of the policy's benefit-identity parts for this row (a list: one identity each). */
  identity?: Partial<Record<IdentityPart, string | string[]>>;
  /** Set by the benefit records: the row's identity keys, and who already holds its benefit. */
  identityKeys?: string[];
  granted?: Holder;
}

/** What an earlier row of the same person decided. */
export interface EarlierRow {
  row: SubjectRow;
  outcome: 'eligible' | 'ineligible' | 'undetermined';
}

/**
 * Facts that depend on the outcome of the same person's earlier rows (“once per person”): the
 * rows are evaluated in rounds, earliest first, and each round's facts are derived from the
 * decisions of the rounds before it.
 */
export interface LinkedFacts {
  derive(row: SubjectRow, earlier: readonly EarlierRow[]): RuntimeFacts;
}

/** Where a policy's rows and facts come from. */
export interface FactSource {
  /** 每条记录是什么, in Chinese: 企业, 新招用人员, 重点群体人员, 技能证书, 见习人员. */
  subjectLabel: string;
  /** Whether each enterprise is one row (true) or owns many rows (hires, persons, certificates). */
  isPerEnterprise: boolean;
  /**
   * Facts no data on file can answer yet, with the value the provisional evaluation assumes
   * (“若此前未享受……”); the strict evaluation leaves them missing.
   */
  assumptions: Record<string, number>;
  linked?: LinkedFacts;
  /**
   * Facts the benefit records answer (already refunded, already received another subsidy): filled
   * from the ledger and the imported history after loading, never assumed.
   */
  fromRecords?(row: SubjectRow, records: BenefitRecords): RuntimeFacts;
  /** The names of the facts `fromRecords` answers. */
  recordFacts?: readonly string[];
  /** Why there are no rows at all (a register that does not exist yet), if so. */
  unavailable?: string;
  /** Rows in scope on the date; for one enterprise, every row its linked facts need as well. */
  load(db: Db, policy: Policy, scope: FactScope, date: string, coverage: DataCoverage): Promise<SubjectRow[]>;
}
