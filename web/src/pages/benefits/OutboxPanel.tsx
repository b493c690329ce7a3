import { Alert, App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import {
  listOutbox,
  OUTBOX_CHANNELS,
  retryOutboxMessage,
  type OutboxMessage,
  type OutboxQuery,
  type OutboxStatus,
} from '../../api/benefitMessages.ts';
import { newIdempotencyKey } from '../../api/benefits.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';

const STATUS_COLORS: Record<OutboxStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };
const STATUSES: readonly OutboxStatus[] = ['failed', 'pending', 'sent'];

/**
 * 消息发送: the SMS, e-mail and payment notices with their status, attempts and last error
 * (addresses masked by the server), filtered by status and channel; 重新发送 for a failed one.
 */
export function OutboxPanel() {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [query, setQuery] = useState<OutboxQuery>({ page: 1, pageSize: 20 });
  const outbox = useRemoteData(() => listOutbox(query), JSON.stringify(query));
  const [error, setError] = useState<string>();
  const [retrying, setRetrying] = useState<number>();
  // One Idempotency-Key per message until its resend succeeds: a retry after a lost answer is replayed.
  const keys = useRef(new Map<number, string>());

  async function retry(id: number) {
    setRetrying(id);
    setError(undefined);
    try {
      const key = keys.current.get(id) ?? newIdempotencyKey();
      keys.current.set(id, key);
      await retryOutboxMessage(id, key);
      keys.current.delete(id);
      message.success(bt('benefits.outbox.retried', { id }));
      outbox.reload();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setRetrying(undefined);
    }
  }

  const counts = outbox.data?.counts;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={bt('benefits.outbox.hint')} />
      <Space wrap>
        <Select<OutboxStatus | 'all'>
          aria-label={bt('benefits.outbox.status')}
          data-testid="outbox-status-filter"
          style={{ width: 140 }}
          value={query.status ?? 'all'}
          onChange={(status) =>
            setQuery((current) => ({ ...current, status: status === 'all' ? undefined : status, page: 1 }))
          }
          options={[
            { value: 'all', label: bt('benefits.outbox.all') },
            ...STATUSES.map((status) => ({ value: status, label: bt(`benefits.outbox.status.${status}`) })),
          ]}
        />
        <Select
          aria-label={bt('benefits.outbox.channel')}
          style={{ width: 140 }}
          allowClear
          placeholder={bt('benefits.outbox.channel')}
          value={query.channel}
          onChange={(channel?: OutboxQuery['channel']) => setQuery((current) => ({ ...current, channel, page: 1 }))}
          options={OUTBOX_CHANNELS.map((channel) => ({
            value: channel,
            label: bt(`benefits.outbox.channel.${channel}`),
          }))}
        />
        {counts && (
          <Typography.Text data-testid="outbox-counts">{bt('benefits.outbox.counts', counts)}</Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <LoadError error={outbox.error} />
      <Table<OutboxMessage>
        data-testid="outbox-messages"
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={outbox.isLoading}
        dataSource={outbox.data?.items}
        locale={{ emptyText: bt('benefits.outbox.empty') }}
        pagination={{
          current: outbox.data?.page ?? query.page,
          pageSize: outbox.data?.pageSize ?? query.pageSize,
          total: outbox.data?.total ?? 0,
          onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
        }}
        columns={[
          { title: '#', dataIndex: 'id' },
          {
            title: bt('benefits.outbox.channel'),
            dataIndex: 'channel',
            render: (channel: OutboxMessage['channel']) => bt(`benefits.outbox.channel.${channel}`),
          },
          {
            title: bt('benefits.outbox.recipient'),
            key: 'recipient',
            render: (_, m) =>
              m.recipient === 'treasury'
                ? bt('benefits.outbox.treasury')
                : m.recipient === 'direct'
                  ? bt('benefits.outbox.direct')
                  : (m.enterprise_name ?? m.official_name ?? m.uscc ?? m.recipient),
          },
          {
            title: bt('benefits.outbox.address'),
            dataIndex: 'address',
            render: (address: string | null) => address ?? '—',
          },
          {
            title: bt('benefits.outbox.subject'),
            dataIndex: 'subject',
            ellipsis: true,
            render: (subject: string | null) => subject ?? '—',
          },
          {
            title: bt('benefits.outbox.status'),
            dataIndex: 'status',
            render: (status: OutboxStatus) => (
              <Tag color={STATUS_COLORS[status]}>{bt(`benefits.outbox.status.${status}`)}</Tag>
            ),
          },
          { title: bt('benefits.outbox.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            title: bt('benefits.outbox.lastError'),
            dataIndex: 'last_error',
            render: (text: string | null) => text ?? '—',
          },
          {
            title: bt('benefits.outbox.lastAttempt'),
            dataIndex: 'last_attempt_at',
            render: (at: string | null) => formatDateTime(at),
          },
          {
            title: bt('benefits.outbox.nextAttempt'),
            key: 'next',
            render: (_, m) => (m.status === 'pending' && m.next_attempt_at ? formatDateTime(m.next_attempt_at) : '—'),
          },
          {
            title: '',
            key: 'actions',
            render: (_, m) =>
              m.status === 'failed' && (
                <Button
                  size="small"
                  data-testid={`outbox-retry-${m.id}`}
                  loading={retrying === m.id}
                  disabled={retrying !== undefined && retrying !== m.id}
                  onClick={() => void retry(m.id)}
                >
                  {bt('benefits.outbox.retry')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
