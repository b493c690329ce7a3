import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { KeyConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { toDemoRows } from '../../src/modules/demo/demo-rows.ts';
import { DEMO_PERIODS, DEMO_SCALES } from '../../src/modules/demo/demo-scales.ts';
import { insertDemoRows } from '../../src/modules/demo/demo.repository.ts';
import { generateDemoBatches, type DemoBatch } from '../../src/modules/demo/generate-demo.ts';
import { generateEnterprises } from '../../src/modules/demo/generate-enterprises.ts';
import type { RosterRow } from '../../src/modules/demo/generate-workforce.ts';
import { loadReferenceData } from '../../src/modules/reference/reference.loader.ts';
import { readReferenceRows } from '../../src/modules/reference/reference.files.ts';
import { LEAVE_REASONS } from '../../src/modules/workforce/leave-reasons.ts';
import { createPersonalDataCipher } from '../../src/platform/crypto/personal-data.ts';

/** The roster file of the benchmark and what it contains. */
export interface RosterFile {
  path: string;
  rows: number;
  persons: number;
  enterprises: number;
  bytes: number;
}

// SPEC §3 roster columns with their Chinese headers.
const HEADER = '统一社会信用代码,公民身份号码,姓名,费款所属期,缴费基数,减员原因\n';
const LEAVE_LABELS = new Map(LEAVE_REASONS.map((r) => [r.code, r.label]));
const FLUSH_BYTES = 1 << 16;

/**
 * Writes a roster CSV of about `rows` rows: the province-scale demo register's first
 * enterprises with all 24 months (each month's rows together, as monthly files concatenated),
 * valid ID numbers and credit codes. Rows go to one file per month first, so memory stays flat.
 */
export function writeRosterFile(dir: string, rows: number, seed: number): RosterFile {
  const monthFiles = DEMO_PERIODS.map((period) => ({
    path: path.join(dir, `roster-${period}.part`),
    buffer: '',
    fd: -1,
  }));
  for (const file of monthFiles) file.fd = openSync(file.path, 'w');
  const persons = new Set<number>();
  const enterprises = new Set<string>();
  let written = 0;
  const onRoster = (uscc: string, period: number, monthRows: RosterRow[]) => {
    const file = monthFiles[DEMO_PERIODS.indexOf(period)]!;
    for (const row of monthRows) {
      if (written >= rows) return;
      file.buffer += csvLine(uscc, period, row);
      written += 1;
      persons.add(row.person.id);
      enterprises.add(uscc);
    }
    if (file.buffer.length > FLUSH_BYTES) file.buffer = flush(file.fd, file.buffer);
  };
  for (const _batch of generateDemoBatches(demoInput(seed), onRoster)) if (written >= rows) break;
  const target = path.join(dir, 'roster.csv');
  const out = openSync(target, 'w');
  writeSync(out, HEADER);
  for (const file of monthFiles) {
    flush(file.fd, file.buffer);
    closeSync(file.fd);
    writeSync(out, readFileSync(file.path));
    rmSync(file.path);
  }
  closeSync(out);
  return {
    path: target,
    rows: written,
    persons: persons.size,
    enterprises: enterprises.size,
    bytes: statSync(target).size,
  };
}

function csvLine(uscc: string, period: number, row: RosterRow): string {
  const reason = row.leaveReason ? (LEAVE_LABELS.get(row.leaveReason) ?? '') : '';
  return `${uscc},${row.person.idNumber},${row.person.name},${period},${(row.baseFen / 100).toFixed(2)},${reason}\n`;
}

function flush(fd: number, buffer: string): string {
  if (buffer.length > 0) writeSync(fd, buffer);
  return '';
}

function demoInput(seed: number) {
  const reference = readReferenceRows();
  return {
    scale: DEMO_SCALES.province,
    seed,
    regions: reference.regions.filter((r) => r.level !== 'province'),
    occupations: reference.occupations,
    firstPersonId: 1,
  };
}

/**
 * Migrates a fresh database and writes the province-scale demo register into it (15,000
 * enterprises with their tier histories, no workforce), so every roster row's enterprise exists.
 */
export async function writeRegister(handle: DatabaseHandle, seed: number, keys: KeyConfig): Promise<number> {
  await migrateToLatest(handle);
  await loadReferenceData(handle.db);
  const cipher = createPersonalDataCipher(keys);
  const now = new Date().toISOString();
  const enterprises = generateEnterprises(DEMO_SCALES.province, seed, demoInput(seed).regions);
  const noWorkforce = { newPersons: [], spells: [], contributions: [], rosterPeriods: [], registrations: [] };
  for (let start = 0; start < enterprises.length; start += 1_000) {
    const items = enterprises.slice(start, start + 1_000).map((enterprise) => ({ enterprise, workforce: noWorkforce }));
    const batch: DemoBatch = { items, openRegistrations: [], done: start + items.length, total: enterprises.length };
    const rows = toDemoRows(batch, { cipher, now, runId: 0, firstChangeSeq: start + 1 });
    await handle.db.transaction().execute((trx) => insertDemoRows(trx, rows));
  }
  return enterprises.length;
}
