import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { listUsccOverrides, type UsccOverride, type UsccOverrideQuery } from '../../api/usccOverrides.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { pageControls } from '../../components/pageControls.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { RecordUsccOverrideModal, RevokeUsccOverrideModal } from './UsccOverrideModals.tsx';

// 省工信 keeps the register (the system administrator may record for it); 省人社 reads it.
const KEEPER_ROLES = ['province_miit', 'sysadmin'];

/**
 * 信用代码例外: early 统一社会信用代码 that fail a check character but were verified genuine.
 * Imports, the exchange push and the checking tools accept a code while its override is in
 * force; a revoked entry stays on the list with who revoked it, when and why.
 */
export default function UsccOverridesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isKeeper = KEEPER_ROLES.includes(user.role);
  const [query, setQuery] = useState<UsccOverrideQuery>({ page: 1, pageSize: 20 });
  const [isAdding, setIsAdding] = useState(false);
  const [revoking, setRevoking] = useState<UsccOverride>();
  const list = useRemoteData(() => listUsccOverrides(query), JSON.stringify(query));

  const columns: TableProps<UsccOverride>['columns'] = [
    { title: t('usccOverrides.id'), dataIndex: 'id', width: 72 },
    { title: t('usccOverrides.uscc'), dataIndex: 'uscc', render: (uscc: string) => <code>{uscc}</code> },
    { title: t('usccOverrides.failure'), dataIndex: 'failureMessage' },
    { title: t('usccOverrides.evidence'), dataIndex: 'evidence', render: (text: string) => <Typography.Paragraph style={{ margin: 0, maxWidth: 320 }}>{text}</Typography.Paragraph> },
    { title: t('usccOverrides.recorded'), key: 'recorded', render: (_, entry) => `${entry.recordedBy} · ${formatDateTime(entry.recordedAt)}` },
    {
      title: t('usccOverrides.status'),
      key: 'status',
      render: (_, entry) =>
        entry.isActive ? (
          <Tag color="green">{t('usccOverrides.active')}</Tag>
        ) : (
          <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>
            <Tag>{t('usccOverrides.revoked')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('usccOverrides.revokedBy', { by: entry.revokedBy, at: formatDateTime(entry.revokedAt), reason: entry.revokeReason })}
            </Typography.Text>
          </div>
        ),
    },
    ...(isKeeper
      ? [{
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, entry: UsccOverride) =>
            entry.isActive && (
              <Button type="link" danger size="small" onClick={() => setRevoking(entry)}>
                {t('usccOverrides.revoke')}
              </Button>
            ),
        }]
      : []),
  ];

  return (
    <Card
      title={t('usccOverrides.title')}
      extra={
        isKeeper && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)}>
            {t('usccOverrides.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('usccOverrides.intro')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item>
          <Input.Search
            aria-label={t('usccOverrides.searchPlaceholder')}
            placeholder={t('usccOverrides.searchPlaceholder')}
            allowClear
            enterButton={t('common.search')}
            onSearch={(q) => setQuery((current) => ({ ...current, q: q.trim() || undefined, page: 1 }))}
            style={{ width: 340 }}
          />
        </Form.Item>
        <Form.Item label={t('usccOverrides.status')} htmlFor="uscc-override-status">
          <Select
            id="uscc-override-status"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            value={query.status}
            options={[
              { value: 'active', label: t('usccOverrides.active') },
              { value: 'revoked', label: t('usccOverrides.revoked') },
            ]}
            onChange={(status?: UsccOverrideQuery['status']) => setQuery((current) => ({ ...current, status, page: 1 }))}
          />
        </Form.Item>
      </Form>
      <LoadError error={list.error} />
      <Table<UsccOverride>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        scroll={{ x: 'max-content' }}
        {...pageControls(query, list.data?.total, setQuery, t)}
      />
      {isKeeper && (
        <>
          <RecordUsccOverrideModal
            isOpen={isAdding}
            onClose={() => setIsAdding(false)}
            onRecorded={(entry) => {
              setIsAdding(false);
              message.success(t('usccOverrides.recordedMessage', { id: entry.id, uscc: entry.uscc }));
              list.reload();
            }}
          />
          <RevokeUsccOverrideModal
            entry={revoking}
            onClose={() => setRevoking(undefined)}
            onRevoked={(entry) => {
              setRevoking(undefined);
              message.success(t('usccOverrides.revokedMessage', { id: entry.id }));
              list.reload();
            }}
          />
        </>
      )}
    </Card>
  );
}
