import type { Actor } from '../../../platform/auth/current-user.ts';
import { enumCell, isCellError, textCell } from '../../imports/cells.ts';
import type { ImportKind, ParsedRow, RawCell, RowReject } from '../../imports/import-kind.ts';
import { applyBankResult, type BankResult } from './bank-results.service.ts';

/**
 * Import kind `bank_results`: the bank's (or treasury's) answer to payment instruction files,
 * one row per instruction. Applying the same file twice changes nothing.
 */

// 结果 as a bank clerk writes it; the template and every refusal list these values.
const RESULT_VALUES = ['成功', '失败'] as const;

const COLUMNS = [
  { key: 'instruction', header: '指令编号', alias: 'instruction', required: true },
  { key: 'result', header: '结果', alias: 'result', required: true, values: RESULT_VALUES },
  { key: 'reference', header: '银行流水号', alias: 'bank_reference', required: false },
  { key: 'reason', header: '失败原因', alias: 'reason', required: false },
] as const;

const RESULTS: Record<string, 'paid' | 'failed'> = {
  成功: 'paid',
  已支付: 'paid',
  支付成功: 'paid',
  paid: 'paid',
  失败: 'failed',
  支付失败: 'failed',
  failed: 'failed',
};

/** Parses one result row (pure). */
export function parseBankResultRow(cells: Record<string, RawCell>): ParsedRow<BankResult> {
  const problems: Omit<RowReject, 'line'>[] = [];
  const instruction = textCell(cells.instruction);
  if (!instruction || !/^\d{1,15}-\d{1,4}$/.test(instruction))
    problems.push({
      column: '指令编号',
      code: 'INSTRUCTION_INVALID',
      message: '指令编号应为支付指令文件中的“编号-次数”',
    });
  const result = enumCell(cells.result, RESULTS, '结果');
  if (result === undefined || isCellError(result))
    problems.push({
      column: '结果',
      code: 'RESULT_INVALID',
      message: isCellError(result) ? result.message : `结果不能为空，应填：${RESULT_VALUES.join('、')}`,
    });
  const reason = textCell(cells.reason) ?? null;
  if (result === 'failed' && !reason)
    problems.push({ column: '失败原因', code: 'REASON_REQUIRED', message: '支付失败须填写失败原因' });
  if (problems.length > 0 || !instruction || result === undefined || isCellError(result))
    return { ok: false, rejects: problems };
  return {
    ok: true,
    record: {
      instruction,
      result,
      reference: textCell(cells.reference)?.slice(0, 100) ?? null,
      reason: reason?.slice(0, 500) ?? null,
    },
  };
}

/** The `bank_results` import kind (registered in modules/imports/kinds.ts). */
export const bankResultsImport: ImportKind<BankResult> = {
  kind: 'bank_results',
  label: '银行拨付结果',
  roles: ['province_hrss'],
  columns: COLUMNS,
  parseRow: parseBankResultRow,
  async writeBatch(trx, ctx, rows, runId) {
    const actor: Actor = { user: null, requestId: `import:${runId}`, ip: null };
    let accepted = 0;
    let unchanged = 0;
    const rejects: RowReject[] = [];
    for (const { line, record } of rows) {
      const outcome = await applyBankResult(trx, ctx, actor, record);
      if (outcome.status === 'accepted') accepted += 1;
      else if (outcome.status === 'unchanged') unchanged += 1;
      if (outcome.status === 'rejected')
        rejects.push({ line, column: '指令编号', code: outcome.code, message: outcome.message });
    }
    return { accepted, unchanged, rejects };
  },
};
