import type { AppContext } from '../../../app-context.ts';
import type { Db, Dialect } from '../../../db/database.ts';
import { ownCopy } from '../../imports/bounded-memo.ts';
import type { BatchOutcome, ImportWriter, RowReject } from '../../imports/import-kind.ts';
import type { SealingPool } from '../../../platform/crypto/sealing-pool.ts';
import { hasStoredPersons } from '../persons/persons.repository.ts';
import { PersonIdCache, type SealedIdNumber } from '../persons/persons.service.ts';
import { SealingAhead } from '../persons/sealing-ahead.ts';
import { MonthEntries, ReasonCodes } from './roster-months.ts';
import { findRegisteredUsccs } from '../register.repository.ts';
import type { RosterRecord } from './roster-row.ts';
import { planPairChanges, type BatchMonth, type SpellPlan, type StoredSpell } from './spells.ts';
import { applySpellPlan, findSpellsOfPersons, recordRosterPeriods } from './spells.repository.ts';

/** When a roster window is written: at this many rows, or this many (person, enterprise) pairs. */
export interface RosterWindowLimits {
  rows: number;
  pairs: number;
}

// A window of 500,000 rows holds 11 MB of months plus its pairs' keys; a province file in
// month order (80,000 persons a month) then writes each pair once per six months instead of
// once per month, and a window stays a few seconds of work.
export const ROSTER_WINDOW: RosterWindowLimits = { rows: 500_000, pairs: 100_000 };

const NO_ENTRY = -1;

/**
 * An enterprise's rows in the window: for each person (normalised ID number) the newest row,
 * as `entry * 2 + parity of the window`. The map outlives the window: next month's roster
 * names mostly the same persons, so keeping their keys (and dropping the others when the
 * window is written) spares rebuilding tens of thousands of map entries window after window.
 */
interface EnterpriseRows {
  newest: Map<string, number>;
  rows: number;
  /** The months it reported in the window (roster_periods). */
  periods: Set<number>;
}

/** What writing a window found besides its pairs. */
interface WindowTally {
  rejects: RowReject[];
  reported: { uscc: string; period: number }[];
  keptRows: number;
}

/** A (person, enterprise) pair of the window and its newest row. */
interface Pair {
  uscc: string;
  idNumber: string;
  newest: number;
}

// A window's pairs are planned and written in slices: a slice's stored spells, plan and
// statement rows take about a MB and die young, instead of a whole window's tens of MB living
// long enough to fill the old generation with garbage (and the process with RSS). PostgreSQL
// pays a network round trip per statement, so its slices are larger.
const PAIRS_PER_SLICE: Record<Dialect, number> = { sqlite: 1_000, postgres: 2_500 };

// Below this many persons new to the import in a window, worker threads cost more than they save.
const SEAL_IN_THREADS_FROM = 2_000;

/**
 * Gathers roster rows into a window, coalesced by (person, enterprise) before the database
 * is touched, then writes the window: the register check, and per slice of pairs the
 * persons, their stored spells in one statement, and the planned deletes, updates and
 * inserts in one statement each. Statements and their rows scale with the window's distinct
 * pairs, not its rows. Each row is one entry of parallel typed arrays (no object per row),
 * chained to the same pair's previous row, so memory is bounded by the window limits
 * whatever the file.
 */
