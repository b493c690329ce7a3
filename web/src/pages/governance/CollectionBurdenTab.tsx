import { InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { collectionBurden } from '../../api/governanceRounds.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';

/** How many collections each enterprise received and answered in a year (the burden officials watch). */
export function CollectionBurdenTab() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const burden = useRemoteData(() => collectionBurden(year), `burden-${year}`);
  return (
    <>
      <LoadError error={burden.error} />
      <Space style={{ marginBottom: 12 }}>
        {t('rounds.year')}
        <InputNumber min={2023} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {burden.data && `${burden.data.enterprises} / ${burden.data.collections} / ${burden.data.sent}`}
      </Space>
      <Table
        rowKey="uscc"
        size="middle"
        dataSource={burden.data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('rounds.enterprise'), dataIndex: 'name' },
          {
            title: t('rounds.region'),
            render: (_: unknown, r: { regionName: string | null; regionCode: string }) => r.regionName ?? r.regionCode,
          },
          { title: t('rounds.received'), dataIndex: 'received' },
          { title: t('rounds.answered'), dataIndex: 'answered' },
        ]}
      />
    </>
  );
}
