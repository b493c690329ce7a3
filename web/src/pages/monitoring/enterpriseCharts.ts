import type { EnterpriseMonth } from '../../api/monitoring.ts';
import { formatFen } from '../../utils/format.ts';
import { formatPeriod } from '../../utils/period.ts';

/**
 * ECharts options of an enterprise's monthly series (/monitoring/enterprises/:uscc). Pure
 * functions of the months and the words to show, so the page stays a layout.
 */

/** Leave reasons in the order of workforce/leave-reasons.ts, natural attrition first. */
export const LEAVE_REASON_ORDER = [
  'retirement',
  'death',
  'natural_other',
  'contract_ended',
  'closure',
  'economic_layoff',
  'business_transfer',
  'other',
  'unspecified',
];

const GRID = { left: 56, right: 24, top: 40, bottom: 32 };

function axis(months: readonly EnterpriseMonth[]) {
  return { type: 'category', data: months.map((month) => formatPeriod(month.period)) };
}

/** 参保人数 per month; months without a roster are gaps, not zeros. */
export function headcountOption(months: readonly EnterpriseMonth[], label: string) {
  return {
    tooltip: { trigger: 'axis' },
    grid: GRID,
    xAxis: axis(months),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: label,
        type: 'line',
        data: months.map((month) => (month.hasRoster ? month.insured : null)),
        connectNulls: false,
      },
    ],
  };
}

/** The reasons that occur in the series, in the standard order (unknown codes last). */
export function reasonsIn(months: readonly EnterpriseMonth[]): string[] {
  const found = new Set(months.flatMap((month) => Object.keys(month.separationsByReason)));
  const ordered = LEAVE_REASON_ORDER.filter((reason) => found.has(reason));
  return [...ordered, ...[...found].filter((reason) => !LEAVE_REASON_ORDER.includes(reason)).sort()];
}

/** 新增 as one bar, 减员 stacked by reason beside it. */
export function flowsOption(
  months: readonly EnterpriseMonth[],
  words: { hires: string; reason: (code: string) => string },
) {
  const reasons = reasonsIn(months);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    grid: GRID,
    xAxis: axis(months),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: words.hires,
        type: 'bar',
        stack: 'hires',
        data: months.map((month) => month.hires),
        itemStyle: { color: '#52c41a' },
      },
      ...reasons.map((reason) => ({
        name: words.reason(reason),
        type: 'bar',
        stack: 'separations',
        data: months.map((month) => month.separationsByReason[reason] ?? 0),
      })),
    ],
  };
}

/** Graduates, high-skill workers and senior titles among the insured, per month. */
export function compositionOption(
  months: readonly EnterpriseMonth[],
  words: { graduates: string; highSkill: string; seniorTitle: string },
) {
  const line = (name: string, pick: (month: EnterpriseMonth) => number) => ({
    name,
    type: 'line',
    data: months.map((month) => (month.hasRoster ? pick(month) : null)),
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: GRID,
    xAxis: axis(months),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line(words.graduates, (month) => month.composition.graduates),
      line(words.highSkill, (month) => month.composition.highSkill),
      line(words.seniorTitle, (month) => month.composition.seniorTitle),
    ],
  };
}

/** Contributions per month in yuan (the API's fen ÷ 100), with exact yuan in the tooltip. */
export function contributionsOption(months: readonly EnterpriseMonth[], label: string, yuan: string) {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number | null) =>
        value === null ? '—' : `${formatFen(Math.round(value * 100))} ${yuan}`,
    },
    grid: { ...GRID, left: 80 },
    xAxis: axis(months),
    yAxis: { type: 'value', name: yuan },
    series: [
      {
        name: label,
        type: 'bar',
        data: months.map((month) => (month.hasContributions ? month.contributionsFen / 100 : null)),
        itemStyle: { color: '#1456b8' },
      },
    ],
  };
}
