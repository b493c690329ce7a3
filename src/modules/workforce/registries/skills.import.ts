import type { AppContext } from '../../../app-context.ts';
import type { Db } from '../../../db/database.ts';
import { normalizeIdentifier } from '../../../platform/identifiers/normalize.ts';
import type {
  BatchOutcome,
  ImportKind,
  ParseContext,
  ParsedRow,
  RawCell,
  RowReject,
} from '../../imports/import-kind.ts';
import { ISSUER_COLUMN, refuseUnqualifiedIssuers } from '../../skills/talent/certificate-issuers.ts';
import { SKILL_LEVEL_OPTIONS } from '../enumerations.ts';
import { writePersonRows } from '../persons/keyed-write.ts';
import { findSkillCertificates, upsertSkillCertificates } from './registries.repository.ts';
import { column, PERSON_COLUMNS, RowReader } from '../row-reader.ts';

/** A skill-level certificate (职业技能等级证书 / 职业资格证书). */
export interface SkillRecord {
  idNumber: string;
  name: string;
  occupationCode: string;
  occupationName: string;
  /** 5 初级工 … 1 高级技师. */
  level: number;
  issuedOn: string;
  certificateNo: string;
  /** The self-evaluating enterprise that issued it (自主评价), when the file names one. */
  issuerUscc: string | null;
}

/** The columns of a skills file (SPEC §3). */
export const SKILL_COLUMNS = [
  ...PERSON_COLUMNS,
  column('occupation_code', '职业编码'),
  column('occupation', '职业名称'),
  column('level', '等级'),
  column('issued_on', '发证日期'),
  column('certificate_no', '证书编号'),
  column('issuer_uscc', ISSUER_COLUMN, false),
] as const;

// 职业分类大典 codes: major group, then two-digit medium, minor and detailed groups (6-18-01-01).
const OCCUPATION_CODE = /^\d-\d{2}-\d{2}-\d{2}$/;
const CERTIFICATE_NO = /^[0-9A-Z-]{6,40}$/;

/** Validates a skills row: occupation code format, level, issue date, certificate number, optional issuer. */
export function parseSkillRow(
  cells: Record<string, RawCell>,
  today?: string,
  context?: ParseContext,
): ParsedRow<SkillRecord> {
  const row = new RowReader(cells, SKILL_COLUMNS, today, context?.usccOverrides);
  const idNumber = row.idNumber('id_number');
  const name = row.text('name', 50);
  let occupationCode = row.text('occupation_code', 20);
  if (occupationCode !== undefined && !OCCUPATION_CODE.test(occupationCode)) {
    occupationCode = row.reject(
      'occupation_code',
      'OCCUPATION_CODE_INVALID',
      `职业编码“${occupationCode}”应为大典格式，如 6-18-01-01`,
    );
  }
  const occupationName = row.text('occupation', 60);
  const level = row.choice('level', SKILL_LEVEL_OPTIONS);
  const issuedOn = row.pastDate('issued_on');
  const typedNo = row.text('certificate_no', 40);
  const certificateNo = typedNo === undefined ? undefined : normalizeIdentifier(typedNo);
  if (certificateNo !== undefined && !CERTIFICATE_NO.test(certificateNo)) {
    row.reject('certificate_no', 'CERTIFICATE_NO_INVALID', `证书编号“${typedNo}”应为 6–40 位字母、数字或连字符`);
  }
  // Optional: checked only when given; whether the enterprise may issue it is checked on writing.
  const issuerUscc = String(cells.issuer_uscc ?? '').trim() ? row.uscc('issuer_uscc') : undefined;
  return row.finish(() => ({
    idNumber: idNumber!,
    name: name!,
    occupationCode: occupationCode!,
    occupationName: occupationName!,
    level: Number(level),
    issuedOn: issuedOn!,
    certificateNo: certificateNo!,
    issuerUscc: issuerUscc ?? null,
  }));
}

/**
 * Upserts certificates by number; a number already held by another person is refused, and so is
 * a certificate naming an issuer not registered for self-evaluation of its occupation on its date.
 * A row without an issuer keeps the issuer already recorded.
 */
export async function writeSkillBatch(
  trx: Db,
  ctx: AppContext,
  allRows: { line: number; record: SkillRecord }[],
): Promise<BatchOutcome> {
  const issued = allRows.filter((r) => r.record.issuerUscc !== null);
  const refusals = await refuseUnqualifiedIssuers(
    trx,
    issued.map((r) => ({
      issuerUscc: r.record.issuerUscc!,
      occupationCode: r.record.occupationCode,
      issuedOn: r.record.issuedOn,
    })),
  );
  const issuerRejects: RowReject[] = [];
  issued.forEach((r, i) => {
    const refused = refusals[i];
    if (refused) issuerRejects.push({ line: r.line, ...refused });
  });
  const refusedLines = new Set(issuerRejects.map((r) => r.line));
  const rows = allRows.filter((r) => !refusedLines.has(r.line));
  const toRow = (r: SkillRecord, personId: number) => ({
    certificate_no: r.certificateNo,
    person_id: personId,
    occupation_code: r.occupationCode,
    occupation_name: r.occupationName,
    level: r.level,
    issued_on: r.issuedOn,
    issuer_uscc: r.issuerUscc,
  });
  const outcome = await writePersonRows(trx, ctx, rows, toRow, {
    keyOf: (r) => r.certificate_no,
    findStored: findSkillCertificates,
    upsert: upsertSkillCertificates,
    merge: (stored, incoming) =>
      incoming.issuer_uscc === null ? { ...incoming, issuer_uscc: stored.issuer_uscc } : incoming,
    conflict: (stored, incoming) =>
      stored.person_id === incoming.person_id
        ? undefined
        : {
            column: '证书编号',
            code: 'CERTIFICATE_NO_CONFLICT',
            message: `证书编号：${incoming.certificate_no} 已登记在另一人名下`,
          },
  });
  return { ...outcome, rejects: [...issuerRejects, ...outcome.rejects] };
}

/** `skills`: skill-level certificates (SPEC §3). */
export const skillsImport: ImportKind<SkillRecord> = {
  kind: 'skills',
  label: '职业技能等级证书',
  columns: SKILL_COLUMNS,
  parseRow: (cells, context) => parseSkillRow(cells, undefined, context),
  writeBatch: writeSkillBatch,
};
