import { Card, Cascader, Checkbox, Form, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  exportAlerts,
  listAlerts,
  type Alert,
  type AlertKind,
  type AlertQuery,
  type AlertStatus,
} from '../../api/alerts.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { regionTree, useRegions } from '../../components/referenceOptions.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { formatPeriod } from '../../utils/period.ts';
import { AlertActions, AlertHistory } from './AlertActions.tsx';

const KIND_COLORS: Record<AlertKind, string> = {
  mass_layoff: 'red',
  recognition_expiring: 'orange',
  contributions_stopped: 'volcano',
};
const STATUS_COLORS: Record<AlertStatus, string> = { open: 'red', assigned: 'blue', closed: 'default' };

/**
 * 就业预警 (/monitoring/alerts): 规模性减员, 认定即将到期 and 停止缴费 in the caller's scope,
 * filtered by kind, status and region, assigned to the enterprise's commissioner and closed
 * with a note. `?uscc=` narrows the list to one enterprise (from the drill-down).
 */
export default function AlertsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const regions = useRegions();
  const tree = useMemo(() => regionTree(regions, user), [regions, user]);
  const [params, setParams] = useSearchParams();
  const uscc = params.get('uscc') ?? undefined;
  const [query, setQuery] = useState<AlertQuery>({ page: 1, pageSize: 20, status: 'open' });
  const effective = { ...query, uscc };
  const alerts = useRemoteData(() => listAlerts(effective), JSON.stringify(effective));
  const filter = (change: Partial<AlertQuery>) => setQuery((current) => ({ ...current, ...change, page: 1 }));

  const columns: TableProps<Alert>['columns'] = [
    {
      title: t('keyEnterprises.enterprise'),
      dataIndex: 'enterpriseName',
      fixed: 'left',
      render: (name: string | null, alert) => (
        <>
          <Link to={`/monitoring/enterprises/${alert.uscc}`}>{name ?? alert.uscc}</Link>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {alert.uscc}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('enterprises.location'),
      dataIndex: 'regionName',
      render: (name: string | null, alert) => name ?? alert.regionCode,
    },
    {
      title: t('alerts.kind'),
      dataIndex: 'kind',
      render: (kind: AlertKind) => <Tag color={KIND_COLORS[kind]}>{t(`alerts.kind.${kind}`)}</Tag>,
    },
    { title: t('alerts.period'), dataIndex: 'period', render: (period: number) => formatPeriod(period) },
    { title: t('alerts.message'), dataIndex: 'message', width: 280 },
    {
      title: t('alerts.status'),
      dataIndex: 'status',
      render: (status: AlertStatus) => <Tag color={STATUS_COLORS[status]}>{t(`alerts.status.${status}`)}</Tag>,
    },
    {
      title: t('keyEnterprises.commissioner'),
      dataIndex: 'assignee',
      render: (assignee: Alert['assignee']) => assignee?.name ?? t('alerts.unassigned'),
    },
    { title: t('alerts.closeNote'), dataIndex: 'closeNote', render: (note: string | null) => note ?? t('common.none') },
    { title: t('alerts.detectedAt'), dataIndex: 'detectedAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, alert) => <AlertActions alert={alert} role={user.role} onChanged={alerts.reload} />,
    },
  ];

  return (
    <Card
      title={t('alerts.title')}
      extra={
        <ExportButton
          testId="alerts-export"
          download={() => {
            const { page: _page, pageSize: _pageSize, ...filters } = effective;
            return exportAlerts(filters);
          }}
        />
      }
    >
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item label={t('alerts.kind')} htmlFor="alert-kind">
          <Select
            id="alert-kind"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 160 }}
            value={query.kind}
            options={ALERT_KINDS.map((kind) => ({ value: kind, label: t(`alerts.kind.${kind}`) }))}
            onChange={(kind: AlertKind | undefined) => filter({ kind })}
          />
        </Form.Item>
        <Form.Item label={t('alerts.status')} htmlFor="alert-status">
          <Select
            id="alert-status"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 130 }}
            value={query.status}
            options={ALERT_STATUSES.map((status) => ({ value: status, label: t(`alerts.status.${status}`) }))}
            onChange={(status: AlertStatus | undefined) => filter({ status })}
          />
        </Form.Item>
        {user.role !== 'commissioner' && (
          <Form.Item label={t('monitoring.region')} htmlFor="alert-region">
            <Cascader
              id="alert-region"
              options={tree}
              changeOnSelect
              showSearch
              allowClear
              placeholder={t('enterprises.regionPlaceholder')}
              style={{ width: 200 }}
              onChange={(path) => filter({ region: (path as string[] | undefined)?.at(-1) })}
            />
          </Form.Item>
        )}
        {user.role === 'commissioner' && (
          <Form.Item>
            <Checkbox
              checked={query.mine ?? false}
              onChange={(event) => filter({ mine: event.target.checked || undefined })}
            >
              {t('alerts.mine')}
            </Checkbox>
          </Form.Item>
        )}
        {uscc && (
          <Form.Item>
            <Tag closable onClose={() => setParams({}, { replace: true })}>
              {t('alerts.onlyEnterprise', { uscc })}
            </Tag>
          </Form.Item>
        )}
      </Form>
      <LoadError error={alerts.error} />
      <div data-testid="alerts-table">
        <Table<Alert>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={alerts.data?.items}
          loading={alerts.isLoading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('alerts.empty') }}
          expandable={{ expandedRowRender: (alert) => <AlertHistory id={alert.id} /> }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: alerts.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(pagination) =>
            setQuery((current) => ({ ...current, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 }))
          }
        />
      </div>
    </Card>
  );
}
