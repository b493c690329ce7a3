import { Card, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  CAMPAIGN_KINDS,
  exportOriginReport,
  getOriginReport,
  type CampaignKind,
  type OriginReport,
  type OriginReportQuery,
} from '../../../api/campaigns.ts';
import { ExportButton } from '../../../components/ExportButton.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { useRemoteData } from '../../../components/useRemoteData.ts';

type Row = OriginReport['rows'][number];

/** 东西部劳务协作: hires through campaigns by the hired people's home provinces, with the Excel export. */
export function OriginReportCard({ version }: { version: number }) {
  const [query, setQuery] = useState<OriginReportQuery>({ kind: 'east_west' });
  const report = useRemoteData(() => getOriginReport(query), `${JSON.stringify(query)}|${version}`);
  return (
    <Card
      title="录用人员户籍省份（东西部劳务协作）"
      extra={<ExportButton download={() => exportOriginReport(query)} testId="origin-report-export" />}
      data-testid="origin-report"
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<CampaignKind | ''>
          style={{ width: 200 }}
          value={query.kind ?? ''}
          options={[{ value: '', label: '全部活动' }, ...CAMPAIGN_KINDS]}
          onChange={(kind) => setQuery((q) => ({ ...q, kind: kind || undefined }))}
        />
        <Select<string>
          allowClear
          placeholder="全部年度"
          style={{ width: 120 }}
          options={[0, 1, 2, 3].map((back) => {
            const year = new Date().getFullYear() - back;
            return { value: String(year), label: `${year} 年` };
          })}
          onChange={(year) => setQuery((q) => ({ ...q, year: year ? Number(year) : undefined }))}
        />
      </Space>
      {report.error ? <LoadError error={report.error} /> : null}
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title="录用人数" value={report.data?.totals.hires ?? 0} />
        <Statistic title="来自省外" value={report.data?.totals.fromOtherProvinces ?? 0} />
        <Statistic title="其中西部地区" value={report.data?.totals.fromWesternProvinces ?? 0} />
      </Space>
      <Table<Row>
        size="small"
        rowKey="provinceCode"
        loading={report.isLoading}
        pagination={false}
        dataSource={report.data?.rows ?? []}
        columns={[
          {
            title: '户籍省份',
            dataIndex: 'provinceName',
            render: (name: string, r) => (
              <Space>
                {name}
                {r.western && <Tag color="orange">西部</Tag>}
              </Space>
            ),
          },
          { title: '录用人数', dataIndex: 'hires' },
          { title: '录用企业数', dataIndex: 'enterprises' },
        ]}
      />
    </Card>
  );
}
