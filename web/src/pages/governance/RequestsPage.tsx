import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Upload,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  listRequests,
  REQUEST_CATEGORIES,
  submitRequest,
  uploadRequestFile,
  type EnterpriseRequest,
  type RequestCategory,
  type RequestQuery,
  type RequestState,
} from '../../api/governance.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { pageControls } from '../../components/pageControls.ts';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { RequestStatsPanel } from './RequestStatsPanel.tsx';

const STATES: RequestState[] = ['submitted', 'reopened', 'answered', 'closed'];

/** The colour of a request's state: open work orange, answered blue, closed green, overdue red. */
export function RequestStateTag({ request }: { request: EnterpriseRequest }) {
  const { t } = useI18n();
  const color = { submitted: 'orange', reopened: 'orange', answered: 'blue', closed: 'green' }[request.state];
  return (
    <Space size={4} wrap>
      <Tag color={color}>{request.stateLabel}</Tag>
      {request.isOverdue && <Tag color="red">{t('governance.overdue')}</Tag>}
      {request.escalationLevel > 0 && <Tag color="volcano">{request.escalationLabel}</Tag>}
    </Space>
  );
}

/**
 * 企业诉求: an enterprise raises requests and follows its own; a commissioner works through those
 * of the enterprises assigned to them; cities and the province follow theirs, with statistics.
 */
export default function RequestsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const isEnterprise = user.role === 'enterprise';
  const isOfficial = ['province_hrss', 'province_miit', 'city_hrss'].includes(user.role);
  const [query, setQuery] = useState<RequestQuery>({ page: 1, pageSize: 20 });
  const [isRaising, setIsRaising] = useState(false);
  const list = useRemoteData(() => listRequests(query), JSON.stringify(query));
  const navigate = useNavigate();

  const columns: TableProps<EnterpriseRequest>['columns'] = [
    {
      title: t('governance.requestNo'),
      dataIndex: 'id',
      render: (id: number) => <Link to={`/governance/requests/${id}`}>{id}</Link>,
    },
    ...(isEnterprise ? [] : [{ title: t('enterprises.name'), dataIndex: 'enterpriseName' }]),
    { title: t('governance.category'), dataIndex: 'categoryLabel' },
    { title: t('governance.text'), dataIndex: 'text', ellipsis: true, width: 280 },
    {
      title: t('governance.state'),
      key: 'state',
      render: (_: unknown, r: EnterpriseRequest) => <RequestStateTag request={r} />,
    },
    { title: t('governance.submittedAt'), dataIndex: 'submittedAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('governance.deadline'),
      dataIndex: 'deadlineDate',
      render: (d: string, r: EnterpriseRequest) =>
        r.isDeadlineProvisional ? `${d} ${t('governance.provisional')}` : d,
    },
    {
      title: t('governance.commissioner'),
      dataIndex: 'commissionerName',
      render: (n: string | null) => n ?? t('common.unassigned'),
    },
    {
      title: t('governance.rating'),
      dataIndex: 'rating',
      render: (r: number | null) => (r === null ? t('common.none') : `${r} / 5`),
    },
  ];

  const listView = (
    <>
      <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item label={t('governance.state')} htmlFor="request-state">
          <Select
            id="request-state"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 160 }}
            options={STATES.map((s) => ({ value: s, label: t(`governance.state.${s}`) }))}
            value={query.state}
            onChange={(state?: RequestState) => setQuery((q) => ({ ...q, state, page: 1 }))}
          />
        </Form.Item>
        <Form.Item label={t('governance.category')} htmlFor="request-category">
          <Select
            id="request-category"
            allowClear
            placeholder={t('common.all')}
            style={{ width: 160 }}
            options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: t(`governance.category.${c}`) }))}
            value={query.category}
            onChange={(category?: RequestCategory) => setQuery((q) => ({ ...q, category, page: 1 }))}
          />
        </Form.Item>
        {!isEnterprise && (
          <>
            <Checkbox
              checked={query.overdue === true}
              onChange={(e) => setQuery((q) => ({ ...q, overdue: e.target.checked || undefined, page: 1 }))}
            >
              {t('governance.onlyOverdue')}
            </Checkbox>
            <Checkbox
              checked={query.escalated === true}
              onChange={(e) => setQuery((q) => ({ ...q, escalated: e.target.checked || undefined, page: 1 }))}
            >
              {t('governance.onlyEscalated')}
            </Checkbox>
          </>
        )}
      </Form>
      <LoadError error={list.error} />
      <Table<EnterpriseRequest>
        rowKey="id"
        size="middle"
        data-testid="requests-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        scroll={{ x: 'max-content' }}
        {...pageControls(query, list.data?.total, setQuery, t)}
      />
    </>
  );

  return (
    <Card
      title={t('governance.requestsTitle')}
      extra={
        isEnterprise && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsRaising(true)} data-testid="raise-request">
            {t('governance.raise')}
          </Button>
        )
      }
    >
      {isOfficial ? (
        <Tabs
          items={[
            { key: 'list', label: t('governance.requestList'), children: listView },
            { key: 'stats', label: t('governance.stats'), children: <RequestStatsPanel /> },
          ]}
        />
      ) : (
        listView
      )}
      {isEnterprise && (
        <RaiseRequestModal
          isOpen={isRaising}
          onClose={() => setIsRaising(false)}
          onRaised={(request) => {
            setIsRaising(false);
            navigate(`/governance/requests/${request.id}`);
          }}
        />
      )}
    </Card>
  );
}

function RaiseRequestModal({
  isOpen,
  onClose,
  onRaised,
}: {
  isOpen: boolean;
  onClose: () => void;
  onRaised: (request: EnterpriseRequest) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ category: RequestCategory; text: string }>();
  const [files, setFiles] = useState<File[]>([]);
  const [isBusy, setIsBusy] = useState(false);

  async function submit() {
    const values = await form.validateFields();
    setIsBusy(true);
    try {
      const request = await submitRequest(values);
      for (const file of files) {
        try {
          await uploadRequestFile(request.id, file);
        } catch (error) {
          message.error(`${file.name}：${errorText(error)}`);
        }
      }
      message.success(t('governance.raised', { deadline: request.deadlineDate }));
      form.resetFields();
      setFiles([]);
      onRaised(request);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Modal
      open={isOpen}
      title={t('governance.raise')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: isBusy, ...{ 'data-testid': 'raise-submit' } }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="category"
          label={t('governance.category')}
          rules={[{ required: true, message: t('governance.categoryRequired') }]}
        >
          <Select
            data-testid="raise-category"
            options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: t(`governance.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('governance.text')}
          rules={[{ required: true, min: 5, message: t('governance.textRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid="raise-text" />
        </Form.Item>
        <Form.Item label={t('governance.files')} extra={t('governance.filesHint')}>
          <Upload
            multiple
            accept=".pdf,.jpg,.jpeg,.png"
            beforeUpload={(file) => {
              setFiles((current) => [...current, file]);
              return false;
            }}
            onRemove={(file) => setFiles((current) => current.filter((f) => f.name !== file.name))}
          >
            <Button>{t('governance.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
