import { DatePicker, Empty, Form, Table, Typography, type DatePickerProps, type TableProps } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { PageQuery } from '../../api/types.ts';
import { listEmployees, type Employee } from '../../api/workforce.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { isMessageKey, useI18n, type Translate } from '../../locales/i18n.tsx';
import { formatFen } from '../../utils/format.ts';
import { formatPeriod } from '../../utils/period.ts';

type MonthValue = Exclude<DatePickerProps['value'], unknown[]>;

function label(t: Translate, key: string, fallback: string | number | null): string {
  if (fallback === null) return t('common.none');
  return isMessageKey(key) ? t(key) : String(fallback);
}

function employeeColumns(t: Translate): TableProps<Employee>['columns'] {
  return [
    { title: t('employees.name'), dataIndex: 'name' },
    { title: t('employees.idNumber'), dataIndex: 'id_number', render: (id: string) => <code>{id}</code> },
    { title: t('employees.phone'), dataIndex: 'phone', render: (phone: string | null) => phone ?? t('common.none') },
    {
      title: t('employees.spell'),
      key: 'spell',
      render: (_, employee) => `${formatPeriod(employee.first_period)} – ${formatPeriod(employee.last_period)}`,
    },
    // The API gives yuan; shown through the fen formatter so that money always reads alike.
    {
      title: t('employees.base'),
      dataIndex: 'base',
      align: 'right',
      render: (base: number) => formatFen(Math.round(base * 100)),
    },
    {
      title: t('employees.degree'),
      dataIndex: 'graduate_degree',
      render: (degree: string | null) => label(t, `degree.${degree}`, degree),
    },
    {
      title: t('employees.skill'),
      dataIndex: 'skill_level',
      render: (level: number | null) => label(t, `skill.${level}`, level),
    },
    {
      title: t('employees.title'),
      dataIndex: 'title_level',
      render: (level: string | null) => label(t, `titleLevel.${level}`, level),
    },
  ];
}

/**
 * 参保人员: the persons insured at the enterprise in a month (ID numbers masked by the server).
 * Until the workforce service is deployed the endpoint answers 404; that is an empty state.
 */
export function EmployeesTab({ uscc }: { uscc: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<MonthValue>(null);
  const [paging, setPaging] = useState<Required<PageQuery>>({ page: 1, pageSize: 20 });
  const periodText = period?.format('YYYYMM');
  const query = { ...paging, period: periodText };
  const employees = useRemoteData(() => listEmployees(uscc, query), `${uscc}:${JSON.stringify(query)}`);
  const isNotAvailable = isApiError(employees.error) && employees.error.status === 404;

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('employees.period')} htmlFor="employees-period" extra={t('employees.periodHint')}>
          <DatePicker
            id="employees-period"
            picker="month"
            format="YYYYMM"
            value={period}
            onChange={(value: MonthValue) => {
              setPeriod(value);
              setPaging((current) => ({ ...current, page: 1 }));
            }}
          />
        </Form.Item>
        {employees.data?.period && (
          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
            {t('employees.shownPeriod', { period: formatPeriod(employees.data.period) })}
          </Typography.Text>
        )}
      </Form>
      {isNotAvailable ? (
        <Empty description={t('employees.notAvailable')} />
      ) : (
        <>
          <LoadError error={employees.error} />
          <Table<Employee>
            rowKey={(employee) => `${employee.id_number}-${employee.first_period}`}
            size="middle"
            columns={employeeColumns(t)}
            dataSource={employees.data?.items}
            loading={employees.isLoading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('employees.noRoster')} /> }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: employees.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination) => setPaging({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })}
          />
        </>
      )}
    </>
  );
}
