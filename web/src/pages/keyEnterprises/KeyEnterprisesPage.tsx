import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Popconfirm, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  listKeyEnterprises,
  removeKeyEnterprise,
  type KeyEnterprise,
  type KeyEnterpriseQuery,
} from '../../api/keyEnterprises.ts';
import { scopeKindOf } from '../../app/access.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { listKeeperOptions, useRegions } from '../../components/referenceOptions.ts';
import { pageControls } from '../../components/pageControls.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { TierTag } from '../enterprises/enterpriseTags.tsx';
import { commissionersOf } from './CommissionerPicker.tsx';
import { NoAssignedEnterprises } from './NoAssignedEnterprises.tsx';
import { AddKeyEnterpriseModal, AssignCommissionerModal } from './KeyEnterpriseModals.tsx';

/**
 * 重点企业清单: the key-enterprise lists with their commissioners. The province reads every
 * list, a commissioner their own entries; a city or county bureau keeps its own list (add,
 * assign a commissioner, remove — the server allows this to city_hrss only).
 */
export default function KeyEnterprisesPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const isKeeper = user.role === 'city_hrss';
  const regions = useRegions();
  const [params] = useSearchParams();
  const [query, setQuery] = useState<KeyEnterpriseQuery>({
    page: 1,
    pageSize: 20,
    ...(params.get('withoutCommissioner') ? { withoutCommissioner: true } : {}),
  });
  const [isAdding, setIsAdding] = useState(false);
  const [assigning, setAssigning] = useState<KeyEnterprise>();
  const list = useRemoteData(() => listKeyEnterprises(query), JSON.stringify(query));
  const known = useMemo(() => commissionersOf(list.data?.items), [list.data]);

  async function remove(entry: KeyEnterprise) {
    try {
      await removeKeyEnterprise(entry.uscc);
      message.success(t('keyEnterprises.removed', { name: entry.name }));
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: TableProps<KeyEnterprise>['columns'] = [
    {
      title: t('enterprises.name'),
      dataIndex: 'name',
      render: (name: string, entry) => <Link to={`/enterprises/${entry.uscc}`}>{name}</Link>,
    },
    { title: t('enterprises.uscc'), dataIndex: 'uscc', render: (uscc: string) => <code>{uscc}</code> },
    { title: t('enterprises.tier'), dataIndex: 'tier', render: (_, entry) => <TierTag tier={entry.tier} /> },
    {
      title: t('keyEnterprises.listRegion'),
      dataIndex: 'listRegionName',
      render: (name: string | null, entry) => name ?? entry.listRegionCode,
    },
    {
      title: t('keyEnterprises.commissioner'),
      dataIndex: 'commissionerName',
      render: (name: string | null) =>
        name ?? (
          <Tag color="red" data-testid="no-commissioner">
            {t('governance.unassignedTag')}
          </Tag>
        ),
    },
    { title: t('keyEnterprises.note'), dataIndex: 'note', render: (note: string | null) => note ?? t('common.none') },
    { title: t('keyEnterprises.addedAt'), dataIndex: 'addedAt', render: (at: string) => formatDateTime(at) },
    ...(isKeeper
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, entry: KeyEnterprise) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setAssigning(entry)}>
                  {t('keyEnterprises.assign')}
                </Button>
                <Popconfirm
                  title={t('keyEnterprises.removeConfirm', { name: entry.name })}
                  onConfirm={() => remove(entry)}
                >
                  <Button type="link" danger size="small">
                    {t('keyEnterprises.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('keyEnterprises.title')}
      extra={
        isKeeper && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)}>
            {t('keyEnterprises.add')}
          </Button>
        )
      }
    >
      {scopeKindOf(user.role) !== 'assigned' && (
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item>
            <Checkbox
              checked={query.withoutCommissioner === true}
              onChange={(e) =>
                setQuery((current) => ({ ...current, withoutCommissioner: e.target.checked || undefined, page: 1 }))
              }
            >
              {t('governance.onlyUnassigned')}
            </Checkbox>
          </Form.Item>
          {scopeKindOf(user.role) === 'province' && (
            <Form.Item label={t('keyEnterprises.regionFilter')} htmlFor="key-enterprise-region">
              <Select
                id="key-enterprise-region"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('common.all')}
                style={{ width: 200 }}
                options={listKeeperOptions(regions)}
                value={query.region}
                onChange={(region?: string) => setQuery((current) => ({ ...current, region, page: 1 }))}
              />
            </Form.Item>
          )}
        </Form>
      )}
      <LoadError error={list.error} />
      {user.role === 'commissioner' && list.data?.total === 0 && <NoAssignedEnterprises />}
      <Table<KeyEnterprise>
        rowKey="uscc"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        scroll={{ x: 'max-content' }}
        {...pageControls(query, list.data?.total, setQuery, t)}
      />
      {isKeeper && (
        <>
          <AddKeyEnterpriseModal
            isOpen={isAdding}
            known={known}
            onClose={() => setIsAdding(false)}
            onAdded={(entry) => {
              setIsAdding(false);
              message.success(t('keyEnterprises.added', { name: entry.name }));
              list.reload();
            }}
          />
          <AssignCommissionerModal
            entry={assigning}
            known={known}
            onClose={() => setAssigning(undefined)}
            onAssigned={() => {
              setAssigning(undefined);
              message.success(t('keyEnterprises.assigned'));
              list.reload();
            }}
          />
        </>
      )}
    </Card>
  );
}
