import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  type TableProps,
} from 'antd';
import { App } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  DISPUTE_STAGE_LABELS,
  createDispute,
  exportDisputes,
  listDisputes,
  type DisputeQuery,
  type DisputeStage,
  type DisputeSummary,
} from '../../api/labour.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { formatYuan } from '../../utils/format.ts';
import { DisputeAlertsCard } from './DisputeAlertsCard.tsx';

interface NewDispute {
  uscc: string;
  kind: 'mediation' | 'arbitration';
  receivedOn: { format(pattern: string): string };
  workersCount: number;
  claims: string;
  claimedAmount: string;
  arrearsAmount?: string;
  parties: string;
}

/**
 * 劳动争议 (/labour/disputes): the open collective-dispute alerts, the cases of the caller's
 * regions by stage with their deadlines and fast track, the export, and recording a case.
 */
export default function DisputesPage() {
  const [params] = useSearchParams();
  const [query, setQuery] = useState<DisputeQuery>({
    page: 1,
    pageSize: 20,
    alerts: params.get('alerts') === '1' || undefined,
  });
  const disputes = useRemoteData(() => listDisputes(query), JSON.stringify(query));
  const [isCreating, setIsCreating] = useState(false);
  const { stage: _stage, page: _page, pageSize: _pageSize, ...filters } = query;

  const columns: TableProps<DisputeSummary>['columns'] = [
    {
      title: '案号',
      dataIndex: 'caseNo',
      fixed: 'left',
      render: (no: string, d) => <Link to={`/labour/disputes/${d.id}`}>{no}</Link>,
    },
    { title: '企业', dataIndex: 'enterpriseName' },
    { title: '地区', dataIndex: 'regionName' },
    { title: '方式', dataIndex: 'kindLabel' },
    {
      title: '阶段',
      dataIndex: 'stageLabel',
      render: (label: string, d) => <Tag color={d.stage === 'closed' ? 'default' : 'blue'}>{label}</Tag>,
    },
    { title: '受理日期', dataIndex: 'receivedOn' },
    {
      title: '期限',
      key: 'deadline',
      render: (_, d) => (
        <Space size={4} wrap>
          <span>{d.deadline}</span>
          {d.isFastTrack && <Tag color="green">快处 {d.fastTrackDue}</Tag>}
          {d.isOverdue && <Tag color="red">已超期</Tag>}
        </Space>
      ),
    },
    { title: '人数', dataIndex: 'workersCount' },
    { title: '请求金额', dataIndex: 'claimedFen', render: (fen: number) => formatYuan(fen) },
    {
      title: '预警',
      dataIndex: 'alertReason',
      render: (r: string | null) => (r ? <Tag color="red">集体争议</Tag> : null),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <DisputeAlertsCard />
      <Card
        title="劳动争议案件"
        extra={
          <Space>
            <ExportButton download={() => exportDisputes(filters)} testId="disputes-export" />
            <Button type="primary" onClick={() => setIsCreating(true)} data-testid="dispute-new">
              登记案件
            </Button>
          </Space>
        }
      >
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label="阶段" htmlFor="dispute-stage">
            <Select<DisputeStage>
              id="dispute-stage"
              allowClear
              placeholder="全部"
              style={{ width: 140 }}
              value={query.stage}
              options={Object.entries(DISPUTE_STAGE_LABELS).map(([value, label]) => ({
                value: value as DisputeStage,
                label,
              }))}
              onChange={(stage) => setQuery((q) => ({ ...q, stage, page: 1 }))}
            />
          </Form.Item>
          <Form.Item label="只看集体争议预警" htmlFor="dispute-alerts">
            <Select
              id="dispute-alerts"
              style={{ width: 100 }}
              value={query.alerts ? 'yes' : 'no'}
              options={[
                { value: 'no', label: '否' },
                { value: 'yes', label: '是' },
              ]}
              onChange={(v) => setQuery((q) => ({ ...q, alerts: v === 'yes' || undefined, page: 1 }))}
            />
          </Form.Item>
        </Form>
        <LoadError error={disputes.error} />
        <div data-testid="disputes-list">
          <Table<DisputeSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={disputes.data?.items}
            loading={disputes.isLoading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无案件' }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: disputes.data?.total ?? 0,
              showTotal: (total) => `共 ${total} 件`,
              onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
            }}
          />
        </div>
      </Card>
      <NewDisputeModal open={isCreating} onClose={() => setIsCreating(false)} />
    </Space>
  );
}

function NewDisputeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NewDispute>();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isSaving, setIsSaving] = useState(false);

  async function save(values: NewDispute) {
    setIsSaving(true);
    try {
      const parties = values.parties
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [name, idNumber] = line.split(/[\s,，]+/);
          return { name: name!, ...(idNumber ? { idNumber } : {}) };
        });
      const dispute = await createDispute({
        uscc: values.uscc.trim().toUpperCase(),
        kind: values.kind,
        receivedOn: values.receivedOn.format('YYYY-MM-DD'),
        workersCount: values.workersCount,
        claims: values.claims,
        claimedAmount: values.claimedAmount.trim(),
        ...(values.arrearsAmount?.trim() ? { arrearsAmount: values.arrearsAmount.trim() } : {}),
        parties,
      });
      void message.success(
        dispute.alertReason
          ? `已登记 ${dispute.caseNo}，已向市、省人社发出集体劳动争议预警`
          : `已登记 ${dispute.caseNo}`,
      );
      onClose();
      navigate(`/labour/disputes/${dispute.id}`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title="登记劳动争议案件"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      okText="登记"
      width={640}
      destroyOnHidden
    >
      <Form<NewDispute>
        form={form}
        layout="vertical"
        name="dispute"
        initialValues={{ kind: 'arbitration', workersCount: 1 }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item label="企业统一社会信用代码" name="uscc" rules={[{ required: true, len: 18 }]}>
          <Input data-testid="dispute-uscc" />
        </Form.Item>
        <Space wrap>
          <Form.Item label="处理方式" name="kind" rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'arbitration', label: '仲裁' },
                { value: 'mediation', label: '调解' },
              ]}
            />
          </Form.Item>
          <Form.Item label="受理日期" name="receivedOn" rules={[{ required: true }]}>
            <DatePicker format="YYYY-MM-DD" data-testid="dispute-received" />
          </Form.Item>
          <Form.Item label="涉及劳动者人数" name="workersCount" rules={[{ required: true }]}>
            <InputNumber min={1} max={100000} data-testid="dispute-workers" />
          </Form.Item>
        </Space>
        <Form.Item label="请求事项和事实理由" name="claims" rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={3} data-testid="dispute-claims" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            label="请求金额（元）"
            name="claimedAmount"
            rules={[{ required: true, pattern: /^\d{1,10}(\.\d{1,2})?$/ }]}
          >
            <Input data-testid="dispute-claimed" />
          </Form.Item>
          <Form.Item
            label="拖欠工资金额（元，可空）"
            name="arrearsAmount"
            rules={[{ pattern: /^\d{1,10}(\.\d{1,2})?$/ }]}
          >
            <Input data-testid="dispute-arrears" />
          </Form.Item>
        </Space>
        <Form.Item
          label="劳动者当事人（每行一人：姓名 身份证号，身份证号可空）"
          name="parties"
          rules={[{ required: true }]}
          extra="姓名和身份证号加密保存，页面上遮蔽显示"
        >
          <Input.TextArea rows={3} data-testid="dispute-parties" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
