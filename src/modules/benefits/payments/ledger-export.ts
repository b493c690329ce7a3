import type { AppContext } from '../../../app-context.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Actor, CurrentUser } from '../../../platform/auth/current-user.ts';
import { policyNameZh } from '../../../platform/code-names.ts';
import {
  beijingMinute,
  exportWorkbook,
  YUAN_FORMAT,
  yuanOf,
  type SheetColumn,
} from '../../../platform/http/excel-export.ts';
import { todayInShanghai } from '../../../platform/iso-date.ts';
import { formatYuan } from '../../../policies/values.ts';
import { reconcileLedger } from './ledger.service.ts';

const money = (header: string, key: string): SheetColumn => ({ header, key, width: 16, numFmt: YUAN_FORMAT });

const COLUMNS: SheetColumn[] = [
  { header: '政策', key: 'policy', width: 16 },
  { header: '地区', key: 'region', width: 18 },
  { header: '月份', key: 'month', width: 9 },
  money('借方（元）', 'debit'),
  money('贷方（元）', 'credit'),
  money('已发指令（元）', 'instructed'),
  money('已拨付记账（元）', 'released'),
  money('已到账（元）', 'paid'),
  money('到账记账（元）', 'settled'),
  { header: '支付笔数', key: 'payments', width: 10 },
  money('借贷差额（元）', 'difference'),
  money('指令未记账（元）', 'unreleased'),
  money('到账未记账（元）', 'unsettled'),
  { header: '核对结果', key: 'result', width: 10 },
];

type Report = Awaited<ReturnType<typeof reconcileLedger>>;

function sheetRowOf(row: Report['rows'][number]) {
  const isEven = row.difference_fen === 0 && row.unreleased_fen === 0 && row.unsettled_fen === 0;
  return {
    policy: policyNameZh(row.policy_code),
    region: row.region_name,
    month: row.month,
    debit: yuanOf(row.debit_fen),
    credit: yuanOf(row.credit_fen),
    instructed: yuanOf(row.instructed_fen),
    released: yuanOf(row.released_fen),
    paid: yuanOf(row.paid_fen),
    settled: yuanOf(row.settled_fen),
    payments: row.payments,
    difference: yuanOf(row.difference_fen),
    unreleased: yuanOf(row.unreleased_fen),
    unsettled: yuanOf(row.unsettled_fen),
    result: isEven ? '相符' : '有差异',
  };
}

/**
 * The reconciliation the page shows, with the same filters (policy, month), as an Excel file:
 * every row, the differences on their own sheet, the balance and anomalies in 说明. It holds
 * sums per policy, region and month only — no person or account — and is audited.
 */
export async function exportReconciliation(
  ctx: AppContext,
  actor: Actor & { user: CurrentUser },
  filters: { policy?: string; month?: string },
) {
  const report = await reconcileLedger(ctx, filters);
  await appendAudit(
    ctx.db,
    ctx.dialect,
    actor,
    {
      action: 'benefits.ledger.export',
      outcome: 'success',
      objectType: 'benefit_ledger',
      details: { filters, rows: report.rows.length, balanced: report.balanced },
    },
    ctx.clock(),
  );
  const words =
    [filters.policy && `政策：${policyNameZh(filters.policy)}`, filters.month && `月份：${filters.month}`]
      .filter(Boolean)
      .join('；') || '全部';
  const content = await exportWorkbook(
    [
      { name: '资金对账', columns: COLUMNS, rows: report.rows.map(sheetRowOf) },
      { name: '差异', columns: COLUMNS, rows: report.differences.map(sheetRowOf) },
    ],
    [
      ['导出时间', beijingMinute(ctx.clock().toISOString())!],
      ['导出人', actor.user.displayName],
      ['筛选条件', words],
      ['核对结论', report.balanced ? '借贷平衡，账实相符' : `存在差异 ${report.differences.length} 处，请核查`],
      ['借方合计', formatYuan(report.total.debit_fen)],
      ['贷方合计', formatYuan(report.total.credit_fen)],
      ['累计到账', formatYuan(report.total.paid_fen)],
      ['未记账支付（支付编号）', report.anomalies.unbooked_payments.join('、') || '无'],
      ['已记账未到账（案件编号）', report.anomalies.settled_but_not_paid.join('、') || '无'],
      ['个人信息', '本表为按政策、地区、月份的汇总，不含个人信息和银行账号'],
    ],
  );
  return { fileName: `资金对账-${todayInShanghai(ctx.clock)}.xlsx`, content };
}
