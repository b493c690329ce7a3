import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Progress, Row, Space, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { IndicatorValue, KpiReport, Trend } from '../../api/monitoring.ts';
import { Chart } from '../../components/Chart.tsx';
import { useI18n } from '../../locales/i18n.tsx';
import { FEN_UNIT, formatIndicatorNumber, formatShare } from './indicatorFormat.ts';
import { useIndicatorText } from './useIndicatorText.ts';

/** The notice's 2025 targets (苏人社发〔2023〕63号 一、工作目标), in the notice's order. */
export const TARGET_INDICATORS = [
  'absorbed_insured',
  'absorbed_graduate_share',
  'absorbed_high_skill_share',
  'absorbed_senior_title_share',
  'training_person_times',
  'training_manufacturing_person_times',
  'training_digital_person_times',
  'job_fairs',
  'job_postings',
  'demonstration_internship_bases',
] as const;

/** Figures without a target: the state of the monitored enterprises in the period. */
export const OVERVIEW_INDICATORS = [
  'monitored_enterprises',
  'insured_employees',
  'new_hires',
  'separations',
  'net_change',
  'contributions_paid_fen',
  'policies_enjoyed',
] as const;

/** Counts shown with their amount on one card (“12 次 / 345,678.00 元”); the amount has no card of its own. */
export const AMOUNT_OF: Readonly<Record<string, string>> = { policies_enjoyed: 'policies_enjoyed_amount_fen' };

/** The indicator's name with its definition on hover and on keyboard focus. */
export function IndicatorName({
  indicatorKey,
  value,
}: {
  indicatorKey: string;
  value: Pick<IndicatorValue, 'label' | 'definition' | 'source'>;
}) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const definition = value.source
    ? `${value.definition} ${t('monitoring.waitsFor', { source: value.source })}`
    : value.definition;
  return (
    <Tooltip title={definition}>
      <span tabIndex={0} data-testid={`definition-${indicatorKey}`} style={{ cursor: 'help' }}>
        {text.label(indicatorKey, value.label)}{' '}
        <InfoCircleOutlined style={{ color: '#8c8c8c', fontSize: 12 }} aria-hidden />
      </span>
    </Tooltip>
  );
}

/**
 * The actual figure, or 暂无数据 when the source module does not exist or the period has no data;
 * a count with an amount shows both: “12 次 / 345,678.00 元”.
 */
function ActualFigure({
  value,
  amount,
  fontSize = 26,
}: {
  value: IndicatorValue;
  amount?: IndicatorValue;
  fontSize?: number;
}) {
  const { t } = useI18n();
  const text = useIndicatorText();
  if (!value.available || value.actual === null) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: fontSize - 4 }} data-testid="kpi-actual">
        {t('monitoring.noData')}
      </Typography.Text>
    );
  }
  return (
    <Space size={4} align="baseline" wrap>
      <span style={{ fontSize, fontWeight: 600 }} data-testid="kpi-actual">
        {formatIndicatorNumber(value.actual, value.unit)}
      </span>
      <Typography.Text type="secondary">{text.unit(value.unit)}</Typography.Text>
      {amount && amount.actual !== null && (
        <>
          <Typography.Text type="secondary">/</Typography.Text>
          <span style={{ fontSize, fontWeight: 600 }} data-testid="kpi-amount">
            {formatIndicatorNumber(amount.actual, amount.unit)}
          </span>
          <Typography.Text type="secondary">{text.unit(amount.unit)}</Typography.Text>
        </>
      )}
    </Space>
  );
}

