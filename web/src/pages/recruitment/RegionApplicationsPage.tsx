import { Card, Segmented, Select, Space, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import {
  APPLICATION_STATUS_COLORS,
  exportRegionApplications,
  listRegionApplications,
  summariseRegionApplications,
  type ApplicationGrouping,
  type ApplicationStatus,
  type RegionApplication,
  type RegionApplicationQuery,
  type RegionApplicationSummary,
} from '../../api/recruitment.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRegions } from '../../components/referenceOptions.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { formatDateTime } from '../../utils/format.ts';

const STATUS_NAMES: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  interview: '面试',
  hired: '录用',
  rejected: '不合适',
};
const STATUSES = Object.keys(STATUS_NAMES) as ApplicationStatus[];
const GROUPINGS: { value: ApplicationGrouping; label: string; column: string }[] = [
  { value: 'posting', label: '按岗位', column: '岗位' },
  { value: 'enterprise', label: '按企业', column: '企业' },
  { value: 'county', label: '按县（市、区）', column: '县（市、区）' },
];

type SummaryRow = RegionApplicationSummary['items'][number];

/**
 * 应聘情况 (/recruitment/region-applications): a city official sees the applications to postings
 * in its region, the province those of every city or of one it picks — counts by state per
 * posting, enterprise or county, and the list with applicants masked (each view and export audited).
 */
export default function RegionApplicationsPage() {
  const user = useCurrentUser();
  const isProvince = user.role !== 'city_hrss';
  const regions = useRegions();
  const [cityCode, setCityCode] = useState<string>();
  const [groupBy, setGroupBy] = useState<ApplicationGrouping>('posting');
  const [query, setQuery] = useState<RegionApplicationQuery>({ page: 1, pageSize: 20 });
  const scoped = { ...(cityCode ? { cityCode } : {}) };
  const summary = useRemoteData(
    () => summariseRegionApplications({ ...scoped, groupBy }),
    JSON.stringify({ cityCode, groupBy }),
  );
  const list = useRemoteData(
    () => listRegionApplications({ ...query, ...scoped }),
    JSON.stringify({ query, cityCode }),
  );
  const cities = regions
    .filter((r) => r.level === 'city' || r.isDirectlyAdministered)
    .map((r) => ({ value: r.code, label: r.name }));
  const grouping = GROUPINGS.find((g) => g.value === groupBy)!;

  const summaryColumns: TableProps<SummaryRow>['columns'] = [
    {
      title: grouping.column,
      dataIndex: 'name',
      render: (name: string, row) =>
        groupBy === 'posting' && row.parent ? (
          <Space orientation="vertical" size={0}>
            <span>{name}</span>
            <Typography.Text type="secondary">{row.parent}</Typography.Text>
          </Space>
        ) : (
          name
        ),
    },
    { title: '应聘人数', dataIndex: 'total' },
    ...STATUSES.map((s) => ({
      title: STATUS_NAMES[s],
      key: s,
      render: (_: unknown, row: SummaryRow) => row.counts[s],
    })),
  ];
  const listColumns: TableProps<RegionApplication>['columns'] = [
    { title: '岗位', dataIndex: 'postingTitle' },
    { title: '企业', dataIndex: 'enterpriseName', render: (v: string | null) => v ?? '—' },
    { title: '县（市、区）', dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
    { title: '求职者', dataIndex: 'applicantName' },
    { title: '联系方式', dataIndex: 'contact', render: (v: string | null) => v ?? '—' },
    { title: '学历', dataIndex: 'education', render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'statusName',
      render: (name: string, a) => <Tag color={APPLICATION_STATUS_COLORS[a.status]}>{name}</Tag>,
    },
    { title: '投递时间', dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
  ];

  if (summary.error) return <LoadError error={summary.error} />;
  if (list.error) return <LoadError error={list.error} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={isProvince ? '全省岗位应聘情况' : '本地区岗位应聘情况'}
        extra={
          isProvince && (
            <Select<string>
              allowClear
              placeholder="全部设区市"
              style={{ width: 180 }}
              value={cityCode}
              options={cities}
              onChange={(code) => {
                setCityCode(code);
                setQuery((q) => ({ ...q, page: 1 }));
              }}
              data-testid="region-applications-city"
            />
          )
        }
      >
        <Space wrap size="large" style={{ marginBottom: 16 }} data-testid="region-applications-totals">
          <Statistic title="应聘总数" value={summary.data?.total ?? 0} />
          {STATUSES.map((s) => (
            <Statistic key={s} title={STATUS_NAMES[s]} value={summary.data?.totals[s] ?? 0} />
          ))}
        </Space>
        <div style={{ marginBottom: 12 }}>
          <Segmented<ApplicationGrouping>
            value={groupBy}
            options={GROUPINGS.map(({ value, label }) => ({ value, label }))}
            onChange={setGroupBy}
          />
        </div>
        <Table<SummaryRow>
          rowKey="key"
          size="small"
          columns={summaryColumns}
          dataSource={summary.data?.items ?? []}
          loading={summary.isLoading}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="region-applications-summary"
        />
      </Card>
      <Card
        title="应聘记录"
        extra={
          <ExportButton
            download={() => exportRegionApplications({ ...scoped, ...(query.status ? { status: query.status } : {}) })}
            testId="region-applications-export"
          />
        }
      >
        <Typography.Paragraph type="secondary">求职者姓名和联系方式遮蔽显示；查看和导出均留痕。</Typography.Paragraph>
        <Select<ApplicationStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140, marginBottom: 16 }}
          value={query.status}
          options={STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] }))}
          onChange={(status) => setQuery((q) => ({ ...q, status, page: 1 }))}
        />
        <Table<RegionApplication>
          rowKey="id"
          columns={listColumns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
          }}
        />
      </Card>
    </Space>
  );
}
