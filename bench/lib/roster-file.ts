import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { KeyConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { toDemoRows } from '../../src/modules/demo/demo-rows.ts';
import { DEMO_SCALES } from '../../src/modules/demo/demo-scales.ts';
import { insertDemoRows } from '../../src/modules/demo/demo.repository.ts';
import type { DemoBatch } from '../../src/modules/demo/generate-demo.ts';
import { generateEnterprises } from '../../src/modules/demo/generate-enterprises.ts';
import { loadReferenceData } from '../../src/modules/reference/reference.loader.ts';
import { readReferenceRows } from '../../src/modules/reference/reference.files.ts';
import { createPersonalDataCipher } from '../../src/platform/crypto/personal-data.ts';
import { makeIdNumber } from '../../src/platform/identifiers/id-number.ts';

/** One monthly roster file of the benchmark and what it contains. */
export interface RosterFile {
  path: string;
  period: number;
  rows: number;
  persons: number;
  enterprises: number;
  bytes: number;
}

// SPEC §3 roster columns with their Chinese headers.
const HEADER = '统一社会信用代码,公民身份号码,姓名,费款所属期,缴费基数,减员原因\n';
const FLUSH_BYTES = 1 << 16;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玲萍红鹏宇浩然欣怡子涵梓轩思远嘉怡俊杰晨阳雨萱';

/**
 * Writes one roster file per period for the same persons: `personsPerEnterprise` persons at
 * each of the enterprises, every one of them on every month's roster (a first load, then the
 * next month of the same persons). ID numbers are valid and distinct (Jiangsu addresses, birth
 * dates from 1975 on), names and bases deterministic, so every run writes the same files.
 */
export function writeMonthlyRosters(
  dir: string,
  usccs: readonly string[],
  personsPerEnterprise: number,
  periods: readonly number[],
): RosterFile[] {
  return periods.map((period, month) => {
    const target = path.join(dir, `roster-${period}.csv`);
    const fd = openSync(target, 'w');
    let buffer = HEADER;
    let person = 0;
    for (const uscc of usccs) {
      for (let i = 0; i < personsPerEnterprise; i += 1, person += 1) {
        const base = 4_000 + ((person * 37) % 200) * 50 + month * 100;
        buffer += `${uscc},${idNumberOf(person)},${nameOf(person)},${period},${base}.00,\n`;
        if (buffer.length > FLUSH_BYTES) buffer = flush(fd, buffer);
      }
    }
    flush(fd, buffer);
    closeSync(fd);
    return {
      path: target,
      period,
      rows: person,
      persons: person,
      enterprises: usccs.length,
      bytes: statSync(target).size,
    };
  });
}

const REGIONS = ['320102', '320205', '320311', '320402', '320505', '320602', '320703', '320812'];
const FIRST_BIRTH_DAY = Date.UTC(1975, 0, 1);

// Person n: a region, a birth day and a sequence number that no other n shares.
function idNumberOf(person: number): string {
  const region = REGIONS[person % REGIONS.length]!;
  const rest = Math.floor(person / REGIONS.length);
  const birthDate = new Date(FIRST_BIRTH_DAY + Math.floor(rest / 1000) * 86_400_000).toISOString().slice(0, 10);
  return makeIdNumber(region, birthDate, rest % 1000);
}

function nameOf(person: number): string {
  return (
    SURNAMES[person % SURNAMES.length]! +
    GIVEN[Math.floor(person / SURNAMES.length) % GIVEN.length]! +
    (person % 3 === 0 ? '' : GIVEN[(person * 7) % GIVEN.length]!)
  );
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
 * enterprises with their tier histories, no workforce), so every roster row's enterprise exists;
 * returns their credit codes.
 */
export async function writeRegister(handle: DatabaseHandle, seed: number, keys: KeyConfig): Promise<string[]> {
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
  return enterprises.map((enterprise) => enterprise.uscc);
}
