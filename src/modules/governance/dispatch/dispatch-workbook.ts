import { beijingMinute, exportWorkbook, type SheetRow } from '../../../platform/http/excel-export.ts';
import { dispatchSource } from './dispatch-form.ts';
import type { RoundView } from './dispatch.service.ts';

/** Formats a figure as the summary shows it: shares as percentages, fen as yuan, counts as they are. */
export function formatFigure(value: number | string | null | undefined, unit: string): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (unit === '比例') return `${(value * 100).toFixed(2)}%`;
  if (unit === '分') return value / 100;
  return value;
}

/** The round's summary workbook: one row per unit (its status, each item as returned, else as pre-filled). */
export async function dispatchWorkbook(round: RoundView, madeBy: string, at: Date): Promise<Buffer> {
  const columns = [
    { header: '地区', key: 'unit', width: 20 },
    { header: '报送情况', key: 'status', width: 12 },
    { header: '报送时间', key: 'submittedAt', width: 18 },
    ...round.items.map((item) => ({
      header:
        item.unit === '分'
          ? `${item.label}（元）`
          : item.unit === '文字'
            ? item.label
            : `${item.label}（${item.unit}）`,
      key: item.key,
      width: item.indicator ? 16 : 40,
    })),
  ];
  const rows: SheetRow[] = round.units.map((unit) => {
    const row: SheetRow = {
      unit: unit.name,
      status: unit.statusLabel,
      submittedAt: unit.submittedAt ? beijingMinute(new Date(unit.submittedAt)) : null,
    };
    for (const item of round.items)
      row[item.key] = formatFigure(unit.answers?.[item.key] ?? unit.prefill[item.key] ?? null, item.unit);
    return row;
  });
  return exportWorkbook(
    [{ name: '调度汇总', columns, rows }],
    [
      ['调度', round.title],
      ['数据期间', round.period],
      ['报送截止', `${round.deadline}${round.isDeadlineProvisional ? '（日历未覆盖该年，按周一至周五暂计）' : ''}`],
      ['已报送', `${round.submitted} / ${round.units.length}`],
      ['逾期', round.late.length ? round.late.join('、') : '无'],
      ['说明', '指标项未报送的，显示系统预填数（监测模块按数据期间计算）；比例以百分数显示，金额单位为元'],
      ['依据', dispatchSource()],
      ['导出人', madeBy],
      ['导出时间', beijingMinute(at) ?? ''],
    ],
  );
}
