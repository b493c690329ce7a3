import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { createCollection } from '../../api/governanceRounds.ts';
import { useI18n } from '../../locales/i18n.tsx';

const THIS_YEAR = new Date().getFullYear();

type DraftBody = Parameters<typeof createCollection>[0];

/** The form that drafts a collection (an approval may be chosen now or later). */
export function CollectionDraftModal(props: {
  open: boolean;
  isProvince: boolean;
  approvals: { id: number; approvalNumber: string; title: string }[];
  onClose: () => void;
  onSubmit: (body: DraftBody) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as DraftBody['kind'] | undefined;
  return (
    <Modal
      open={props.open}
      title={t('rounds.newCollection')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'form', year: THIS_YEAR }}
        onFinish={(v: { kind: DraftBody['kind']; title: string; year: number; fields?: string; approvalId?: number }) =>
          props.onSubmit({
            kind: v.kind,
            title: v.title,
            year: v.year,
            approvalId: v.approvalId ?? null,
            fields: (v.fields ?? '')
              .split('\n')
              .map((f) => f.trim())
              .filter(Boolean),
          })
        }
      >
        <Form.Item name="kind" label={t('rounds.kind')}>
          <Select
            options={[
              { value: 'form', label: t('rounds.kindForm') },
              ...(props.isProvince ? [{ value: 'shortage_survey', label: t('rounds.kindSurvey') }] : []),
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('rounds.title')} rules={[{ required: true }]}>
          <Input data-testid="collection-title" />
        </Form.Item>
        <Form.Item name="year" label={t('rounds.year')}>
          <InputNumber min={2023} max={2100} />
        </Form.Item>
        {kind !== 'shortage_survey' && (
          <Form.Item name="fields" label={t('rounds.fields')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="collection-fields" />
          </Form.Item>
        )}
        <Form.Item name="approvalId" label={t('rounds.approvalNumber')}>
          <Select
            allowClear
            options={props.approvals.map((a) => ({ value: a.id, label: `${a.approvalNumber} ${a.title}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
