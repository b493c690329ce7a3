import { Alert, App, Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { listInbox, markAllNoticesRead, markNoticeRead } from '../../api/benefitMessages.ts';
import { type InboxNotice } from '../../api/benefits.ts';
import type { PageQuery } from '../../api/types.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';
import { NotificationContactCard } from './NotificationContactCard.tsx';
import { announceInboxChanged } from './useUnreadNotices.ts';

const UNREAD_BACKGROUND = '#e6f4ff';

/**
 * 政策消息 (/benefits/inbox): “您单位符合…，预计可获 …元” with the explanation, and later results.
 * Unread notices stand out; opening a notice's case marks it read; 全部标为已读 clears them all.
 * Above the list, where the SMS and e-mail reminders go.
 */
export default function BenefitsInboxPage() {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [query, setQuery] = useState<PageQuery>({ page: 1, pageSize: 20 });
  const inbox = useRemoteData(() => listInbox(query), JSON.stringify(query));
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const unread = inbox.data?.unread ?? 0;

  async function markRead(action: () => Promise<{ updated: number }>, announce: boolean) {
    setIsBusy(true);
    setError(undefined);
    try {
      const { updated } = await action();
      if (announce) message.success(bt('benefits.inbox.readAllDone', { count: updated }));
      inbox.reload();
      announceInboxChanged();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsBusy(false);
    }
  }

  /** The case opens after the read mark is stored, so the list is right when the user comes back. */
  async function openCase(event: MouseEvent, notice: InboxNotice) {
    if (notice.read_at !== null) return;
    event.preventDefault();
    await markNoticeRead(notice.id).catch(() => undefined);
    navigate(`/benefits/cases/${notice.case_id}`);
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {user.uscc && <NotificationContactCard uscc={user.uscc} />}
      <Card
        title={
          <Space>
            {bt('benefits.inbox.title')}
            {unread > 0 && (
              <Tag color="blue" data-testid="inbox-unread-count">
                {bt('benefits.inbox.unreadCount', { count: unread })}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Button
            data-testid="inbox-read-all"
            disabled={unread === 0}
            loading={isBusy}
            onClick={() => void markRead(markAllNoticesRead, true)}
          >
            {bt('benefits.inbox.readAll')}
          </Button>
        }
      >
        <LoadError error={inbox.error} />
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <List
          data-testid="benefit-inbox"
          itemLayout="vertical"
          loading={inbox.isLoading}
          dataSource={inbox.data?.items}
          locale={{ emptyText: bt('benefits.inbox.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: inbox.data?.total ?? 0,
            onChange: (page, pageSize) => setQuery({ page, pageSize }),
          }}
          renderItem={(notice) => {
            const isUnread = notice.read_at === null;
            return (
              <List.Item
                key={notice.id}
                aria-label={notice.title}
                data-unread={isUnread}
                style={isUnread ? { background: UNREAD_BACKGROUND, paddingInline: 12 } : { paddingInline: 12 }}
                actions={[
                  <Link
                    key="open"
                    to={`/benefits/cases/${notice.case_id}`}
                    onClick={(event) => void openCase(event, notice)}
                  >
                    {notice.case_state === 'matched' || notice.case_state === 'returned'
                      ? bt('benefits.inbox.openCase')
                      : bt('benefits.inbox.viewCase')}
                  </Link>,
                  ...(isUnread
                    ? [
                        <Button
                          key="read"
                          type="link"
                          size="small"
                          data-testid={`inbox-read-${notice.id}`}
                          onClick={() => void markRead(() => markNoticeRead(notice.id), false)}
                        >
                          {bt('benefits.inbox.markRead')}
                        </Button>,
                      ]
                    : []),
                ]}
              >
                <List.Item.Meta
                  title={
                    <>
                      {isUnread && (
                        <Badge status="processing" text={bt('benefits.inbox.unread')} style={{ marginRight: 8 }} />
                      )}
                      <Typography.Text strong={isUnread}>{notice.title}</Typography.Text>
                    </>
                  }
                  description={formatDateTime(notice.created_at)}
                />
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, maxWidth: 760 }}>
                  {notice.body}
                </Typography.Paragraph>
              </List.Item>
            );
          }}
        />
      </Card>
    </Space>
  );
}
