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
import { useI18n } from '../../../locales/i18n.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { useRemoteData } from '../../../components/useRemoteData.ts';

type Row = OriginReport['rows'][number];

/** 东西部劳务协作: hires through campaigns by the hired people's home provinces, with the Excel export. */
export function OriginReportCard({ version }: { version: number }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<OriginReportQuery>({ kind: 'east_west' });
  const report = useRemoteData(() => getOriginReport(query), `${JSON.stringify(query)}|${version}`);
  return (
    <Card
      title={t('campaigns.originTitle')}
      extra={<ExportButton download={() => exportOriginReport(query)} testId="origin-report-export" />}
      data-testid="origin-report"
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<CampaignKind | ''>
          style={{ width: 200 }}
          value={query.kind ?? ''}
          options={[{ value: '', label: t('campaigns.allCampaigns') }, ...CAMPAIGN_KINDS]}
          onChange={(kind) => setQuery((q) => ({ ...q, kind: kind || undefined }))}
        />
        <Select<string>
          allowClear
          placeholder={t('campaigns.allYears')}
          style={{ width: 120 }}
          options={[0, 1, 2, 3].map((back) => {
            const year = new Date().getFullYear() - back;
            return { value: String(year), label: t('campaigns.yearOption', { year }) };
          })}
          onChange={(year) => setQuery((q) => ({ ...q, year: year ? Number(year) : undefined }))}
        />
      </Space>
      {report.error ? <LoadError error={report.error} /> : null}
      <Space size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t('campaigns.hireCount')} value={report.data?.totals.hires ?? 0} />
        <Statistic title={t('campaigns.fromOtherProvinces')} value={report.data?.totals.fromOtherProvinces ?? 0} />
        <Statistic title={t('campaigns.fromWestern')} value={report.data?.totals.fromWesternProvinces ?? 0} />
      </Space>
      <Table<Row>
        size="small"
        rowKey="provinceCode"
        loading={report.isLoading}
        pagination={false}
        dataSource={report.data?.rows ?? []}
        columns={[
          {
            title: t('campaigns.homeProvince'),
            dataIndex: 'provinceName',
            render: (name: string, r) => (
              <Space>
                {name}
                {r.western && <Tag color="orange">{t('campaigns.western')}</Tag>}
              </Space>
            ),
          },
          { title: t('campaigns.hireCount'), dataIndex: 'hires' },
          { title: t('campaigns.employerCount'), dataIndex: 'enterprises' },
        ]}
      />
    </Card>
  );
}
