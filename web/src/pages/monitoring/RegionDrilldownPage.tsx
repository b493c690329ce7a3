import { ArrowLeftOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Tier } from '../../api/enterprises.ts';
import { drillIntoRegion, type DrilldownEnterprise, type RegionDrilldown } from '../../api/monitoring.ts';
import { PROVINCE_ROLES } from '../../app/access.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { regionSteps } from '../../app/breadcrumbs.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageBreadcrumb } from '../../components/PageBreadcrumb.tsx';
import { useRegions } from '../../components/referenceOptions.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n, type Translate } from '../../locales/i18n.tsx';
import { TierTag } from '../enterprises/enterpriseTags.tsx';
import { formatIndicatorNumber } from './indicatorFormat.ts';
import { describePeriod } from './PeriodPicker.tsx';
import {
  filterSearch,
  indicatorQueryOf,
  useMonitoringFilters,
  type MonitoringFilters,
} from './useMonitoringFilters.ts';

type Child = RegionDrilldown['children'][number];

/** The columns of the divisions table: the indicators the drill-down answers, with their units. */
const CHILD_COLUMNS: readonly { key: string; unit: string }[] = [
  { key: 'monitored_enterprises', unit: '家' },
  { key: 'insured_employees', unit: '人' },
  { key: 'new_hires', unit: '人' },
  { key: 'separations', unit: '人' },
  { key: 'net_change', unit: '人' },
  { key: 'absorbed_insured', unit: '人' },
  { key: 'absorbed_graduate_share', unit: '比例' },
  { key: 'absorbed_high_skill_share', unit: '比例' },
  { key: 'absorbed_senior_title_share', unit: '比例' },
  { key: 'contributions_paid_fen', unit: '分' },
  { key: 'policies_enjoyed', unit: '次' },
  { key: 'policies_enjoyed_amount_fen', unit: '分' },
];

/** 期间 · 梯度 · 行业 as tags, so the page says which figures it shows. */
function FilterTags({ filters, t }: { filters: MonitoringFilters; t: Translate }) {
  return (
    <Space size={4} wrap>
      <Tag>{describePeriod(filters.period, t)}</Tag>
      {filters.tier && <Tag>{t(`tier.${filters.tier}`)}</Tag>}
      {filters.industry && (
        <Tag>{filters.industry === 'manufacturing' ? t('enterprises.manufacturing') : filters.industry}</Tag>
      )}
    </Space>
  );
}

/**
 * 地区下钻 (/monitoring/regions/:code): the region's divisions with their figures, and its
 * monitored enterprises (paginated) leading to each one's monthly series. Same filters as the
 * dashboard; a region outside the caller's scope answers 404.
 */
export default function RegionDrilldownPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [filters] = useMonitoringFilters();
  const [paging, setPaging] = useState({ code, page: 1, pageSize: 20 });
  // A new region starts at its first page.
  const page = paging.code === code ? paging : { code, page: 1, pageSize: paging.pageSize };
  const query = { ...indicatorQueryOf(filters), region: undefined, page: page.page, pageSize: page.pageSize };
  const drill = useRemoteData(() => drillIntoRegion(code, query), `${code}|${JSON.stringify(query)}`);
  const data = drill.data?.region.code === code ? drill.data : undefined;
  const search = filterSearch(filters, ['period', 'tier', 'industry']);
  const user = useCurrentUser();
  const regions = useRegions();
  const between = regionSteps(
    code,
    regions,
    { regionCode: user.regionCode, isProvince: PROVINCE_ROLES.includes(user.role) },
    search,
  );
  const placeName = data?.region.name ?? regions.find((region) => region.code === code)?.name ?? code;

  const childColumns: TableProps<Child>['columns'] = [
    {
      title: t('monitoring.regionName'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, child) => <Link to={`/monitoring/regions/${child.code}${search}`}>{name}</Link>,
    },
    ...CHILD_COLUMNS.map(({ key, unit }) => ({
      title: t(`indicator.${key}` as 'indicator.new_hires'),
      key,
      align: 'right' as const,
      render: (_: unknown, child: Child) => formatIndicatorNumber(child.values[key] ?? null, unit),
    })),
  ];

  const enterpriseColumns: TableProps<DrilldownEnterprise>['columns'] = [
    {
      title: t('enterprises.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, enterprise) => (
        <>
          <Link to={`/monitoring/enterprises/${enterprise.uscc}${search}`}>{name}</Link>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {enterprise.uscc}
          </Typography.Text>
        </>
      ),
    },
    { title: t('enterprises.location'), dataIndex: 'regionName' },
    {
      title: t('enterprises.tier'),
      dataIndex: 'tier',
      render: (tier: Tier | null) => (tier ? <TierTag tier={tier} /> : t('common.none')),
    },
    { title: t('monitoring.insuredNow'), dataIndex: 'insured', align: 'right' },
    { title: t('indicator.new_hires'), dataIndex: 'hires', align: 'right' },
    { title: t('indicator.separations'), dataIndex: 'separations', align: 'right' },
    { title: t('monitoring.absorbed'), dataIndex: 'absorbed', align: 'right' },
    { title: t('indicator.policies_enjoyed'), dataIndex: 'policiesEnjoyed', align: 'right' },
    {
      title: t('monitoring.policiesEnjoyedYuan'),
      dataIndex: 'policiesEnjoyedFen',
      align: 'right',
      render: (fen: number) => formatIndicatorNumber(fen, '分'),
    },
    {
      title: t('monitoring.openAlerts'),
      dataIndex: 'openAlerts',
      align: 'right',
      render: (count: number, enterprise) =>
        count > 0 ? (
          <Link to={`/monitoring/alerts?uscc=${enterprise.uscc}`}>
            <Badge count={count} />
          </Link>
        ) : (
          0
        ),
    },
  ];

  return (
    <>
      <PageBreadcrumb between={between} current={placeName} />
      <Card
        loading={drill.isLoading && !data}
        title={
          <Space wrap>
            <span>{t('monitoring.drilldownTitle', { region: placeName })}</span>
            <FilterTags filters={filters} t={t} />
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
        }
      >
        <LoadError error={drill.error} />
        {data && data.children.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('monitoring.divisions')}
            </Typography.Title>
            <div data-testid="drilldown-divisions">
              <Table<Child>
                rowKey="code"
                size="small"
                columns={childColumns}
                dataSource={data.children}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            </div>
          </>
        )}
        <Typography.Title level={5}>{t('monitoring.enterprisesTitle')}</Typography.Title>
        <div data-testid="drilldown-enterprises">
          <Table<DrilldownEnterprise>
            rowKey="uscc"
            size="middle"
            columns={enterpriseColumns}
            dataSource={data?.enterprises.items}
            loading={drill.isLoading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('monitoring.noEnterprises') }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: data?.enterprises.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination) =>
              setPaging({ code, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })
            }
          />
        </div>
      </Card>
    </>
  );
}
