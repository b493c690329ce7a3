import { App, Button, Card, Form, Input, Popconfirm, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import {
  clearLockout,
  listLockouts,
  listSecuritySettings,
  resetPassword,
  type Lockout,
  type SecuritySetting,
} from '../../api/security.ts';
import { TemporaryPasswordModal } from '../admin/ResetCredentialsButtons.tsx';
import { AccountName, NameWithCode } from '../../components/CodeHint.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { settingName } from '../../locales/codeNames.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';

function LockoutsCard() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const lockouts = useRemoteData(listLockouts, 'lockouts');

  async function clear(username: string) {
    try {
      await clearLockout(username);
      message.success(t('security.cleared', { username }));
      lockouts.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: TableProps<Lockout>['columns'] = [
    {
      title: t('security.username'),
      dataIndex: 'username',
      render: (username: string) => <AccountName name={username} />,
    },
    { title: t('security.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? t('security.allSources') },
    { title: t('security.failures'), dataIndex: 'failures' },
    { title: t('security.lockedUntil'), dataIndex: 'lockedUntil', render: (at: string) => formatDateTime(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, lockout) => (
        <Popconfirm
          title={t('security.clearConfirm', { username: lockout.username })}
          onConfirm={() => clear(lockout.username)}
        >
          <Button type="link" size="small">
            {t('security.clear')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={t('security.lockouts')} extra={<Button onClick={lockouts.reload}>{t('common.refresh')}</Button>}>
      <LoadError error={lockouts.error} />
      <Table<Lockout>
        rowKey={(lockout) => `${lockout.username}@${lockout.ip ?? ''}`}
        size="middle"
        columns={columns}
        dataSource={lockouts.data?.items}
        loading={lockouts.isLoading}
        pagination={false}
        locale={{ emptyText: t('security.noLockouts') }}
      />
    </Card>
  );
}

/** Resets a password after the holder is verified: a one-time password, changed at next login. */
function ResetPasswordCard() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string }>();
  const [result, setResult] = useState<{ username: string; password: string }>();

  async function reset(username: string) {
    try {
      const { temporaryPassword } = await resetPassword(username);
      if (temporaryPassword) setResult({ username, password: temporaryPassword });
      form.resetFields();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  return (
    <Card title={t('security.resetTitle')}>
      <Typography.Paragraph type="secondary">{t('security.resetHint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={({ username }) => void reset(username.trim())}>
        <Form.Item
          name="username"
          label={t('security.resetUsername')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input style={{ width: 220 }} autoComplete="off" />
        </Form.Item>
        <Form.Item shouldUpdate>
          {() => (
            <Popconfirm
              title={t('security.resetConfirm', { username: String(form.getFieldValue('username') ?? '') })}
              onConfirm={() => form.submit()}
            >
              <Button type="primary" danger>
                {t('security.resetSubmit')}
              </Button>
            </Popconfirm>
          )}
        </Form.Item>
      </Form>
      {result && (
        <TemporaryPasswordModal
          username={result.username}
          password={result.password}
          onClose={() => setResult(undefined)}
        />
      )}
    </Card>
  );
}

function SettingsCard() {
  const { t } = useI18n();
  const settings = useRemoteData(listSecuritySettings, 'settings');
  const columns: TableProps<SecuritySetting>['columns'] = [
    {
      title: t('security.key'),
      dataIndex: 'key',
      render: (key: string) => <NameWithCode name={settingName(t, key)} code={key} />,
    },
    { title: t('security.value'), dataIndex: 'value', render: (value: SecuritySetting['value']) => String(value) },
    { title: t('security.unit'), dataIndex: 'unit', render: (unit: string) => unit || t('common.none') },
    {
      title: t('security.source'),
      dataIndex: 'source',
      render: (source: string) => <Typography.Text>{source}</Typography.Text>,
    },
  ];
  return (
    <Card title={t('security.settings')}>
      <LoadError error={settings.error} />
      <Table<SecuritySetting>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={settings.data?.settings}
        loading={settings.isLoading}
        pagination={false}
      />
    </Card>
  );
}

/** 安全管理 (secadmin): clear login lockouts, reset passwords; see the security settings in force. */
export default function SecurityPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <LockoutsCard />
      <ResetPasswordCard />
      <SettingsCard />
    </Space>
  );
}
