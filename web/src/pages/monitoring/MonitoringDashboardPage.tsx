import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  getKpi,
  getRanking,
  getReadSource,
  getTrend,
  refreshAggregates,
  type ReadSource,
} from '../../api/monitoring.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { preloadCharts } from '../../components/Chart.tsx';
import { registerJiangsuMap } from '../../components/jiangsuMap.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRegions } from '../../components/referenceOptions.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { formatPeriod } from '../../utils/period.ts';
import { yearsBetween } from '../../utils/reportPeriod.ts';
import { OverviewCards, TargetCards } from './IndicatorCards.tsx';
import { mapAreasOf, peerBarsOf } from './mapAreas.ts';
import { MonitoringFilterBar } from './MonitoringFilterBar.tsx';
import { PeerBars } from './PeerBars.tsx';
import { RankingTable } from './RankingTable.tsx';
import { RegionMap } from './RegionMap.tsx';
import { SkillsTalentTab } from './SkillsTalentTab.tsx';
import { filterSearch, indicatorQueryOf, useMonitoringFilters } from './useMonitoringFilters.ts';
import { useIndicatorText } from './useIndicatorText.ts';
import { DisputeAlertsReminder } from '../labour/DisputeAlertsCard.tsx';

// The dashboard always draws the map: fetch ECharts and Jiangsu's outlines as soon as this
// page's code arrives, alongside the indicator requests rather than after them (SPEC §6, ≤ 2 s).
void preloadCharts(registerJiangsuMap);

/** The plan window starts in 2024 (reference/targets/sailing-plan-2025.json). */
const PLAN_FIRST_YEAR = 2024;
const PLAN_LAST_YEAR = 2025;
/** Performance mark the end-to-end test reads: navigation start → cards and map drawn (SPEC §6). */
export const DASHBOARD_DRAWN_MARK = 'yangfan:dashboard-drawn';

/**
 * 监测驾驶舱 (/monitoring): the notice's 2025 targets as cards, the period's figures, a map of
 * Jiangsu coloured by one indicator and the ranking of regions, under one set of filters. The
 * server narrows everything to the caller's region; a city official sees their city only.
 */
