import { Badge, Card, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listInbox } from '../../api/benefits.ts';
import type { PageQuery } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { formatDateTime } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';

/** 政策消息 (/benefits/inbox): “您单位符合…，预计可获 …元” with the explanation, and later results. */
export default function BenefitsInboxPage() {
  const { bt } = useBenefitsText();
  const [query, setQuery] = useState<PageQuery>({ page: 1, pageSize: 20 });
  const inbox = useRemoteData(() => listInbox(query), JSON.stringify(query));
  return (
    <Card title={bt('benefits.inbox.title')}>
      <LoadError error={inbox.error} />
      <List
        data-testid="benefit-inbox"
        loading={inbox.isLoading}
        dataSource={inbox.data?.items}
        locale={{ emptyText: bt('benefits.inbox.empty') }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: inbox.data?.total ?? 0,
          onChange: (page, pageSize) => setQuery({ page, pageSize }),
        }}
        renderItem={(notice) => (
          <List.Item
            key={notice.id}
            aria-label={notice.title}
            actions={[
              <Link key="open" to={`/benefits/cases/${notice.case_id}`}>
                {bt('benefits.inbox.openCase')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  {notice.read_at === null && <Badge status="processing" text={bt('benefits.inbox.unread')} style={{ marginRight: 8 }} />}
                  {notice.title}
                </>
              }
              description={formatDateTime(notice.created_at)}
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, maxWidth: 760 }}>{notice.body}</Typography.Paragraph>
          </List.Item>
        )}
      />
    </Card>
  );
}
