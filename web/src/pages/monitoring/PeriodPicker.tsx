import { Select, Space } from 'antd';
import { useI18n, type Translate } from '../../locales/i18n.tsx';
import { formatReportPeriod, parseReportPeriod, type PeriodKind } from '../../utils/reportPeriod.ts';

const KINDS: readonly PeriodKind[] = ['plan', 'year', 'quarter', 'month'];

/** 计划期累计 / 2025 年 / 2025 年第 1 季度 / 2025 年 3 月. */
export function describePeriod(period: string, t: Translate): string {
  const parts = parseReportPeriod(period);
  switch (parts.kind) {
    case 'year':
      return t('monitoring.yearN', { year: parts.year });
    case 'quarter':
      return t('monitoring.quarterOf', { year: parts.year, quarter: parts.part });
    case 'month':
      return t('monitoring.monthOf', { year: parts.year, month: parts.part });
    default:
      return t('monitoring.periodKind.plan');
  }
}

interface PeriodPickerProps {
  value: string;
  onChange: (period: string) => void;
  /** The years offered (the plan window and any later year with data). */
  years: readonly number[];
}

/** 期间: 计划期累计, a year, a quarter or a month — plain selects, each with its own label. */
export function PeriodPicker({ value, onChange, years }: PeriodPickerProps) {
  const { t } = useI18n();
  const parts = parseReportPeriod(value);
  const latestYear = years.at(-1) ?? new Date().getFullYear();
  const year = parts.year ?? latestYear;
  const partOptions =
    parts.kind === 'quarter'
      ? [1, 2, 3, 4].map((quarter) => ({ value: quarter, label: t('monitoring.quarterN', { quarter }) }))
      : Array.from({ length: 12 }, (_, index) => ({
          value: index + 1,
          label: t('monitoring.monthN', { month: index + 1 }),
        }));

  return (
    <Space.Compact>
      <Select
        aria-label={t('monitoring.periodKind')}
        value={parts.kind}
        style={{ width: 130 }}
        options={KINDS.map((kind) => ({ value: kind, label: t(`monitoring.periodKind.${kind}`) }))}
        onChange={(kind: PeriodKind) =>
          onChange(formatReportPeriod({ kind, year, part: kind === 'quarter' ? 4 : 12 }, latestYear))
        }
      />
      {parts.kind !== 'plan' && (
        <Select
          aria-label={t('monitoring.year')}
          value={year}
          style={{ width: 100 }}
          options={years.map((option) => ({ value: option, label: t('monitoring.yearN', { year: option }) }))}
          onChange={(next: number) => onChange(formatReportPeriod({ ...parts, year: next }, latestYear))}
        />
      )}
      {(parts.kind === 'quarter' || parts.kind === 'month') && (
        <Select
          aria-label={parts.kind === 'quarter' ? t('monitoring.quarter') : t('monitoring.month')}
          value={parts.part}
          style={{ width: 110 }}
          options={partOptions}
          onChange={(part: number) => onChange(formatReportPeriod({ ...parts, part }, latestYear))}
        />
      )}
    </Space.Compact>
  );
}
