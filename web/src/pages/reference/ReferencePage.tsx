import { Card, Input, Table, Tabs } from 'antd';
import { useState } from 'react';
import { listReference, type ReferenceItemOf, type ReferenceKind, type ReferenceQuery } from '../../api/reference.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { pageControls } from '../../components/pageControls.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n, type MessageKey } from '../../locales/i18n.tsx';
import { referenceColumns } from './referenceColumns.tsx';

const TABS: { kind: ReferenceKind; labelKey: MessageKey }[] = [
  { kind: 'regions', labelKey: 'reference.regions' },
  { kind: 'industries', labelKey: 'reference.industries' },
  { kind: 'occupations', labelKey: 'reference.occupations' },
];

/** One searchable, paginated reference list. */
function ReferenceTable<K extends ReferenceKind>({ kind }: { kind: K }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<ReferenceQuery>({ page: 1, pageSize: 20 });
  const list = useRemoteData(() => listReference(kind, query), `${kind}:${JSON.stringify(query)}`);
  return (
    <>
      <Input.Search
        aria-label={`${t('reference.searchPlaceholder')}`}
        placeholder={t('reference.searchPlaceholder')}
        allowClear
        enterButton={t('common.search')}
        onSearch={(q) => setQuery((current) => ({ ...current, q: q.trim() || undefined, page: 1 }))}
        style={{ width: 320, marginBottom: 16 }}
      />
      <LoadError error={list.error} />
      <Table<ReferenceItemOf[K]>
        rowKey="code"
        size="middle"
        columns={referenceColumns(kind, t)}
        dataSource={list.data?.items}
        loading={list.isLoading}
        {...pageControls(query, list.data?.total, setQuery, t)}
      />
    </>
  );
}

/** 参考数据: regions, industries (GB/T 4754) and occupations (大典), read-only. */
export default function ReferencePage() {
  const { t } = useI18n();
  return (
    <Card title={t('reference.title')}>
      <Tabs
        items={TABS.map(({ kind, labelKey }) => ({ key: kind, label: t(labelKey), children: <ReferenceTable kind={kind} /> }))}
      />
    </Card>
  );
}