/** 完成进度 against 时序进度 (time elapsed); shares are compared with their target directly. */
function TargetProgress({ value }: { value: IndicatorValue }) {
  const { t } = useI18n();
  const text = useIndicatorText();
  if (value.target === undefined) {
    return <Typography.Text type="secondary">{t('monitoring.noRegionTarget')}</Typography.Text>;
  }
  const target = `${t('monitoring.target')} ${formatIndicatorNumber(value.target, value.unit)} ${text.unit(value.unit)}`;
  if (!value.available) {
    // No actual, so no progress either: only the target and where its figures will come from.
    return (
      <Tooltip title={value.target_source}>
        <Typography.Text type="secondary">{target}</Typography.Text>
      </Tooltip>
    );
  }
  const progress = value.progress ?? null;
  const expected = value.expected_progress;
  const isOnTrack = progress !== null && progress >= (expected ?? 1);
  return (
    <div>
      <Tooltip title={value.target_source}>
        <Typography.Text type="secondary">{target}</Typography.Text>
      </Tooltip>
      <div style={{ position: 'relative' }}>
        <Progress
          percent={progress === null ? 0 : Math.min(progress * 100, 100)}
          strokeColor={isOnTrack ? '#52c41a' : '#fa8c16'}
          showInfo={false}
          size="small"
          aria-label={t('monitoring.progressAria', {
            progress: formatShare(progress),
            expected: formatShare(expected ?? null),
          })}
        />
        {expected !== undefined && (
          // The time-elapsed mark on the bar: ahead of it is on track.
          <div
            aria-hidden
            style={{
              position: 'absolute',
              top: 3,
              bottom: 5,
              left: `calc(${Math.min(expected, 1) * 100}% - 2px)`,
              width: 2,
              background: '#595959',
            }}
          />
        )}
      </div>
      <Space size="middle" wrap style={{ fontSize: 12 }}>
        <span data-testid="kpi-progress">{t('monitoring.progress', { value: formatShare(progress) })}</span>
        {expected !== undefined && <span>{t('monitoring.expectedProgress', { value: formatShare(expected) })}</span>}
        {progress !== null && (
          <Typography.Text type={isOnTrack ? 'success' : 'warning'} style={{ fontSize: 12 }}>
            {isOnTrack ? t('monitoring.onTrack') : t('monitoring.behind')}
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}

/** A small line of the indicator's monthly values in the period's window. */
function Sparkline({ label, periods, values }: { label: string; periods: number[]; values: (number | null)[] }) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      xAxis: { type: 'category', show: false, data: periods },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: values,
          showSymbol: false,
          smooth: true,
          lineStyle: { width: 2, color: '#1456b8' },
          areaStyle: { color: 'rgba(20,86,184,0.08)' },
        },
      ],
    }),
    [periods, values],
  );
  return <Chart option={option} height={44} ariaLabel={t('monitoring.sparklineAria', { indicator: label })} />;
}

/** One target card: name (definition on hover), actual, target with progress, and the trend. */
function TargetCard({
  indicatorKey,
  value,
  trend,
  testIdPrefix,
}: {
  indicatorKey: string;
  value: IndicatorValue;
  trend: Trend | undefined;
  testIdPrefix: string;
}) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const series = trend?.series[indicatorKey];
  const hasLine = value.available && series && series.some((point) => point !== null);
  return (
    <Card
      size="small"
      title={<IndicatorName indicatorKey={indicatorKey} value={value} />}
      data-testid={`${testIdPrefix}kpi-card-${indicatorKey}`}
      style={{ height: '100%' }}
    >
      <div>
        <ActualFigure value={value} />
      </div>
      {value.period_actual !== undefined && value.period_actual !== null && value.period_actual !== value.actual && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kpi-period-actual">
          {t('monitoring.periodActual', { value: formatIndicatorNumber(value.period_actual, value.unit) })}
        </Typography.Text>
      )}
      <TargetProgress value={value} />
      {hasLine && trend ? (
        <Sparkline label={text.label(indicatorKey, value.label)} periods={trend.periods} values={series} />
      ) : (
        <div style={{ height: 44 }} />
      )}
    </Card>
  );
}

/** The notice's targets as cards (another tab shows some of them with its own test ids). */
export function TargetCards({
  report,
  trend,
  keys = TARGET_INDICATORS,
  testIdPrefix = '',
}: {
  report: KpiReport;
  trend: Trend | undefined;
  keys?: readonly string[];
  testIdPrefix?: string;
}) {
  return (
    <Row gutter={[16, 16]} data-testid={`${testIdPrefix}target-cards`}>
      {keys.map((key) => {
        const value = report.indicators[key];
        return value ? (
          <Col key={key} xs={24} sm={12} lg={8} xl={6} xxl={4}>
            <TargetCard indicatorKey={key} value={value} trend={trend} testIdPrefix={testIdPrefix} />
          </Col>
        ) : null;
      })}
    </Row>
  );
}

/** The figures without a target, one small card each; separations list their reasons on hover. */
export function OverviewCards({ report }: { report: KpiReport }) {
  const text = useIndicatorText();
  return (
    <Row gutter={[16, 16]}>
      {OVERVIEW_INDICATORS.map((key) => {
        const value = report.indicators[key];
        if (!value) return null;
        const reasons = value.breakdown
          ?.map((item) => `${text.reason(item.reason, item.label)} ${item.count}`)
          .join('；');
        const amountKey = AMOUNT_OF[key];
        const amount = amountKey ? report.indicators[amountKey] : undefined;
        // Money needs about twice the room of a count.
        return (
          <Col key={key} flex={value.unit === FEN_UNIT || amount ? '2 1 280px' : '1 1 150px'}>
            <Card size="small" data-testid={`kpi-card-${key}`}>
              <div style={{ marginBottom: 4 }}>
                <IndicatorName indicatorKey={key} value={value} />
              </div>
              <Tooltip title={reasons}>
                <span>
                  <ActualFigure value={value} amount={amount} fontSize={22} />
                </span>
              </Tooltip>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
