import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { listApiTokens, revokeApiToken, type ApiToken } from '../../api/tokens.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';

/** 系统对接令牌: bearer tokens for system-to-system exchange (SPEC §5). */
export default function ApiTokensPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isCreating, setIsCreating] = useState(false);
  const tokens = useRemoteData(listApiTokens, 'api-tokens');

  async function revoke(token: ApiToken) {
    try {
      await revokeApiToken(token.id);
      message.success(t('tokens.revokedMessage'));
      tokens.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: TableProps<ApiToken>['columns'] = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (at: string | null) => formatDateTime(at) },
    {
      title: t('tokens.status'),
      dataIndex: 'revokedAt',
      render: (at: string | null) =>
        at ? (
          <Tag>{t('tokens.revoked', { at: formatDateTime(at) })}</Tag>
        ) : (
          <Tag color="green">{t('tokens.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm title={t('tokens.revokeConfirm', { name: token.name })} onConfirm={() => revoke(token)}>
            <Button type="link" danger size="small">
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
          {t('tokens.create')}
        </Button>
      }
    >
      <LoadError error={tokens.error} />
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={tokens.data?.items}
        loading={tokens.isLoading}
        pagination={false}
      />
      <CreateTokenModal isOpen={isCreating} onClose={() => setIsCreating(false)} onCreated={tokens.reload} />
    </Card>
  );
}
