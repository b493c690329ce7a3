import { Alert, App, Button, Card, Form, Input, Modal, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listRoster, updateCommissionerProfile, type RosterEntry } from '../../api/governance.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { AccountName } from '../../components/CodeHint.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

/**
 * 服务专员队伍: the commissioner accounts of the region (the province sees all) with their unit,
 * masked phone, assigned key enterprises and open requests; a city records unit and phone. The
 * key enterprises still without a commissioner are flagged with a link to them.
 */
export default function CommissionersPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isKeeper = user.role === 'city_hrss';
  const roster = useRemoteData(() => listRoster(), 'roster');
  const [editing, setEditing] = useState<RosterEntry>();
  const [form] = Form.useForm<{ unit: string; phone: string }>();

  async function save() {
    if (!editing) return;
    const values = await form.validateFields();
    try {
      await updateCommissionerProfile(editing.id, {
        unit: values.unit?.trim() || null,
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      });
      message.success(t('common.saved'));
      setEditing(undefined);
      roster.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: TableProps<RosterEntry>['columns'] = [
    { title: t('governance.commissioner'), dataIndex: 'displayName' },
    { title: t('users.username'), dataIndex: 'username', render: (name: string) => <AccountName name={name} /> },
    { title: t('users.region'), dataIndex: 'regionName', render: (name: string | null, r) => name ?? r.regionCode },
    { title: t('governance.unit'), dataIndex: 'unit', render: (unit: string | null) => unit ?? t('common.none') },
    { title: t('governance.phone'), dataIndex: 'phoneMasked', render: (p: string | null) => p ?? t('common.none') },
    { title: t('governance.assignedCount'), dataIndex: 'assignedCount' },
    { title: t('governance.openRequests'), dataIndex: 'openRequests' },
    ...(isKeeper
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, entry: RosterEntry) => (
              <Button
                type="link"
                size="small"
                onClick={() => {
                  form.setFieldsValue({ unit: entry.unit ?? '', phone: '' });
                  setEditing(entry);
                }}
              >
                {t('governance.editProfile')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const missing = roster.data?.keyEnterprisesWithoutCommissioner ?? 0;
  return (
    <Card title={t('governance.rosterTitle')}>
      <LoadError error={roster.error} />
      {missing > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="unassigned-key-enterprises"
          title={t('governance.unassignedWarning', { count: missing })}
          action={<Link to="/key-enterprises?withoutCommissioner=1">{t('governance.viewUnassigned')}</Link>}
        />
      )}
      <Table<RosterEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={roster.data?.items}
        loading={roster.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={editing !== undefined}
        title={t('governance.editProfileOf', { name: editing?.displayName ?? '' })}
        onCancel={() => setEditing(undefined)}
        onOk={() => void save()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="unit" label={t('governance.unit')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="phone" label={t('governance.phone')} extra={t('governance.phoneHint')}>
            <Input maxLength={20} placeholder={editing?.phoneMasked ?? ''} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
