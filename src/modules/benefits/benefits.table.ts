import type { Generated } from 'kysely';
import type { CaseState } from './cases/case-states.ts';

/** A match run is running, then completed or failed (a dead process's run fails as `interrupted`). */
export const MATCH_RUN_STATUSES = ['running', 'completed', 'failed'] as const;
export type MatchRunStatus = (typeof MATCH_RUN_STATUSES)[number];

/** A 公示 objection is open until it is upheld (the case revoked) or dismissed. */
export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Kysely types of the benefits module's tables (migration 20261127T2100_benefits). */

type Fen = number | string;

/** A 免申即享 match run: the policy version, period and data snapshot it used, and its progress. */
export interface BenefitMatchRunTable {
  id: Generated<number>;
  policy_code: string;
  policy_version_id: number;
  version_no: number;
  period: string;
  eval_date: string;
  snapshot: string;
  status: MatchRunStatus;
  phase: string;
  summary: string | null;
  error: string | null;
  started_by: number | null;
  started_at: string;
  finished_at: string | null;
  /** Renewed while the run works; a running run whose heartbeat is old was left by a dead process. */
  heartbeat_at: string | null;
  /** The job worker holding a queued run (PostgreSQL job queue); null while it waits or when a server thread runs it. */
  worker: string | null;
}

/** One enterprise's benefit for one policy and period, from match to money. */
export interface BenefitCaseTable {
  id: Generated<number>;
  policy_code: string;
  period: string;
  uscc: string;
  enterprise_name: string;
  region_code: string;
  city_code: string;
  state: CaseState;
  amount_fen: Fen;
  rerun_amount_fen: Fen | null;
  is_amount_changed: number;
  /** Persons (rows) still waiting for the applicant's declaration; 0 when none (migration 2700). */
  awaiting_declaration: Generated<number>;
  explanation: string;
  policy_version_id: number;
  run_id: number;
  last_run_id: number;
  bank_name: string | null;
  /** Plaintext of accounts stored before 20261127T2400; emptied at start-up and never written again. */
  bank_account: string | null;
  /** The receiving account as SM4 ciphertext: opened only to write a payment instruction file. */
  bank_account_enc: string | null;
  /** The account's last four digits, for the masked display (****1234). */
  bank_account_tail: string | null;
  account_holder: string | null;
  review_started_on: string | null;
  review_deadline: string | null;
  /** 1: the deadline was counted Monday to Friday through a year not yet on the calendar (migration 20261207T1555). */
  review_deadline_provisional: Generated<number>;
  approved_by: number | null;
  released_by: number | null;
  publicity_from: string | null;
  publicity_until: string | null;
  /** 1: the 公示's end was counted Monday to Friday through a year not yet on the calendar. */
  publicity_until_provisional: Generated<number>;
  reason: string | null;
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
  /** The earlier case that holds the same benefit, for a duplicate found when identities were settled. */
  duplicate_of: Generated<number | null>;
  /** 1 once the case's benefit identities are recorded (cases from before migration 20261207T1600 start at 0). */
  identity_settled: Generated<number>;
}

/** A person a per-person policy counted for a case, with the amount for the person (once per case). */
export interface BenefitCasePersonTable {
  policy_code: string;
  person_id: number;
  case_id: number;
  amount_fen: Fen;
}

/** A state change of a case, for the enterprise's “from match to money” history. */
export interface BenefitCaseEventTable {
  id: Generated<number>;
  case_id: number;
  from_state: string | null;
  to_state: string;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  at: string;
}

/** An in-app notice to an enterprise. */
export interface BenefitNoticeTable {
  id: Generated<number>;
  case_id: number;
  uscc: string;
  kind: CaseState;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

/** A message to leave the system (SMS, e-mail, payment instruction), written with the state change. */
export interface BenefitOutboxTable {
  id: Generated<number>;
  channel: string;
  dedupe_key: string;
  recipient: string;
  payload: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** Not to be tried before this time (backoff after a failed attempt); null: at once. */
  next_attempt_at: string | null;
  /** A worker holds the message until this time while it sends it. */
  claimed_until: string | null;
  last_attempt_at: string | null;
  /** The address of the last attempt, masked (the whole number never rests here). */
  address_masked: string | null;
}

/** The stored answer of a write request, by (user, route, Idempotency-Key). */
export interface BenefitIdempotencyTable {
  key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

/** An objection filed during 公示. */
export interface BenefitObjectionTable {
  id: Generated<number>;
  case_id: number;
  /** Emptied once the text is sealed: the text rests in `text_enc` only. */
  text: string;
  /** The objection's text, SM4 ciphertext. */
  text_enc: string | null;
  status: ObjectionStatus;
  resolution: string | null;
  resolved_by: number | null;
  created_at: string;
  resolved_at: string | null;
}

/** A payment instruction file for the treasury or bank. */
export interface BenefitPaymentBatchTable {
  id: Generated<number>;
  file_name: string;
  /** Empty: the file lists whole bank accounts, so it rests in `content_enc` (plaintext only in files stored before 20261127T2400, until start-up encrypts them). */
  content: string;
  /** The file as SM4 ciphertext; opened only for the province's (audited) download. */
  content_enc: string | null;
  sha256: string;
  payments: number;
  total_fen: Fen;
  created_by: number | null;
  created_at: string;
}

/** The one payment of a case, with its bank outcome and attempts. */
export interface BenefitPaymentTable {
  id: Generated<number>;
  case_id: number;
  amount_fen: Fen;
  state: 'instructed' | 'paid' | 'failed';
  attempt: number;
  batch_id: number | null;
  bank_reference: string | null;
  failure_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** A journal entry of the ledger: one per case and kind of movement. */
export interface BenefitJournalTable {
  id: Generated<number>;
  case_id: number;
  kind: 'release' | 'settle' | 'revoke';
  policy_code: string;
  region_code: string;
  month: string;
  amount_fen: Fen;
  created_at: string;
}

/** A debit or credit line of a journal entry. */
export interface BenefitLedgerLineTable {
  id: Generated<number>;
  journal_id: number;
  account: string;
  debit_fen: Fen;
  credit_fen: Fen;
}
