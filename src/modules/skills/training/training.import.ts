import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { normalizeIdentifier } from '../../../platform/identifiers/normalize.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell, RowReject } from '../../imports/import-kind.ts';
import { writeKeyedRows } from '../../workforce/persons/keyed-write.ts';
import { ensurePersons, personIndexOf } from '../../workforce/persons/persons.service.ts';
import { column, PERSON_COLUMNS, RowReader } from '../../workforce/row-reader.ts';
import { OCCUPATION_CODE, YES_NO } from '../skills-columns.ts';
import { isManufacturingTraining, trainingClassification } from './classification.ts';
import {
  findDigitalOccupations,
  findEnterpriseSections,
  findInsuredEnterprises,
  findProgrammes,
  findTrainingRecords,
  upsertTrainingRecords,
  type TrainingRecordRow,
} from './training.repository.ts';

/** One person's training in a programme (import kind `training`). */
export interface TrainingRecordInput {
  idNumber: string;
  name: string;
  programmeNo: string;
  occupationCode: string;
  startDate: string;
  endDate: string;
  isCompleted: boolean;
  certificateNo: string | null;
  subsidyFen: number;
}

/** The columns of a training file (issue 16). */
export const TRAINING_COLUMNS = [
  ...PERSON_COLUMNS,
  column('programme_no', '项目编号'),
  column('occupation_code', '职业编码'),
  column('start_date', '开始日期'),
  column('end_date', '结束日期'),
  column('is_completed', '是否结业'),
  column('certificate_no', '取得证书编号', false),
  column('subsidy', '补贴金额（元）'),
] as const;

/** Validates a training row: occupation code, dates in order, 是/否, amount. */
export function parseTrainingRow(cells: Record<string, RawCell>, today?: string): ParsedRow<TrainingRecordInput> {
  const row = new RowReader(cells, TRAINING_COLUMNS, today);
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const typedNo = row.text('programme_no', 40);
  let occupationCode = row.text('occupation_code', 20);
  if (occupationCode !== undefined && !OCCUPATION_CODE.test(occupationCode))
    occupationCode = row.reject(
      'occupation_code',
      'OCCUPATION_CODE_INVALID',
      `职业编码“${occupationCode}”应为大典格式，如 6-18-01-01`,
    );
  const startDate = row.pastDate('start_date');
  const endDate = row.pastDate('end_date');
  if (startDate && endDate && endDate < startDate)
    row.reject('end_date', 'DATE_RANGE_INVALID', `结束日期 ${endDate} 早于开始日期 ${startDate}`);
  const completed = row.choice('is_completed', YES_NO);
  const certificate = row.text('certificate_no', 40);
  const subsidy = row.money('subsidy');
  return row.finish(() => ({
    idNumber: idNumber!,
    name: name!,
    programmeNo: normalizeIdentifier(typedNo!),
    occupationCode: occupationCode!,
    startDate: startDate!,
    endDate: endDate!,
    isCompleted: completed === '1',
    certificateNo: certificate ? normalizeIdentifier(certificate) : null,
    subsidyFen: subsidy!,
  }));
}

const periodOf = (date: string) => Number(date.slice(0, 4) + date.slice(5, 7));

/**
 * Writes a batch: persons found or created (encrypted, blind index), each record tied to its
 * programme and the enterprise trained for, classed under the rule in force, upserted by
 * (person, programme). A programme not on file refuses the row.
 */
export async function writeTrainingBatch(
  trx: Db,
  ctx: AppContext,
  rows: readonly { line: number; record: TrainingRecordInput }[],
): Promise<BatchOutcome> {
  const programmes = await findProgrammes(
    trx,
    rows.map((r) => r.record.programmeNo),
  );
  const rejects: RowReject[] = [];
  const known = rows.filter(({ line, record }) => {
    if (programmes.has(record.programmeNo)) return true;
    rejects.push({
      line,
      column: '项目编号',
      code: 'PROGRAMME_NOT_FOUND',
      message: `项目编号：${record.programmeNo} 未登记为培训项目，请先登记项目`,
    });
    return false;
  });
  const indexes = known.map((r) => personIndexOf(ctx, r.record.idNumber));
  const personIds = await ensurePersons(
    trx,
    ctx,
    known.map((r, i) => ({ idNumber: r.record.idNumber, name: r.record.name, idIndex: indexes[i]! })),
  );
  const withPerson = known.map((r, i) => ({
    ...r,
    personId: personIds.get(indexes[i]!)!,
    programme: programmes.get(r.record.programmeNo)!,
  }));
  const insured = await findInsuredEnterprises(
    trx,
    withPerson.map((r) => ({ personId: r.personId, period: periodOf(r.record.startDate), usccs: r.programme.usccs })),
  );
  const enterprises = await findEnterpriseSections(
    trx,
    withPerson.flatMap((r) => r.programme.usccs),
  );
  const digital = await findDigitalOccupations(
    trx,
    withPerson.map((r) => r.record.occupationCode),
  );
  const rule = trainingClassification();
  const outcome = await writeKeyedRows<TrainingRecordRow>(
    trx,
    withPerson.map(({ line, record, personId, programme }) => {
      const uscc =
        insured.get(`${personId}|${periodOf(record.startDate)}`) ??
        programme.usccs.find((u) => enterprises.has(u)) ??
        null;
      const enterprise = uscc ? enterprises.get(uscc) : undefined;
      return {
        line,
        row: {
          person_id: personId,
          programme_no: record.programmeNo,
          occupation_code: record.occupationCode,
          start_date: record.startDate,
          end_date: record.endDate,
          is_completed: record.isCompleted ? 1 : 0,
          certificate_no: record.certificateNo,
          subsidy_fen: record.subsidyFen,
          uscc,
          region_code: enterprise?.region_code ?? null,
          is_subsidised: programme.is_subsidised,
          is_manufacturing: isManufacturingTraining(rule, enterprise?.section ?? null, record.occupationCode) ? 1 : 0,
          is_digital: digital.has(record.occupationCode) ? 1 : 0,
          rule_version: rule.version,
        },
      };
    }),
    {
      keyOf: (r) => `${r.person_id}|${r.programme_no}`,
      findStored: findTrainingRecords,
      upsert: upsertTrainingRecords,
    },
  );
  return { ...outcome, rejects: [...rejects, ...outcome.rejects] };
}

/** `training`: training records per person (issue 16), against programmes on file. */
export const trainingImport: ImportKind<TrainingRecordInput> = {
  kind: 'training',
  label: '职业技能培训记录',
  columns: TRAINING_COLUMNS,
  parseRow: (cells) => parseTrainingRow(cells),
  writeBatch: writeTrainingBatch,
};
