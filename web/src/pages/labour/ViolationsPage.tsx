import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useRef, useState } from 'react';
import {
  exportViolations,
  getLenientList,
  listViolations,
  recordViolation,
  type Violation,
  type ViolationQuery,
} from '../../api/labour.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';

/**
 * 柔性执法 (/labour/violations): inspectors record a violation and see the outcome decided by the
 * minor-violation list and the enterprise's record; an enterprise sees its own record here (我的执法记录).
 */
export default function ViolationsPage() {
  const user = useCurrentUser();
  const isEnterprise = user.role === 'enterprise';
  // Inspectors sit in the HRSS offices; a commissioner reads the records of the region.
  const canRecord = user.role === 'province_hrss' || user.role === 'city_hrss';
  const [query, setQuery] = useState<ViolationQuery>({ page: 1, pageSize: 20 });
  const [version, setVersion] = useState(0);
  const violations = useRemoteData(() => listViolations(query), `${JSON.stringify(query)}:${version}`);
  const { page: _page, pageSize: _pageSize, ...filters } = query;

  const columns: TableProps<Violation>['columns'] = [
    ...(isEnterprise
      ? []
      : [
          { title: '企业', dataIndex: 'enterpriseName' },
          { title: '地区', dataIndex: 'regionName' },
        ]),
    { title: '发现日期', dataIndex: 'foundOn' },
    { title: '违法事实', dataIndex: 'description' },
    {
      title: '免罚清单条目',
      key: 'item',
      render: (_, v) => (v.itemCode ? `${v.itemCode} ${v.itemTitle ?? ''}` : '不在清单内'),
    },
    {
      title: '处理结果',
      dataIndex: 'outcomeLabel',
      render: (label: string, v) => <Tag color={v.outcome === 'reminder' ? 'green' : 'orange'}>{label}</Tag>,
    },
    { title: '依据和理由', dataIndex: 'reason', width: 360 },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {canRecord && <RecordViolationCard onDone={() => setVersion((v) => v + 1)} />}
      <Card
        title={isEnterprise ? '本企业的执法记录' : '执法记录'}
        extra={<ExportButton download={() => exportViolations(filters)} testId="violations-export" />}
      >
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label="处理结果" htmlFor="violation-outcome">
            <Select
              id="violation-outcome"
              allowClear
              placeholder="全部"
              style={{ width: 180 }}
              value={query.outcome}
              options={[
                { value: 'reminder', label: '提示提醒，免予处罚' },
                { value: 'normal', label: '按一般程序处理' },
              ]}
              onChange={(outcome) => setQuery((q) => ({ ...q, outcome, page: 1 }))}
            />
          </Form.Item>
        </Form>
        <LoadError error={violations.error} />
        <div data-testid="violations-list">
          <Table<Violation>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={violations.data?.items}
            loading={violations.isLoading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无执法记录' }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: violations.data?.total ?? 0,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
            }}
          />
        </div>
      </Card>
    </Space>
  );
}

interface ViolationValues {
  uscc: string;
  itemCode?: string;
  description: string;
  foundOn: { format(pattern: string): string };
}

function RecordViolationCard({ onDone }: { onDone: () => void }) {
  const list = useRemoteData(() => getLenientList(), 'lenient-list');
  const [form] = Form.useForm<ViolationValues>();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [last, setLast] = useState<Violation>();
  // One violation per submission: Enter in a field and a click on 登记 must not record it twice
  // (the second would count the first and no longer be a first violation).
  const saving = useRef(false);
  const [isSaving, setSaving] = useState(false);

  async function save(values: ViolationValues) {
    if (saving.current) return;
    saving.current = true;
    setSaving(true);
    try {
      const violation = await recordViolation({
        uscc: values.uscc.trim().toUpperCase(),
        itemCode: values.itemCode ?? null,
        description: values.description,
        foundOn: values.foundOn.format('YYYY-MM-DD'),
      });
      setLast(violation);
      void message.success(`已登记：${violation.outcomeLabel}`);
      form.resetFields();
      onDone();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      saving.current = false;
      setSaving(false);
    }
  }

  return (
    <Card title="登记违法行为" size="small">
      {list.data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {list.data.title}（{list.data.version}）。来源：{list.data.source}
        </Typography.Paragraph>
      )}
      <Form<ViolationValues>
        form={form}
        layout="vertical"
        name="violation"
        onFinish={(v) => void save(v)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item label="企业统一社会信用代码" name="uscc" rules={[{ required: true, len: 18 }]}>
          <Input data-testid="violation-uscc" />
        </Form.Item>
        <Form.Item label="免罚清单条目（不在清单内的留空）" name="itemCode">
          <Select
            allowClear
            data-testid="violation-item"
            options={(list.data?.items ?? []).map((i) => ({
              value: i.code,
              label: `${i.code} ${i.title}（${i.basis}）${i.confirmed ? '' : '【待核】'}`,
            }))}
          />
        </Form.Item>
        <Form.Item label="违法事实" name="description" rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={2} data-testid="violation-description" />
        </Form.Item>
        <Form.Item label="发现日期" name="foundOn" rules={[{ required: true }]}>
          <DatePicker format="YYYY-MM-DD" data-testid="violation-found" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="violation-save">
          登记
        </Button>
      </Form>
      {last && (
        <Typography.Paragraph style={{ marginTop: 12 }} data-testid="violation-result">
          <Tag color={last.outcome === 'reminder' ? 'green' : 'orange'}>{last.outcomeLabel}</Tag>
          {last.reason}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
