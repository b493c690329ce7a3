import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { normalizeIdentifier } from '../../../platform/identifiers/normalize.ts';
import type { BatchOutcome, ImportKind, ParsedRow, RawCell } from '../../imports/import-kind.ts';
import { optionsOf } from '../../workforce/leave-reasons.ts';
import { writePersonRows } from '../../workforce/persons/keyed-write.ts';
import { column, PERSON_COLUMNS, RowReader } from '../../workforce/row-reader.ts';
import type { DigitalEngineerLevel } from '../skills.table.ts';
import { findDigitalEngineerCertificates, upsertDigitalEngineerCertificates } from './talent.repository.ts';

/** A 数字技术工程师 certificate (import kind `digital_engineers`). */
export interface DigitalEngineerRecord {
  idNumber: string;
  name: string;
  certificateNo: string;
  field: string;
  level: DigitalEngineerLevel;
  issuedOn: string;
  issuerUscc: string | null;
}

export const DIGITAL_ENGINEER_COLUMNS = [
  ...PERSON_COLUMNS,
  column('certificate_no', '证书编号'),
  column('field', '技术领域'),
  column('level', '等级'),
  column('issued_on', '发证日期'),
  column('issuer_uscc', '发证机构统一社会信用代码', false),
] as const;

const LEVEL_OPTIONS = optionsOf<DigitalEngineerLevel>([
  ['初级', 'junior'],
  ['中级', 'intermediate'],
  ['高级', 'senior'],
]);
const CERTIFICATE_NO = /^[0-9A-Z-]{6,40}$/;

/** Validates a row: certificate number, level 初级/中级/高级, issue date, optional issuer code. */
export function parseDigitalEngineerRow(
  cells: Record<string, RawCell>,
  context?: Parameters<ImportKind<DigitalEngineerRecord>['parseRow']>[1],
  today?: string,
): ParsedRow<DigitalEngineerRecord> {
  const row = new RowReader(cells, DIGITAL_ENGINEER_COLUMNS, today, context?.usccOverrides);
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  const typedNo = row.text('certificate_no', 40);
  const certificateNo = typedNo === undefined ? undefined : normalizeIdentifier(typedNo);
  if (certificateNo !== undefined && !CERTIFICATE_NO.test(certificateNo))
    row.reject('certificate_no', 'CERTIFICATE_NO_INVALID', `证书编号“${typedNo}”应为 6–40 位字母、数字或连字符`);
  const field = row.text('field', 40);
  const level = row.choice('level', LEVEL_OPTIONS);
  const issuedOn = row.pastDate('issued_on');
  // Optional: checked only when given.
  const issuerUscc = String(cells.issuer_uscc ?? '').trim() ? row.uscc('issuer_uscc') : undefined;
  return row.finish(() => ({
    idNumber: idNumber!,
    name: name!,
    certificateNo: certificateNo!,
    field: field!,
    level: level!,
    issuedOn: issuedOn!,
    issuerUscc: issuerUscc ?? null,
  }));
}

/** Upserts certificates by number; a number already held by another person is refused. */
export function writeDigitalEngineerBatch(
  trx: Db,
  ctx: AppContext,
  rows: { line: number; record: DigitalEngineerRecord }[],
): Promise<BatchOutcome> {
  return writePersonRows(
    trx,
    ctx,
    rows,
    (r, personId) => ({
      certificate_no: r.certificateNo,
      person_id: personId,
      field: r.field,
      level: r.level,
      issued_on: r.issuedOn,
      issuer_uscc: r.issuerUscc,
    }),
    {
      keyOf: (r) => r.certificate_no,
      findStored: findDigitalEngineerCertificates,
      upsert: upsertDigitalEngineerCertificates,
      conflict: (stored, incoming) =>
        stored.person_id === incoming.person_id
          ? undefined
          : {
              column: '证书编号',
              code: 'CERTIFICATE_NO_CONFLICT',
              message: `证书编号：${incoming.certificate_no} 已登记在另一人名下`,
            },
    },
  );
}

/** `digital_engineers`: 数字技术工程师 certificates (issue 16). */
export const digitalEngineersImport: ImportKind<DigitalEngineerRecord> = {
  kind: 'digital_engineers',
  label: '数字技术工程师证书',
  columns: DIGITAL_ENGINEER_COLUMNS,
  parseRow: (cells, context) => parseDigitalEngineerRow(cells, context),
  writeBatch: writeDigitalEngineerBatch,
};
