import { Button, Card, Select, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth.tsx';
import {
  CAMPAIGN_KINDS,
  listCampaigns,
  type Campaign,
  type CampaignDetail,
  type CampaignKind,
  type CampaignQuery,
} from '../../api/campaigns.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { CampaignDrawer } from './campaigns/CampaignDrawer.tsx';
import { CampaignModal } from './campaigns/CampaignModal.tsx';
import { OriginReportCard } from './campaigns/OriginReportCard.tsx';

/**
 * 引才活动 (/recruitment/campaigns): city and province officials list the campaigns (百名海外博士江苏行,
 * 江苏招才月, 四对接, 东西部劳务协作), record one with its events and results, open it to record the
 * people hired through it, and read the hires by home province with its Excel export.
 */
export default function CampaignsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const canRecord = user.role === 'city_hrss' || user.role === 'province_hrss';
  const isProvince = user.role !== 'city_hrss';
  const [query, setQuery] = useState<CampaignQuery>({ page: 1, pageSize: 20 });
  const campaigns = useRemoteData(() => listCampaigns(query), JSON.stringify(query));
  const [editing, setEditing] = useState<CampaignDetail | 'new'>();
  const [opened, setOpened] = useState<number>();
  const [version, setVersion] = useState(0);

  const columns: TableProps<Campaign>['columns'] = [
    { title: t('campaigns.name'), dataIndex: 'name', fixed: 'left' },
    { title: t('campaigns.kind'), dataIndex: 'kindName' },
    { title: t('campaigns.year'), dataIndex: 'year' },
    { title: t('campaigns.region'), dataIndex: 'regionName' },
    { title: t('campaigns.events'), key: 'events', render: (_, c) => c.events.length },
    { title: t('campaigns.enterprises'), key: 'enterprises', render: (_, c) => c.results.enterprises },
    { title: t('campaigns.postings'), key: 'postings', render: (_, c) => c.results.postings },
    { title: t('campaigns.seekers'), key: 'seekers', render: (_, c) => c.results.seekers },
    { title: t('campaigns.intentions'), key: 'intentions', render: (_, c) => c.results.intentions },
    { title: t('campaigns.hires'), key: 'hires', render: (_, c) => c.results.hires },
    {
      title: t('campaigns.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button size="small" onClick={() => setOpened(c.id)} data-testid={`campaign-${c.id}-open`}>
          {t('campaigns.view')}
        </Button>
      ),
    },
  ];

  if (campaigns.error) return <LoadError error={campaigns.error} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('campaigns.title')}
        extra={
          canRecord && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="campaign-new">
              {t('campaigns.create')}
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<CampaignKind | ''>
            style={{ width: 200 }}
            value={query.kind ?? ''}
            options={[{ value: '', label: t('campaigns.allKinds') }, ...CAMPAIGN_KINDS]}
            onChange={(kind) => setQuery((q) => ({ ...q, kind: kind || undefined, page: 1 }))}
          />
          <Select<string>
            allowClear
            placeholder={t('campaigns.allYears')}
            style={{ width: 120 }}
            options={[0, 1, 2, 3].map((back) => {
              const year = new Date().getFullYear() - back;
              return { value: String(year), label: t('campaigns.yearOption', { year }) };
            })}
            onChange={(year) => setQuery((q) => ({ ...q, year: year ? Number(year) : undefined, page: 1 }))}
          />
        </Space>
        <Table<Campaign>
          rowKey="id"
          columns={columns}
          dataSource={campaigns.data?.items ?? []}
          loading={campaigns.isLoading}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: campaigns.data?.total ?? 0,
            showTotal: (total) => t('campaigns.total', { total }),
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
          }}
        />
      </Card>
      <OriginReportCard version={version} />
      {editing && (
        <CampaignModal
          campaign={editing === 'new' ? undefined : editing}
          defaultRegion={user.role === 'city_hrss' ? (user.regionCode ?? '') : '320000'}
          isProvince={isProvince}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) {
              campaigns.reload();
              setOpened(saved.id);
            }
          }}
        />
      )}
      {opened && !editing && (
        <CampaignDrawer
          id={opened}
          canRecord={canRecord}
          onEdit={(c) => setEditing(c)}
          onClose={(changed) => {
            setOpened(undefined);
            if (changed) {
              campaigns.reload();
              setVersion((v) => v + 1);
            }
          }}
        />
      )}
    </Space>
  );
}
