import { Card, Table, Tag, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { listPolicies, type PolicySummary } from '../../api/policies.ts';
import { showsCodeHints } from '../../app/access.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { CodeHint } from '../../components/CodeHint.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { jiangsuRegionName } from '../../utils/jiangsuRegions.ts';

/** 政策目录 (/policies): name, 文号, region scope, validity and the version in force, each opening its detail. */
export default function PolicyCataloguePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const catalogue = useRemoteData(listPolicies, 'catalogue');
  const showsCodes = showsCodeHints(useCurrentUser());

  const columns: TableProps<PolicySummary>['columns'] = [
    {
      title: t('policy.name'),
      dataIndex: 'name',
      render: (name: string, policy) => (
        <>
          <Link to={`/policies/${policy.code}`}>{name}</Link>
          {showsCodes && (
            <>
              <br />
              <CodeHint>{policy.code}</CodeHint>
            </>
          )}
        </>
      ),
    },
    { title: t('policy.citation'), dataIndex: 'citation', width: 320 },
    { title: t('policy.subject'), dataIndex: 'subject', width: 260 },
    { title: t('policy.scope'), dataIndex: 'scope', render: (scope: string[]) => scope.map((code) => <Tag key={code}>{jiangsuRegionName(code)}</Tag>) },
    { title: t('policy.validity'), dataIndex: 'valid', render: (valid: PolicySummary['valid']) => `${valid.from} ${t('policy.to')} ${valid.to ?? t('policy.open')}` },
    { title: t('policy.version'), dataIndex: 'version', render: (version: string, policy) => <Tag color="blue">{t('policy.versionLabel', { version, no: policy.version_no })}</Tag> },
    { title: t('policy.updatedAt'), dataIndex: 'updated_at', render: (at: string) => formatDateTime(at) },
  ];

  return (
    <Card title={t('policy.catalogueTitle')}>
      <LoadError error={catalogue.error} />
      <Table<PolicySummary>
        rowKey="code"
        columns={columns}
        dataSource={catalogue.data?.items}
        loading={catalogue.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(policy) => ({
          style: { cursor: 'pointer' },
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) navigate(`/policies/${policy.code}`);
          },
        })}
      />
    </Card>
  );
}
