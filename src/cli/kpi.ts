import type { Command } from 'commander';
import { TIERS } from '../modules/enterprises/enterprise-vocabulary.ts';
import type { Tier } from '../modules/enterprises/enterprises.table.ts';
import { computeIndicators, type IndicatorReport } from '../modules/monitoring/indicators/indicators.service.ts';
import { refreshMonitoringAggregates } from '../modules/monitoring/refresh/refresh.service.ts';
import { currentAggregates } from '../modules/monitoring/result-cache.ts';
import { withAppContext } from './context.ts';
import { runCommand, usageError } from './output.ts';

interface KpiOptions {
  period: string;
  region?: string;
  tier?: string;
  industry?: string;
  refresh?: boolean;
  json?: boolean;
}

/** `yangfan kpi [--period YYYYMM|YYYYQn|YYYY|plan] [--region CODE] [--refresh] [--json]` (SPEC §4). */
export function registerKpiCommand(program: Command): void {
  program
    .command('kpi')
    .description(
      '扬帆计划监测指标：监测企业、参保职工、新增与减员、吸纳就业参保及其中高校毕业生/高技能/副高级以上占比，含目标与进度',
    )
    .option('--period <period>', '期间：YYYYMM（月）、YYYYQn（季度）、YYYY（年）或 plan（计划期累计）', 'plan')
    .option('--region <code>', '地区代码（默认全省；设区市含其下全部县市区）')
    .option('--tier <tier>', `梯度：${TIERS.join('、')}`)
    .option('--industry <code>', 'manufacturing（制造业）、两位大类代码或门类字母')
    .option('--refresh', '先重新生成监测汇总（每次导入后会自动生成）')
    .option('--json', 'JSON 输出')
    .action(async (options: KpiOptions) => {
      await runCommand(
        options,
        () => {
          if (options.tier && !(TIERS as readonly string[]).includes(options.tier))
            usageError(`梯度应为 ${TIERS.join('、')} 之一：${options.tier}`);
          return withAppContext(async (ctx) => {
            // A database that has never been summarised (e.g. straight after loading data) is summarised first.
            if (options.refresh || (await currentAggregates(ctx.db)).generation === 0)
              await refreshMonitoringAggregates(ctx);
            return computeIndicators(
              ctx,
              {
                period: options.period,
                region: options.region,
                tier: options.tier as Tier | undefined,
                industry: options.industry,
              },
              null,
            );
          });
        },
        describeReport,
      );
    });
}

function describeReport(report: IndicatorReport): string {
  const months = report.months ? `${report.months.from}–${report.months.to}` : '无数据';
  const lines = [
    `${report.region_name}（${report.region}）期间 ${report.period}（${months}，数据截至 ${report.data_through ?? '—'}）`,
  ];
  for (const value of Object.values(report.indicators)) {
    const actual = !value.available
      ? '暂无数据'
      : value.actual === null
        ? '—'
        : value.unit === '比例'
          ? `${(value.actual * 100).toFixed(1)}%`
          : value.unit === '分'
            ? `${(value.actual / 100).toFixed(2)} 元`
            : `${value.actual} ${value.unit}`;
    const target =
      value.target === undefined ? '' : `  目标 ${value.unit === '比例' ? `${value.target * 100}%` : value.target}`;
    const progress =
      value.progress === undefined || value.progress === null ? '' : `  完成 ${(value.progress * 100).toFixed(1)}%`;
    const expected =
      value.expected_progress === undefined ? '' : `  时序 ${(value.expected_progress * 100).toFixed(1)}%`;
    lines.push(`  ${value.label}：${actual}${target}${progress}${expected}`);
  }
  return lines.join('\n');
}
