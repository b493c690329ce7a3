import { Alert, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { getSkillsTab, type IndicatorQuery, type KpiReport, type Trend } from '../../api/monitoring.ts';
import { Chart } from '../../components/Chart.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatPeriod } from '../../utils/period.ts';
import { TargetCards } from './IndicatorCards.tsx';
import { useIndicatorText } from './useIndicatorText.ts';

/** The plan's skills targets: training (5万 / 4万 / 1万), demonstration bases (≥ 50), high-skill and senior shares. */
export const SKILLS_INDICATORS = [
  'training_person_times',
  'training_manufacturing_person_times',
  'training_digital_person_times',
  'demonstration_internship_bases',
  'absorbed_high_skill_share',
  'absorbed_senior_title_share',
] as const;
const TRAINING = [
  'training_person_times',
  'training_manufacturing_person_times',
  'training_digital_person_times',
] as const;

/**
 * 技能人才 on the monitoring dashboard: the cards are GET /kpi's own figures (the same as the 技能人才
 * page); training by month with the two shares' monthly trend, and the indicators by city.
 */
export function SkillsTalentTab({
  query,
  report,
  trend,
}: {
  query: IndicatorQuery;
  report: KpiReport | undefined;
  trend: Trend | undefined;
}) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const tab = useRemoteData(() => getSkillsTab(query), `skills|${JSON.stringify(query)}`);
  const label = (key: string) => text.label(key, report?.indicators[key]?.label ?? key);

  const monthly = useMemo(() => {
    if (!tab.data?.months.length) return undefined;
    const months = tab.data.months;
    const shareOf = (key: string) => {
      const series = trend?.series[key];
      return months.map((m) => {
        const i = trend?.periods.indexOf(m.period) ?? -1;
        const value = i >= 0 ? series?.[i] : null;
        return value === null || value === undefined ? null : Math.round(value * 10_000) / 100;
      });
    };
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 56, bottom: 24 },
      xAxis: { type: 'category', data: months.map((m) => formatPeriod(m.period)) },
      yAxis: [
        { type: 'value', name: t('monitoring.skillsPersonTimes'), minInterval: 1 },
        { type: 'value', name: '%', min: 0 },
      ],
      series: [
        ...TRAINING.map((key) => ({ name: label(key), type: 'bar', data: months.map((m) => m[key]) })),
        ...(['absorbed_high_skill_share', 'absorbed_senior_title_share'] as const).map((key) => ({
          name: label(key),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: shareOf(key),
        })),
      ],
    };
  }, [tab.data, trend, report, t]);

  const byCity = useMemo(() => {
    if (!tab.data?.cities.length) return undefined;
    const cities = [...tab.data.cities].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 72, right: 24, top: 56, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: cities.map((c) => c.name) },
      series: [...TRAINING, 'demonstration_internship_bases' as const].map((key) => ({
        name: label(key),
        type: 'bar',
        data: cities.map((c) => c[key]),
      })),
    };
  }, [tab.data, report]);

  if (!report) return <Skeleton active />;
  return (
    <>
      <LoadError error={tab.error} />
      <TargetCards report={report} trend={trend} keys={SKILLS_INDICATORS} testIdPrefix="skills-" />
      {tab.data && !tab.data.available && (
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('monitoring.skillsNotSegmented')} />
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('monitoring.skillsByMonth')}>
            {monthly ? (
              <Chart option={monthly} height={320} ariaLabel={t('monitoring.skillsByMonth')} />
            ) : tab.isLoading ? (
              <Skeleton active />
            ) : (
              <Typography.Text type="secondary">{t('monitoring.noData')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('monitoring.skillsByCity')} data-testid="skills-by-city">
            {byCity ? (
              <Chart
                option={byCity}
                height={Math.max(240, 40 + (tab.data?.cities.length ?? 0) * 36)}
                ariaLabel={t('monitoring.skillsByCity')}
              />
            ) : tab.isLoading ? (
              <Skeleton active />
            ) : (
              <Typography.Text type="secondary">{t('monitoring.noData')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('monitoring.skillsNote')}
      </Typography.Paragraph>
    </>
  );
}