export default function MonitoringDashboardPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const text = useIndicatorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const regions = useRegions();
  const [filters, setFilters] = useMonitoringFilters();
  const [isRefreshing, setIsRefreshing] = useState(false);
  const query = indicatorQueryOf(filters);
  const queryKey = JSON.stringify(query);
  const kpi = useRemoteData(() => getKpi(query), queryKey);
  const trend = useRemoteData(() => getTrend(query), queryKey);
  const ranking = useRemoteData(
    () => getRanking({ ...query, indicator: filters.indicator }),
    `${queryKey}|${filters.indicator}`,
  );
  const report = kpi.data;
  const readSource = useRemoteData(() => getReadSource(), queryKey);

  const drillSearch = filterSearch(filters, ['period', 'tier', 'industry']);
  const regionLink = useCallback((code: string) => `/monitoring/regions/${code}${drillSearch}`, [drillSearch]);
  const openRegion = useCallback((code: string) => navigate(regionLink(code)), [navigate, regionLink]);

  const dataYear = report?.data_through ? Math.floor(report.data_through / 100) : PLAN_LAST_YEAR;
  const years = useMemo(() => yearsBetween(PLAN_FIRST_YEAR, Math.max(PLAN_LAST_YEAR, dataYear)), [dataYear]);
  const mapIndicators = useMemo(
    () =>
      Object.entries(report?.indicators ?? {})
        .filter(([, value]) => value.kind !== 'external')
        .map(([key, value]) => ({ value: key, label: text.label(key, value.label) })),
    [report, text],
  );
  const areas = useMemo(
    () => (ranking.data && report ? mapAreasOf(ranking.data, report, filters.indicator, regions) : undefined),
    [ranking.data, report, filters.indicator, regions],
  );

  // A county's official (昆山) compares their county with the other divisions of its prefecture.
  const peerBars = useMemo(() => (ranking.data ? peerBarsOf(ranking.data) : undefined), [ranking.data]);
  const peerGroup = ranking.data?.peer_group ?? null;

  const hasMarked = useRef(false);
  const onMapDrawn = useCallback(() => {
    if (hasMarked.current) return;
    hasMarked.current = true;
    performance.mark(DASHBOARD_DRAWN_MARK);
  }, []);

  async function refresh() {
    setIsRefreshing(true);
    try {
      const summary = await refreshAggregates();
      message.success(t('monitoring.refreshed', { seconds: summary.seconds, alerts: summary.alertsCreated }));
      kpi.reload();
      trend.reload();
      ranking.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsRefreshing(false);
    }
  }

  const mapValue = report?.indicators[filters.indicator];
  const extra = (
    <Space wrap>
      {report?.data_through && (
        <Typography.Text type="secondary">
          {t('monitoring.dataThrough', { month: formatPeriod(report.data_through) })}
        </Typography.Text>
      )}
      {report?.refreshed_at && (
        <Typography.Text type="secondary">
          {t('monitoring.refreshedAt', { at: formatDateTime(report.refreshed_at) })}
        </Typography.Text>
      )}
      {readSource.data && <ReadSourceNote readSource={readSource.data} />}
      {user.role === 'province_hrss' && (
        <Button icon={<SyncOutlined />} loading={isRefreshing} onClick={() => void refresh()}>
          {t('monitoring.refresh')}
        </Button>
      )}
    </Space>
  );

  const overview = (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('monitoring.targetsTitle')}
      </Typography.Title>
      {report ? <TargetCards report={report} trend={trend.data} /> : <Skeleton active />}
      <Typography.Title level={5}>{t('monitoring.overviewTitle')}</Typography.Title>
      {report ? <OverviewCards report={report} /> : <Skeleton active />}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card
            title={peerGroup ? t('monitoring.peersTitle', { city: peerGroup.name }) : t('monitoring.mapTitle')}
            extra={
              <Select
                aria-label={t('monitoring.mapIndicator')}
                value={filters.indicator}
                style={{ width: 240 }}
                options={mapIndicators}
                onChange={(indicator: string) => setFilters({ indicator })}
              />
            }
          >
            {peerBars && mapValue ? (
              <PeerBars
                bars={peerBars}
                indicatorLabel={text.label(filters.indicator, mapValue.label)}
                unit={mapValue.unit}
                onOpenRegion={openRegion}
                onDrawn={onMapDrawn}
              />
            ) : areas && mapValue ? (
              <RegionMap
                cities={areas.cities}
                counties={areas.counties}
                indicatorLabel={text.label(filters.indicator, mapValue.label)}
                unit={mapValue.unit}
                onOpenRegion={openRegion}
                onDrawn={onMapDrawn}
              />
            ) : (
              <Skeleton active paragraph={{ rows: 8 }} />
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {peerGroup
                ? t('monitoring.peersNote', { region: ranking.data?.region_name ?? '', city: peerGroup.name })
                : t('monitoring.mapNote')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={
              peerGroup ? t('monitoring.peersRankingTitle', { city: peerGroup.name }) : t('monitoring.rankingTitle')
            }
          >
            <RankingTable ranking={ranking.data} isLoading={ranking.isLoading} regionLink={regionLink} />
          </Card>
        </Col>
      </Row>
    </>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {(user.role === 'province_hrss' || user.role === 'city_hrss') && <DisputeAlertsReminder />}
      <Card title={t('monitoring.dashboardTitle', { region: report?.region_name ?? '' })} extra={extra}>
        <MonitoringFilterBar filters={filters} onChange={setFilters} regions={regions} years={years} />
        <LoadError error={kpi.error ?? trend.error ?? ranking.error} />
        {report && report.refreshed_at === null && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('monitoring.notSummarised')}
            description={user.role === 'province_hrss' ? t('monitoring.notSummarisedHint') : undefined}
          />
        )}
        {report && !report.months && report.refreshed_at !== null && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('monitoring.periodWithoutData')} />
        )}
        <Tabs
          items={[
            { key: 'overview', label: t('monitoring.tabOverview'), children: overview },
            {
              key: 'skills',
              label: t('monitoring.tabSkills'),
              children: <SkillsTalentTab query={query} report={report} trend={trend.data} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Where the figures were read: the read replica and its lag, or the primary when the replica lags or is down. */
function ReadSourceNote({ readSource }: { readSource: ReadSource }) {
  const { t } = useI18n();
  if (readSource.max_lag_seconds === null) return null;
  const lag = readSource.lag_seconds === null ? null : Math.round(readSource.lag_seconds);
  if (readSource.source === 'replica')
    return <Typography.Text type="secondary">{t('monitoring.readReplica', { lag: lag ?? 0 })}</Typography.Text>;
  return (
    <Typography.Text type="warning">
      {readSource.fallback === 'lagging'
        ? t('monitoring.readReplicaLagging', { lag: lag ?? 0, max: readSource.max_lag_seconds })
        : t('monitoring.readReplicaUnreachable')}
    </Typography.Text>
  );
}