export class RosterWriter implements ImportWriter<RosterRecord> {
  private readonly enterprises = new Map<string, EnterpriseRows>();
  /** Tells this window's entries in `newest` from the previous window's. */
  private parity = 0;
  /** The name a person not yet known to this import has on their first row of the window: a new person is stored with it. */
  private names = new Map<string, string>();
  private readonly months: MonthEntries;
  private readonly reasons = new ReasonCodes();
  private pairs = 0;
  private readonly persons: PersonIdCache;
  /**
   * Whether the persons written next are expected to be new (a first load): they are then
   * sealed ahead with their ciphertexts and inserted without a lookup first. Set from an
   * empty persons table at the first window, then from what each slice found.
   */
  private expectNew: boolean | undefined;
  private pool: SealingPool | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly limits: RosterWindowLimits = ROSTER_WINDOW,
  ) {
    this.persons = new PersonIdCache(ctx);
    this.months = new MonthEntries(Number.isFinite(limits.rows) ? limits.rows : 1024);
  }

  add(line: number, record: RosterRecord): void {
    let enterprise = this.enterprises.get(record.uscc);
    if (!enterprise)
      this.enterprises.set(record.uscc, (enterprise = { newest: new Map(), rows: 0, periods: new Set() }));
    const stamped = enterprise.newest.get(record.idNumber);
    const isInWindow = stamped !== undefined && stamped % 2 === this.parity;
    if (!isInWindow) {
      this.pairs += 1;
      if (!this.names.has(record.idNumber) && !this.persons.knows(record.idNumber))
        this.names.set(ownCopy(record.idNumber), ownCopy(record.name));
    }
    const previous = isInWindow ? (stamped - this.parity) / 2 : NO_ENTRY;
    const entry = this.months.push(
      line,
      record.period,
      record.baseFen,
      this.reasons.codeOf(record.leaveReason),
      previous,
    );
    // A key already in the map keeps its string; a new one is copied out of the file's text.
    enterprise.newest.set(stamped === undefined ? ownCopy(record.idNumber) : record.idNumber, entry * 2 + this.parity);
    enterprise.rows += 1;
    enterprise.periods.add(record.period);
  }

  isFull(): boolean {
    return this.months.size >= this.limits.rows || this.pairs >= this.limits.pairs;
  }

  async write(trx: Db, runId: number): Promise<BatchOutcome> {
    // An empty window (the runner writes parse rejects) leaves the parity as it is: entries
    // of the previous window must still read as stale in the next one.
    if (this.months.size === 0) return { accepted: 0, unchanged: 0, rejects: [] };
    try {
      return await this.writeWindow(trx, runId);
    } finally {
      for (const enterprise of this.enterprises.values()) {
        enterprise.rows = 0;
        enterprise.periods.clear();
      }
      this.parity = 1 - this.parity;
      this.names = new Map();
      this.months.clear();
      this.pairs = 0;
    }
  }

  private async writeWindow(trx: Db, runId: number): Promise<BatchOutcome> {
    // Workforce data is kept for the register's enterprises only (the register is imported first).
    const registered = await findRegisteredUsccs(
      trx,
      [...this.enterprises].filter(([, e]) => e.rows > 0).map(([uscc]) => uscc),
    );
    const window: WindowTally = { rejects: [], reported: [], keptRows: 0 };
    this.expectNew ??= !(await hasStoredPersons(trx));
    // Worker threads pay when a window has many persons this import has not resolved yet.
    const pool =
      this.names.size >= SEAL_IN_THREADS_FROM ? (this.pool ??= this.ctx.cipher.createSealingPool?.()) : undefined;
    const sealing = new SealingAhead(
      pool,
      this.pairSlices(registered, window),
      (pairs) => [...new Set(pairs.map((p) => p.idNumber).filter((idNumber) => !this.persons.knows(idNumber)))],
      () => this.expectNew === true,
    );
    let accepted = 0;
    for (let next = await sealing.next(); next; next = await sealing.next())
      accepted += await this.writePairs(trx, next.slice, next.sealed);
    if (window.reported.length > 0) await recordRosterPeriods(trx, window.reported, runId);
    return { accepted, unchanged: window.keptRows - accepted, rejects: window.rejects };
  }

  /**
   * The window's pairs in slices, drawn as the writer needs them (a slice's pairs die young);
   * refuses the rows of enterprises missing from the register and tallies the rest.
   */
  private *pairSlices(registered: ReadonlySet<string>, window: WindowTally): Generator<Pair[]> {
    let slice: Pair[] = [];
    for (const [uscc, enterprise] of this.enterprises) {
      if (enterprise.rows === 0 || !registered.has(uscc)) {
        // Absent from this window, or refused: forget the enterprise's persons.
        if (enterprise.rows > 0) this.refuseRows(uscc, enterprise, window.rejects);
        this.enterprises.delete(uscc);
        continue;
      }
      window.keptRows += enterprise.rows;
      for (const period of enterprise.periods) window.reported.push({ uscc, period });
      for (const [idNumber, stamped] of enterprise.newest) {
        if (stamped % 2 !== this.parity) {
          enterprise.newest.delete(idNumber); // in the previous window, not in this one
          continue;
        }
        slice.push({ uscc, idNumber, newest: (stamped - this.parity) / 2 });
        if (slice.length >= PAIRS_PER_SLICE[this.ctx.dialect]) {
          yield slice;
          slice = [];
        }
      }
    }
    if (slice.length > 0) yield slice;
  }

  /** Plans and writes a slice of the window's pairs; returns how many of their months changed something. */
  private async writePairs(
    trx: Db,
    pairs: readonly Pair[],
    sealed: ReadonlyMap<string, SealedIdNumber>,
  ): Promise<number> {
    const resolved = await this.persons.resolve(
      trx,
      new Set(pairs.map((p) => p.idNumber)),
      (idNumber) => this.names.get(idNumber),
      { sealed, insertFirst: this.expectNew === true },
    );
    // Most new persons of one slice means the next ones are new too (and the reverse).
    if (resolved.named > 0) this.expectNew = resolved.created.size * 2 > resolved.named;
    const personIds = resolved.ids;
    // A person created just now has no spells stored: only the others' are read.
    const storedOf = [...new Set(personIds.values())].filter((id) => !resolved.created.has(id));
    const stored = groupByPerson(await findSpellsOfPersons(trx, this.ctx.dialect, storedOf));
    const plan: SpellPlan = { inserts: [], updates: [], deletes: [], isEffective: [] };
    for (const { uscc, idNumber, newest } of pairs) {
      const personId = personIds.get(idNumber)!;
      planPairChanges(plan, spellsAt(stored.get(personId), uscc), this.collapse(newest, personId, uscc, plan));
    }
    await applySpellPlan(trx, this.ctx.dialect, plan);
    let effective = 0;
    for (const isEffective of plan.isEffective) if (isEffective) effective += 1;
    return effective;
  }

  /**
   * A pair's months, one per period, from its newest row back: the newest row of a month
   * gives its base and the newest reason given wins — as if the rows had come one by one.
   */
  private collapse(newest: number, personId: number, uscc: string, plan: SpellPlan): BatchMonth[] {
    const { months } = this;
    const collapsed: BatchMonth[] = [];
    for (let entry = newest; entry >= 0; entry = months.next[entry]!) {
      const period = months.period[entry]!;
      const reason = this.reasons.reasonOf(months.reason[entry]!);
      const same = monthOf(collapsed, period);
      if (same) {
        same.leaveReason ??= reason;
        continue;
      }
      collapsed.push({
        personId,
        uscc,
        period,
        baseFen: months.base[entry]!,
        leaveReason: reason,
        inputIndex: plan.isEffective.length,
      });
      plan.isEffective.push(false);
    }
    return collapsed;
  }

  private refuseRows(uscc: string, enterprise: EnterpriseRows, rejects: RowReject[]): void {
    const message = `统一社会信用代码：企业 ${uscc} 不在专精特新企业库中，请先导入企业名单`;
    const lines: number[] = [];
    for (const stamped of enterprise.newest.values()) {
      if (stamped % 2 !== this.parity) continue;
      for (let entry = (stamped - this.parity) / 2; entry >= 0; entry = this.months.next[entry]!)
        lines.push(this.months.line[entry]!);
    }
    lines.sort((a, b) => a - b);
    for (const line of lines)
      rejects.push({ line, column: '统一社会信用代码', code: 'ENTERPRISE_NOT_IN_REGISTER', message });
  }
}

function monthOf(months: readonly BatchMonth[], period: number): BatchMonth | undefined {
  for (const month of months) if (month.period === period) return month;
  return undefined;
}

function groupByPerson(spells: readonly StoredSpell[]): Map<number, StoredSpell[]> {
  const byPerson = new Map<number, StoredSpell[]>();
  for (const spell of spells) {
    const list = byPerson.get(spell.personId);
    if (list) list.push(spell);
    else byPerson.set(spell.personId, [spell]);
  }
  return byPerson;
}

const NO_SPELLS: readonly StoredSpell[] = [];

function spellsAt(spells: readonly StoredSpell[] | undefined, uscc: string): readonly StoredSpell[] {
  if (!spells) return NO_SPELLS;
  return spells.every((s) => s.uscc === uscc) ? spells : spells.filter((s) => s.uscc === uscc);
}
