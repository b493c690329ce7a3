import { App, Button, DatePicker, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { recordApproval, type listApprovals } from '../../api/governanceRounds.ts';
import type { RemoteData } from '../../components/useRemoteData.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

/** The approval records of data collections (统计调查审批); the province records a new one. */
export function CollectionApprovalsTab({
  approvals,
  canRecord,
}: {
  approvals: RemoteData<Awaited<ReturnType<typeof listApprovals>>>;
  canRecord: boolean;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isRecording, setIsRecording] = useState(false);
  return (
    <>
      {canRecord && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => setIsRecording(true)}
          data-testid="approval-new"
        >
          {t('rounds.newApproval')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="middle"
        dataSource={approvals.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('rounds.approvalNumber'), dataIndex: 'approvalNumber' },
          { title: t('rounds.title'), dataIndex: 'title' },
          { title: t('rounds.office'), dataIndex: 'office' },
          { title: t('rounds.scope'), dataIndex: 'scope' },
          { title: t('rounds.sample'), dataIndex: 'sample' },
          { title: t('rounds.frequency'), dataIndex: 'frequency' },
          { title: t('rounds.validFrom'), dataIndex: 'validFrom' },
          { title: t('rounds.validUntil'), dataIndex: 'validUntil' },
        ]}
      />
      <ApprovalModal
        open={isRecording}
        onClose={() => setIsRecording(false)}
        onSubmit={(body) =>
          void recordApproval(body).then(
            () => {
              setIsRecording(false);
              approvals.reload();
            },
            (error: unknown) => message.error(errorText(error)),
          )
        }
      />
    </>
  );
}

function ApprovalModal(props: {
  open: boolean;
  onClose: () => void;
  onSubmit: (body: Parameters<typeof recordApproval>[0]) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const text = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <Input data-testid={`approval-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open={props.open}
      title={t('rounds.newApproval')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(
          v: Record<string, string> & {
            validFrom: { format: (f: string) => string };
            validUntil: { format: (f: string) => string };
          },
        ) =>
          props.onSubmit({
            title: v.title!,
            office: v.office!,
            approvalNumber: v.approvalNumber!,
            scope: v.scope!,
            sample: v.sample!,
            frequency: v.frequency!,
            validFrom: v.validFrom.format('YYYY-MM-DD'),
            validUntil: v.validUntil.format('YYYY-MM-DD'),
          })
        }
      >
        {text('title', t('rounds.title'))}
        {text('office', t('rounds.office'))}
        {text('approvalNumber', t('rounds.approvalNumber'))}
        {text('scope', t('rounds.scope'))}
        {text('sample', t('rounds.sample'))}
        {text('frequency', t('rounds.frequency'))}
        <Form.Item name="validFrom" label={t('rounds.validFrom')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="validUntil" label={t('rounds.validUntil')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
