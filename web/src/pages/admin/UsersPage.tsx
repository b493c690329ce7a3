import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { ROLES, type Role } from '../../api/types.ts';
import { listUsers, setUserActive, type UserAccount, type UserListQuery } from '../../api/users.ts';
import { AccountName } from '../../components/CodeHint.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { pageControls } from '../../components/pageControls.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { ResetCredentialsButtons } from './ResetCredentialsButtons.tsx';
import { TotpSecretModal } from './TotpSecretModal.tsx';

// Roles that sign in with a TOTP code (the server's ROLE_DEFINITIONS.requiresTotp).
const TOTP_ROLES: readonly Role[] = ['province_hrss', 'province_miit', 'sysadmin', 'secadmin', 'auditor'];

/** 账号管理 (sysadmin): list, filter, create, enable and disable accounts, reset passwords and TOTP secrets. */
export default function UsersPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [query, setQuery] = useState<UserListQuery>({ page: 1, pageSize: 20 });
  const [isCreating, setIsCreating] = useState(false);
  const [newSecret, setNewSecret] = useState<{ username: string; secret: string }>();
  const users = useRemoteData(() => listUsers(query), JSON.stringify(query));

  async function toggleActive(user: UserAccount) {
    try {
      await setUserActive(user.id, !user.isActive);
      message.success(t('common.saved'));
      users.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: TableProps<UserAccount>['columns'] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      // A job seeker's username is a digest of their phone or e-mail: the masked contact is shown.
      render: (username: string, user) =>
        user.role === 'job_seeker' ? (
          <span data-testid="seeker-login-name">{user.loginName}</span>
        ) : (
          <AccountName name={username} />
        ),
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (role: Role) => <Tag>{t(`role.${role}`)}</Tag> },
    { title: t('users.region'), dataIndex: 'regionName', render: (name: string | null) => name ?? t('common.none') },
    { title: t('users.uscc'), dataIndex: 'uscc', render: (uscc: string | null) => uscc ?? t('common.none') },
    { title: t('users.phone'), dataIndex: 'phone', render: (phone: string | null) => phone ?? t('common.none') },
    {
      title: t('users.status'),
      dataIndex: 'isActive',
      render: (isActive: boolean) => (
        <Tag color={isActive ? 'green' : 'default'}>{isActive ? t('users.active') : t('users.inactive')}</Tag>
      ),
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          {user.isActive ? (
            <Popconfirm
              title={t('users.disableConfirm', { username: user.loginName })}
              onConfirm={() => toggleActive(user)}
            >
              <Button type="link" danger size="small">
                {t('users.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => void toggleActive(user)}>
              {t('users.enable')}
            </Button>
          )}
          <ResetCredentialsButtons user={user} hasTotp={TOTP_ROLES.includes(user.role)} />
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.searchPlaceholder')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          onSearch={(q) => setQuery((current) => ({ ...current, q: q.trim() || undefined, page: 1 }))}
          style={{ width: 280 }}
        />
        <Select<Role>
          aria-label={t('users.filterRole')}
          placeholder={t('users.filterRole')}
          allowClear
          style={{ width: 180 }}
          // Every role in one list: ten fit without scrolling, and a virtual list would hide the last two.
          virtual={false}
          listHeight={330}
          options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          onChange={(role) => setQuery((current) => ({ ...current, role, page: 1 }))}
        />
      </Space>
      <LoadError error={users.error} />
      <Table<UserAccount>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isLoading}
        scroll={{ x: 'max-content' }}
        {...pageControls(query, users.data?.total, setQuery, t)}
      />
      <CreateUserModal
        isOpen={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(user, totpSecret) => {
          setIsCreating(false);
          message.success(t('users.created', { username: user.username }));
          if (totpSecret) setNewSecret({ username: user.username, secret: totpSecret });
          users.reload();
        }}
      />
      {newSecret && (
        <TotpSecretModal
          username={newSecret.username}
          secret={newSecret.secret}
          onClose={() => setNewSecret(undefined)}
        />
      )}
    </Card>
  );
}
