import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Select, Space, Typography, Upload, type UploadProps } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listImportKinds, uploadImportFile } from '../../api/imports.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportRunPanel } from './ImportRunPanel.tsx';
import { ImportTemplate } from './ImportTemplate.tsx';
import { useImportRun } from './useImportRun.ts';

const ACCEPTED_FILE = /\.(csv|xlsx)$/i;

/**
 * 数据导入 (province roles): choose a kind, see its template, upload a .csv/.xlsx file, follow
 * the run to its summary and rejects file; below, the history of previous runs.
 */
export default function ImportsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const kinds = useRemoteData(listImportKinds, 'import-kinds');
  // A link may name the kind to start with (e.g. 支付指令 → /imports?kind=bank_results).
  const [searchParams] = useSearchParams();
  const [kindName, setKindName] = useState<string | undefined>(searchParams.get('kind') ?? undefined);
  const [isUploading, setIsUploading] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const { run, error: pollError, follow } = useImportRun();
  const kind = kinds.data?.items.find((candidate) => candidate.kind === kindName) ?? kinds.data?.items[0];

  // The history shows a run as soon as it starts and again once it has ended.
  const runState = run ? `${run.id}:${run.status}` : '';
  useEffect(() => {
    if (runState) setHistoryVersion((version) => version + 1);
  }, [runState]);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!kind || typeof file === 'string') return;
    const fileName = (file as File).name;
    setIsUploading(true);
    uploadImportFile(kind.kind, file, fileName)
      .then((started) => {
        follow(started);
        onSuccess?.(started);
      })
      .catch((error: unknown) => {
        message.error(errorText(error));
        onError?.(error as Error);
      })
      .finally(() => setIsUploading(false));
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (ACCEPTED_FILE.test(file.name)) return true;
    message.error(t('imports.wrongFileType'));
    return Upload.LIST_IGNORE;
  };

  const isRunning = run?.status === 'running' || run?.status === 'queued';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('imports.title')}>
        <LoadError error={kinds.error} />
        {kinds.data && kinds.data.items.length === 0 && <Alert type="info" showIcon title={t('imports.noKinds')} />}
        {kind && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Form layout="inline">
              <Form.Item label={t('imports.kind')} htmlFor="import-kind">
                <Select
                  id="import-kind"
                  style={{ width: 280 }}
                  value={kind.kind}
                  onChange={setKindName}
                  options={kinds.data?.items.map((candidate) => ({ value: candidate.kind, label: candidate.label }))}
                />
              </Form.Item>
            </Form>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('imports.template')}
            </Typography.Title>
            <ImportTemplate kind={kind} />
            <Space wrap>
              {/* filter 'native': a dropped Word file reaches beforeUpload, which says why it is refused (the default filter drops it silently). */}
              <Upload
                accept={{ format: '.csv,.xlsx', filter: 'native' }}
                maxCount={1}
                showUploadList={false}
                beforeUpload={beforeUpload}
                customRequest={customRequest}
                disabled={isRunning}
              >
                <Button type="primary" icon={<UploadOutlined />} loading={isUploading} disabled={isRunning}>
                  {t('imports.upload')}
                </Button>
              </Upload>
              <Typography.Text type="secondary">{t('imports.uploadHint')}</Typography.Text>
            </Space>
          </Space>
        )}
      </Card>
      {run && (
        <Card title={`${t('imports.current')} · ${run.kindLabel}`}>
          <ImportRunPanel run={run} error={pollError} />
        </Card>
      )}
      <Card title={t('imports.history')}>
        <ImportHistory version={historyVersion} />
      </Card>
    </Space>
  );
}
