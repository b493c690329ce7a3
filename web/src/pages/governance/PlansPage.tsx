import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Upload, type TableProps } from 'antd';
import { useState } from 'react';
import { downloadPlan, filePlan, listPlans, reviewPlan, type ImplementationPlan } from '../../api/governance.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { PlanMilestones } from './PlanMilestones.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { saveBlob } from '../../utils/download.ts';
import { formatDateTime } from '../../utils/format.ts';

/**
 * 实施方案报送: a city files its plan (document, milestones; its key-enterprise list and
 * commissioners are taken as they stand), every version is kept; a filing after the deadline is
 * marked late; the province approves or returns a version with comments.
 */
export default function PlansPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const isCity = user.role === 'city_hrss';
  const isReviewer = user.role === 'province_hrss';
  const plans = useRemoteData(() => listPlans(), 'plans');
  const [isFiling, setIsFiling] = useState(false);
  const [returning, setReturning] = useState<ImplementationPlan>();
  const [comment, setComment] = useState('');

  async function review(plan: ImplementationPlan, decision: 'approve' | 'return', text?: string) {
    try {
      await reviewPlan(plan.id, decision, text);
      message.success(decision === 'approve' ? t('plans.approved') : t('plans.returned'));
      setReturning(undefined);
      setComment('');
      plans.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const columns: TableProps<ImplementationPlan>['columns'] = [
    { title: t('users.region'), dataIndex: 'regionName', render: (n: string | null, p) => n ?? p.regionCode },
    { title: t('plans.version'), dataIndex: 'version', render: (v: number) => `V${v}` },
    { title: t('plans.title'), dataIndex: 'title' },
    {
      title: t('governance.state'),
      key: 'state',
      render: (_: unknown, p: ImplementationPlan) => (
        <Space size={4}>
          <Tag color={{ submitted: 'orange', approved: 'green', returned: 'red' }[p.state]}>{p.stateLabel}</Tag>
          {p.isLate && <Tag color="volcano">{t('plans.late')}</Tag>}
        </Space>
      ),
    },
    { title: t('plans.submittedAt'), dataIndex: 'submittedAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('plans.keyEnterprises'),
      key: 'keys',
      render: (_: unknown, p: ImplementationPlan) => p.keyEnterprises.length,
    },
    {
      title: t('plans.milestones'),
      key: 'milestones',
      render: (_: unknown, p: ImplementationPlan) => (
        <PlanMilestones plan={p} canReport={isCity} onReported={plans.reload} />
      ),
    },
    {
      title: t('plans.reviewComment'),
      dataIndex: 'reviewComment',
      render: (c: string | null) => c ?? t('common.none'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p: ImplementationPlan) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() =>
              void downloadPlan(p.id, p.fileName).then(
                ({ blob, fileName }) => saveBlob(blob, fileName),
                (error: unknown) => message.error(errorText(error)),
              )
            }
          >
            {t('plans.document')}
          </Button>
          {isReviewer && p.state === 'submitted' && (
            <>
              <Button
                type="link"
                size="small"
                data-testid={`plan-approve-${p.id}`}
                onClick={() =>
                  modal.confirm({
                    title: t('plans.approveConfirm', { region: p.regionName ?? p.regionCode, version: p.version }),
                    onOk: () => review(p, 'approve'),
                  })
                }
              >
                {t('plans.approve')}
              </Button>
              <Button type="link" size="small" danger onClick={() => setReturning(p)}>
                {t('plans.return')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('plans.pageTitle')}
      extra={
        isCity && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsFiling(true)} data-testid="plan-file">
            {t('plans.file')}
          </Button>
        )
      }
    >
      <LoadError error={plans.error} />
      {plans.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('plans.deadlineNote', { deadline: plans.data.deadline })}
          description={plans.data.deadlineSource}
        />
      )}
      <Table<ImplementationPlan>
        rowKey="id"
        size="middle"
        data-testid="plans-table"
        columns={columns}
        dataSource={plans.data?.items}
        loading={plans.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={returning !== undefined}
        title={t('plans.return')}
        onCancel={() => setReturning(undefined)}
        onOk={() => returning && void review(returning, 'return', comment.trim())}
        okButtonProps={{ disabled: comment.trim().length === 0 }}
        destroyOnHidden
      >
        <Input.TextArea rows={4} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Modal>
      {isCity && (
        <FilePlanModal
          isOpen={isFiling}
          onClose={() => setIsFiling(false)}
          onFiled={() => {
            setIsFiling(false);
            message.success(t('plans.filed'));
            plans.reload();
          }}
        />
      )}
    </Card>
  );
}

interface PlanForm {
  title: string;
  milestones: { date: string; task: string }[];
}

function FilePlanModal({ isOpen, onClose, onFiled }: { isOpen: boolean; onClose: () => void; onFiled: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanForm>();
  const [file, setFile] = useState<File>();
  const [isBusy, setIsBusy] = useState(false);

  async function submit() {
    const values = await form.validateFields();
    if (!file) {
      message.error(t('plans.chooseDocument'));
      return;
    }
    setIsBusy(true);
    try {
      await filePlan(values.title, values.milestones, file);
      form.resetFields();
      setFile(undefined);
      onFiled();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Modal
      open={isOpen}
      title={t('plans.file')}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: isBusy }}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: '专精特新企业就业创业扬帆计划实施方案', milestones: [{ date: '', task: '' }] }}
      >
        <Form.Item name="title" label={t('plans.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item
                    name={[field.name, 'date']}
                    rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
                  >
                    <Input placeholder="2024-03-31" style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'task']} rules={[{ required: true }]}>
                    <Input placeholder={t('plans.milestoneTask')} style={{ width: 340 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: '', task: '' })}>
                {t('plans.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label={t('plans.document')} extra={t('plans.documentHint')} style={{ marginTop: 16 }}>
          <Upload
            accept=".pdf,.doc,.docx"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button>{t('governance.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
