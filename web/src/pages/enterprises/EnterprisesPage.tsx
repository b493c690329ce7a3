import { App, Card, Table, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  exportEnterprises,
  listEnterprises,
  type EnterpriseListItem,
  type RegisterQuery,
  type Validity,
} from '../../api/enterprises.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';
import { formatDate } from '../../utils/format.ts';
import { NoAssignedEnterprises } from '../keyEnterprises/NoAssignedEnterprises.tsx';
import { EnterpriseProfile } from './EnterpriseDetailPage.tsx';
import { EnterpriseFilters, toRegisterFilter, type FilterValues } from './EnterpriseFilters.tsx';
import { SizeText, TierTag, ValidityTag } from './enterpriseTags.tsx';

const FIRST_PAGE: RegisterQuery = { page: 1, pageSize: 20 };

// The last filter of this tab's user, so that Back from a detail page shows the same list.
let remembered: { userId: number; values: FilterValues; query: RegisterQuery } | undefined;

/**
 * 企业培育库: the register in the caller's scope, filtered, paginated on the server, exported to
 * Excel. An enterprise's scope is its one record: it sees its own profile (本单位信息) instead.
 */
export default function EnterprisesPage() {
  const user = useCurrentUser();
  if (user.role === 'enterprise' && user.uscc) return <EnterpriseProfile uscc={user.uscc} isOwn />;
  return <Register />;
}

function Register() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const start = remembered?.userId === user.id ? remembered : { values: {}, query: FIRST_PAGE };
  const [values, setValues] = useState<FilterValues>(start.values);
  const [query, setQuery] = useState<RegisterQuery>(start.query);
  const [isExporting, setIsExporting] = useState(false);
  const list = useRemoteData(() => listEnterprises(query), JSON.stringify(query));
  useEffect(() => {
    remembered = { userId: user.id, values, query };
  }, [user.id, values, query]);

  async function exportList() {
    setIsExporting(true);
    try {
      const { page: _page, pageSize: _pageSize, ...filter } = query;
      const { blob, fileName } = await exportEnterprises(filter);
      saveBlob(blob, fileName);
      message.success(t('common.exported', { fileName }));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsExporting(false);
    }
  }

  const columns: TableProps<EnterpriseListItem>['columns'] = [
    {
      title: t('enterprises.name'),
      dataIndex: 'name',
      render: (name: string, enterprise) => (
        <>
          <Link to={`/enterprises/${enterprise.uscc}`}>{name}</Link>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {enterprise.uscc}
          </Typography.Text>
        </>
      ),
    },
    { title: t('enterprises.tier'), dataIndex: 'tier', render: (_, enterprise) => <TierTag tier={enterprise.tier} /> },
    {
      title: t('enterprises.location'),
      key: 'location',
      render: (_, enterprise) =>
        [enterprise.cityName, enterprise.regionName].filter(Boolean).join(' · ') || enterprise.regionCode,
    },
    {
      title: t('enterprises.industry'),
      dataIndex: 'industryName',
      ellipsis: true,
      width: 220,
      render: (name: string | null, enterprise) =>
        name ? `${enterprise.industryCode} ${name}` : (enterprise.industryCode ?? t('common.none')),
    },
    { title: t('enterprises.size'), dataIndex: 'size', render: (_, enterprise) => <SizeText size={enterprise.size} /> },
    { title: t('enterprises.validUntil'), dataIndex: 'validUntil', render: (date: string) => formatDate(date) },
    {
      title: t('enterprises.validity'),
      dataIndex: 'validity',
      render: (validity: Validity) => <ValidityTag validity={validity} />,
    },
  ];

  return (
    <Card title={t('enterprises.title')}>
      <EnterpriseFilters
        initialValues={values}
        isExporting={isExporting}
        onExport={() => void exportList()}
        onChange={(next) => {
          setValues(next);
          setQuery((current) => ({ ...toRegisterFilter(next), page: 1, pageSize: current.pageSize }));
        }}
      />
      <LoadError error={list.error} />
      {user.role === 'commissioner' &&
        list.data?.total === 0 &&
        Object.values(toRegisterFilter(values)).every((value) => value === undefined) && <NoAssignedEnterprises />}
      <Table<EnterpriseListItem>
        rowKey="uscc"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('enterprises.empty') }}
        onRow={(enterprise) => ({
          style: { cursor: 'pointer' },
          // The name is a real link (keyboard, new tab); the rest of the row is a shortcut to it.
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) navigate(`/enterprises/${enterprise.uscc}`);
          },
        })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination) =>
          setQuery((current) => ({ ...current, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 }))
        }
      />
    </Card>
  );
}
