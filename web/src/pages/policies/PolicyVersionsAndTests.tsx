import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { runPolicyTests, type PolicyDetail, type PolicyVersion, type TestRun } from '../../api/policies.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime, formatFen } from '../../utils/format.ts';
import { OutcomeTag } from './PolicyResult.tsx';

/** 版本历史: every version with who made it, when and why, and the changed values. */
export function PolicyVersions({ policy }: { policy: PolicyDetail }) {
  const { t } = useI18n();
  const columns: TableProps<PolicyVersion>['columns'] = [
    { title: t('policy.version'), dataIndex: 'version', render: (version: string, row) => <Tag color={row.version_no === policy.version_no ? 'blue' : undefined}>{t('policy.versionLabel', { version, no: row.version_no })}</Tag> },
    { title: t('policy.versionSource'), dataIndex: 'source', render: (source: string) => (source === 'edit' ? t('policy.versionSource.edit') : t('policy.versionSource.file')) },
    { title: t('policy.createdAt'), dataIndex: 'created_at', render: (at: string) => formatDateTime(at) },
    { title: t('policy.createdBy'), dataIndex: 'created_by', render: (by: string | null) => by ?? t('common.none') },
    { title: t('policy.edit.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? t('common.none') },
    {
      title: t('policy.changes'),
      dataIndex: 'changes',
      render: (changes: PolicyVersion['changes']) =>
        changes?.map((change) => `${change.parameter} ${change.region} ${change.from}${change.to ? `–${change.to}` : ''}：${JSON.stringify(change.value)}`).join('；') ?? t('common.none'),
    },
  ];
  return <Table<PolicyVersion> rowKey="version_no" size="small" columns={columns} dataSource={policy.versions} pagination={false} scroll={{ x: 'max-content' }} data-testid="policy-versions" />;
}

/** 运行测试用例: the policy's YAML cases against a version, each passed or with its differences. */
export function PolicyTests({ policy }: { policy: PolicyDetail }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [versionNo, setVersionNo] = useState(policy.version_no);
  const [run, setRun] = useState<TestRun>();
  const [isRunning, setIsRunning] = useState(false);

  async function start() {
    setIsRunning(true);
    try {
      setRun(await runPolicyTests(policy.code, versionNo));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsRunning(false);
    }
  }

  const columns: TableProps<TestRun['cases'][number]>['columns'] = [
    { title: t('policy.tests.case'), dataIndex: 'name' },
    { title: t('policy.tests.result'), dataIndex: 'passed', render: (passed: boolean) => (passed ? <Tag color="green">{t('policy.tests.passed')}</Tag> : <Tag color="red">{t('policy.tests.failed')}</Tag>) },
    { title: t('policy.outcome'), dataIndex: 'outcome', render: (outcome: TestRun['cases'][number]['outcome']) => (outcome ? <OutcomeTag outcome={outcome} /> : t('common.none')) },
    { title: t('policy.amountYuan'), dataIndex: 'amount_fen', align: 'right', render: (fen: number | null) => formatFen(fen) },
    { title: t('policy.tests.differences'), dataIndex: 'differences', render: (differences: unknown[]) => (differences.length > 0 ? differences.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join('；') : t('common.none')) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('policy.tests.version')}</Typography.Text>
        <Select
          aria-label={t('policy.tests.version')}
          value={versionNo}
          style={{ width: 200 }}
          options={policy.versions.map((version) => ({ value: version.version_no, label: t('policy.versionLabel', { version: version.version, no: version.version_no }) }))}
          onChange={setVersionNo}
        />
        <Button type="primary" icon={<ExperimentOutlined />} loading={isRunning} onClick={() => void start()}>
          {t('policy.tests.run')}
        </Button>
      </Space>
      {run && (
        <>
          <Alert
            type={run.failed === 0 ? 'success' : 'error'}
            showIcon
            data-testid="policy-test-summary"
            title={t('policy.tests.summary', { version: run.version, passed: run.passed, failed: run.failed })}
          />
          <Table rowKey="name" size="small" columns={columns} dataSource={run.cases} pagination={false} scroll={{ x: 'max-content' }} />
        </>
      )}
    </Space>
  );
}
