import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import {
  exportAuditEntries,
  listAuditEntries,
  verifyAuditChain,
  type AuditEntry,
  type AuditQuery,
  type AuditVerification,
} from '../../api/audit.ts';
import { AccountName, ActorLabel, NameWithCode } from '../../components/CodeHint.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { pageControls } from '../../components/pageControls.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { auditActionName, auditObjectName } from '../../locales/codeNames.ts';
import { isMessageKey, useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime, formatDateTimeSeconds } from '../../utils/format.ts';
import { AuditFilters } from './AuditFilters.tsx';

const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'orange' };

function ChainVerification({ result, error }: { result?: AuditVerification; error?: unknown }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (error !== undefined)
    return <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 16 }} />;
  if (!result) return null;
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      role="status"
      title={t('audit.verifyOk', { checked: result.checked })}
      style={{ marginBottom: 16 }}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('audit.verifyBroken', { checked: result.checked, firstBroken: result.first_broken?.id ?? '?' })}
      description={reasonText(t, result.first_broken?.reason)}
      style={{ marginBottom: 16 }}
    />
  );
}

function reasonText(t: ReturnType<typeof useI18n>['t'], reason: string | undefined): string | undefined {
  const key = `audit.reason.${reason ?? ''}`;
  return isMessageKey(key) ? t(key) : undefined;
}

/** 审计日志 (auditor): the append-only log, filtered, and a check of its keyed hash chain and signed checkpoints. */
export default function AuditPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const entries = useRemoteData(() => listAuditEntries(query), JSON.stringify(query));
  const [verification, setVerification] = useState<{ result?: AuditVerification; error?: unknown }>({});
  const [isVerifying, setIsVerifying] = useState(false);

  async function verify() {
    setIsVerifying(true);
    try {
      setVerification({ result: await verifyAuditChain() });
    } catch (error) {
      setVerification({ error });
    } finally {
      setIsVerifying(false);
    }
  }

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      fixed: 'left',
      render: (at: string) => <span title={formatDateTimeSeconds(at)}>{formatDateTime(at)}</span>,
      width: 150,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      // A job seeker by their masked phone or e-mail: their account name is an internal digest.
      render: (name: string | null, row) => (row.actorLabel ? row.actorLabel : <ActorLabel actor={name} />),
    },
    {
      title: t('audit.actorRole'),
      dataIndex: 'actorRole',
      render: (role: string | null) => {
        const key = `role.${role ?? ''}`;
        return role ? (isMessageKey(key) ? t(key) : role) : t('common.none');
      },
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => <NameWithCode name={auditActionName(t, action)} code={action} />,
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, entry) =>
        entry.objectType ? (
          <span>
            {auditObjectName(t, entry.objectType, null)} {entry.objectId ? <AccountName name={entry.objectId} /> : null}
          </span>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (outcome: string) => {
        const key = `audit.outcome.${outcome}`;
        return <Tag color={OUTCOME_COLORS[outcome]}>{isMessageKey(key) ? t(key) : outcome}</Tag>;
      },
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      // The first eight characters tell requests apart on screen; the whole id is on hover and in the details.
      render: (id: string | null) =>
        id ? (
          <code data-code-hint="" title={id}>
            {id.length > 12 ? `${id.slice(0, 8)}…` : id}
          </code>
        ) : (
          t('common.none')
        ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? t('common.none') },
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Space wrap>
          <ExportButton
            testId="audit-export"
            download={() => {
              const { page: _page, pageSize: _pageSize, ...filters } = query;
              return exportAuditEntries(filters);
            }}
          />
          <Button icon={<SafetyCertificateOutlined />} loading={isVerifying} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
        </Space>
      }
    >
      <ChainVerification result={verification.result} error={verification.error} />
      <AuditFilters
        onChange={(filter) => setQuery((current) => ({ ...filter, page: 1, pageSize: current.pageSize }))}
      />
      <LoadError error={entries.error} />
      <div data-testid="audit-table">
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={entries.data?.items}
          loading={entries.isLoading}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (entry) => Boolean(entry.details),
            expandedRowRender: (entry) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{entry.details}</pre>,
          }}
          {...pageControls(query, entries.data?.total, setQuery, t)}
        />
      </div>
    </Card>
  );
}
