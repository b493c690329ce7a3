import { Alert, Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { listDisputes } from '../../api/labour.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';

/**
 * 集体劳动争议预警: the open collective-dispute alerts of the caller's regions. Shown on the
 * 劳动争议 page and, as a banner, on the province's and cities' start page, until the case is closed.
 */
export function DisputeAlertsCard() {
  const alerts = useRemoteData(() => listDisputes({ alerts: true, pageSize: 50 }), 'dispute-alerts');
  if (!alerts.data?.total && !alerts.error) return null;
  return (
    <Card
      title={<Typography.Text type="danger">集体劳动争议应急预警（未结案）</Typography.Text>}
      data-testid="labour-alerts"
      size="small"
    >
      <LoadError error={alerts.error} />
      <List
        size="small"
        dataSource={alerts.data?.items ?? []}
        renderItem={(d) => (
          <List.Item>
            <Link to={`/labour/disputes/${d.id}`}>{d.caseNo}</Link>
            <span>{d.enterpriseName}</span>
            <Tag color="red" style={{ whiteSpace: 'normal' }}>
              {d.alertReason}
            </Tag>
            <span>受理 {d.receivedOn}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The start page's banner: how many collective-dispute alerts are open, with a link to them. */
export function DisputeAlertsReminder() {
  const alerts = useRemoteData(() => listDisputes({ alerts: true, pageSize: 1 }), 'home-dispute-alerts');
  const count = alerts.data?.total ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="home-dispute-alerts"
      title={`集体劳动争议应急预警：${count} 起未结案`}
      action={<Link to="/labour/disputes?alerts=1">查看</Link>}
    />
  );
}
