import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell, RowReject } from '../../imports/import-kind.ts';
import { column, RowReader } from '../../workforce/row-reader.ts';
import * as repo from './fairs.repository.ts';
import type { FairMode } from './fairs.table.ts';
import type { FairInput } from './fairs.service.ts';

/** One row of a fairs file: a fair (by its number on 就在江苏 / 苏心聘) and, optionally, one enterprise of it. */
export interface FairImportRow extends Omit<FairInput, 'enterprises'> {
  key: string;
  uscc: string | null;
  posts: number;
}

export const FAIR_COLUMNS = [
  column('fair_no', '招聘会编号'),
  column('name', '招聘会名称'),
  column('fair_date', '举办日期'),
  { ...column('mode', '形式'), values: ['线上', '线下'] },
  column('place', '地点或平台'),
  column('organiser', '主办单位'),
  column('region_code', '举办地区划代码'),
  column('registrations', '报名人数'),
  column('attendance', '参会人数'),
  column('intentions', '达成意向人数'),
  column('uscc', '参会企业统一社会信用代码', false),
  column('posts', '提供岗位数', false),
] as const;

const MODES: Record<string, FairMode> = { 线上: 'online', 线下: 'onsite', online: 'online', onsite: 'onsite' };

/** Validates a row: dates held, counts, 线上/线下, intentions not above attendance. */
export function parseFairRow(
  cells: Record<string, RawCell>,
  context?: Parameters<ImportKind<FairImportRow>['parseRow']>[1],
  today?: string,
): ParsedRow<FairImportRow> {
  const row = new RowReader(cells, FAIR_COLUMNS, today, context?.usccOverrides);
  const key = row.text('fair_no', 40);
  const name = row.text('name', 100);
  const fairDate = row.pastDate('fair_date');
  const mode = row.choice('mode', MODES);
  const place = row.text('place', 200);
  const organiser = row.text('organiser', 100);
  const regionCode = row.text('region_code', 6);
  if (regionCode && !/^\d{6}$/.test(regionCode)) row.reject('region_code', 'REGION_INVALID', '应为 6 位区划代码');
  const registrations = row.count('registrations');
  const attendance = row.count('attendance');
  const intentions = row.count('intentions');
  if (attendance !== undefined && intentions !== undefined && intentions > attendance)
    row.reject('intentions', 'INTENTIONS_ABOVE_ATTENDANCE', `达成意向人数 ${intentions} 多于参会人数 ${attendance}`);
  // The enterprise columns are optional: a fair may be loaded before its enterprises.
  const hasEnterprise = cells.uscc !== undefined && cells.uscc !== null && String(cells.uscc).trim() !== '';
  const uscc = hasEnterprise ? row.uscc('uscc') : undefined;
  const posts = row.count('posts');
  return row.finish(() => ({
    key: key!,
    name: name!,
    fairDate: fairDate!,
    mode: mode!,
    place: place!,
    organiser: organiser!,
    regionCode: regionCode!,
    registrations: registrations!,
    attendance: attendance!,
    intentions: intentions!,
    uscc: uscc ?? null,
    posts: posts ?? 0,
  }));
}

const SAME_FIELDS = [
  'name',
  'fair_date',
  'mode',
  'place',
  'organiser',
  'region_code',
  'registrations',
  'attendance',
  'intentions',
] as const;

/**
 * Writes fairs by their number (a repeat changes nothing; a changed figure updates the fair) and
 * their enterprises by (fair, credit code). A region or enterprise unknown here refuses the row.
 */
export async function writeFairBatch(
  trx: Db,
  ctx: AppContext,
  rows: readonly { line: number; record: FairImportRow }[],
): Promise<BatchOutcome> {
  const rejects: RowReject[] = [];
  let accepted = 0;
  let unchanged = 0;
  const known = new Set(
    (await repo.findEnterprises(trx, [...new Set(rows.flatMap((r) => (r.record.uscc ? [r.record.uscc] : [])))])).map(
      (e) => e.uscc,
    ),
  );
  const now = ctx.clock().toISOString();
  for (const { line, record } of rows) {
    const region = await repo.findRegion(trx, record.regionCode);
    const cityCode = region?.level === 'city' ? region.code : region?.city_code;
    if (!region || !cityCode) {
      rejects.push({
        line,
        column: '举办地区划代码',
        code: 'REGION_UNKNOWN',
        message: `举办地区划代码：${record.regionCode} 不是江苏省的市、县级区划`,
      });
      continue;
    }
    if (record.uscc && !known.has(record.uscc)) {
      rejects.push({
        line,
        column: '参会企业统一社会信用代码',
        code: 'ENTERPRISE_UNKNOWN',
        message: `参会企业统一社会信用代码：${record.uscc} 不在培育库中`,
      });
      continue;
    }
    const values = {
      name: record.name,
      fair_date: record.fairDate,
      mode: record.mode,
      place: record.place,
      organiser: record.organiser,
      region_code: record.regionCode,
      city_code: cityCode,
      registrations: record.registrations,
      attendance: record.attendance,
      intentions: record.intentions,
    };
    const stored = await repo.findFairBySourceKey(trx, record.key);
    let changed = false;
    let fairId: number;
    if (!stored) {
      fairId = await repo.insertFair(trx, {
        source_key: record.key,
        ...values,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      changed = true;
    } else {
      fairId = Number(stored.id);
      if (SAME_FIELDS.some((f) => String(stored[f]) !== String(values[f]))) {
        await repo.updateFairRow(trx, fairId, { ...values, updated_at: now });
        changed = true;
      }
    }
    if (record.uscc) {
      const current = (await repo.listFairEnterprises(trx, [fairId])).find((e) => e.uscc === record.uscc);
      if (!current || Number(current.posts) !== record.posts) {
        await repo.upsertFairEnterprise(trx, {
          fair_id: fairId,
          uscc: record.uscc,
          posts: record.posts,
          posting_ids: current?.posting_ids ?? '[]',
          signed_up_by: current?.signed_up_by ?? 'import',
          created_at: current?.created_at ?? now,
        });
        changed = true;
      }
    }
    if (changed) accepted += 1;
    else unchanged += 1;
  }
  return { accepted, unchanged, rejects };
}

/** `fairs`: 专场招聘会 already kept on 就在江苏 / 苏心聘, one row per fair and participating enterprise. */
export const fairsImport: ImportKind<FairImportRow> = {
  kind: 'fairs',
  label: '专场招聘会',
  columns: FAIR_COLUMNS,
  parseRow: (cells, context) => parseFairRow(cells, context),
  writeBatch: (trx, ctx, rows) => writeFairBatch(trx, ctx, rows),
};
