import { AccountName } from '../../components/CodeHint.tsx';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography, type TableProps } from 'antd';
import { listAverageWages, setAverageWage, type AverageWage } from '../../api/labour.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime, formatYuan } from '../../utils/format.ts';
import { JIANGSU_REGIONS } from '../../utils/jiangsuRegions.ts';

interface LoadValues {
  region: string;
  year: number;
  monthlyWage: string;
  source: string;
}

/** 各地区职工月平均工资: the loaded figures with their sources; the province and a city load them. */
export function AverageWagesCard() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const wages = useRemoteData(listAverageWages, 'average-wages');
  const canLoad = user.role === 'province_hrss' || user.role === 'city_hrss';
  const regions =
    user.role === 'province_hrss' ? JIANGSU_REGIONS : JIANGSU_REGIONS.filter((r) => r.code === user.regionCode);

  function load(values: LoadValues) {
    setAverageWage(values.region, values.year, { monthlyWage: values.monthlyWage.trim(), source: values.source })
      .then(() => {
        void message.success(t('labour.averageWages.loaded'));
        wages.reload();
      })
      .catch((error: unknown) => void message.error(errorText(error)));
  }

  const columns: TableProps<AverageWage>['columns'] = [
    { title: t('labour.averageWages.region'), dataIndex: 'regionName' },
    { title: t('labour.averageWages.year'), dataIndex: 'year' },
    { title: t('labour.averageWages.monthly'), dataIndex: 'monthlyWageFen', render: (fen: number) => formatYuan(fen) },
    { title: t('labour.averageWages.source'), dataIndex: 'source', width: 320 },
    {
      title: t('labour.averageWages.loadedBy'),
      dataIndex: 'loadedBy',
      render: (by: string | null, row) => (
        <>
          {by ? <AccountName name={by} /> : '—'} {formatDateTime(row.loadedAt)}
        </>
      ),
    },
  ];

  return (
    <Card title={t('labour.averageWages.title')}>
      <Typography.Paragraph type="secondary">{t('labour.averageWages.hint')}</Typography.Paragraph>
      {wages.error !== undefined ? (
        <LoadError error={wages.error} />
      ) : (
        <Table<AverageWage>
          rowKey={(row) => `${row.regionCode}:${row.year}`}
          size="small"
          loading={wages.isLoading}
          columns={columns}
          dataSource={wages.data ?? []}
          pagination={false}
        />
      )}
      {canLoad && (
        <Form<LoadValues> name="averageWage" layout="inline" onFinish={load} style={{ marginTop: 16, rowGap: 12 }}>
          <Form.Item name="region" label={t('labour.averageWages.region')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={regions.map((r) => ({ value: r.code, label: r.name }))} />
          </Form.Item>
          <Form.Item name="year" label={t('labour.averageWages.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item
            name="monthlyWage"
            label={t('labour.averageWages.monthly')}
            rules={[{ required: true, pattern: /^\d{1,7}(\.\d{1,2})?$/ }]}
          >
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="source" label={t('labour.averageWages.source')} rules={[{ required: true, min: 4 }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Space>
            <Button htmlType="submit">{t('labour.averageWages.load')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
