import { App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { addKeyEnterprise, assignCommissioner, type KeyEnterprise } from '../../api/keyEnterprises.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { CommissionerPicker, type Commissioner } from './CommissionerPicker.tsx';
import { EnterpriseSearchSelect } from './EnterpriseSearchSelect.tsx';

interface EntryValues {
  uscc?: string;
  commissionerId?: number | null;
  note?: string;
}

/** Submits a form, shows the server's refusal (CONFLICT, NOT_FOUND…) and keeps the dialog open on failure. */
function useSubmit<T>(
  form: ReturnType<typeof Form.useForm<EntryValues>>[0],
  send: (values: EntryValues) => Promise<T>,
  onDone: (result: T) => void,
) {
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [isSubmitting, setIsSubmitting] = useState(false);
  async function submit() {
    const values = await form.validateFields();
    setIsSubmitting(true);
    try {
      onDone(await send(values));
      form.resetFields();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsSubmitting(false);
    }
  }
  return { isSubmitting, submit: () => void submit().catch(() => undefined) };
}

interface AddModalProps {
  isOpen: boolean;
  known: readonly Commissioner[];
  onClose: () => void;
  onAdded: (entry: KeyEnterprise) => void;
}

/** 加入清单: an enterprise of the official's region, optionally with its commissioner and a note. */
export function AddKeyEnterpriseModal({ isOpen, known, onClose, onAdded }: AddModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<EntryValues>();
  const { isSubmitting, submit } = useSubmit(
    form,
    (values) =>
      addKeyEnterprise({
        uscc: values.uscc ?? '',
        ...(values.commissionerId ? { commissionerId: values.commissionerId } : {}),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      }),
    onAdded,
  );
  return (
    <Modal
      title={t('keyEnterprises.add')}
      open={isOpen}
      onOk={submit}
      confirmLoading={isSubmitting}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="addKeyEnterprise">
        <Form.Item
          label={t('keyEnterprises.enterprise')}
          name="uscc"
          rules={[{ required: true, message: t('keyEnterprises.enterpriseRequired') }]}
        >
          <EnterpriseSearchSelect />
        </Form.Item>
        <Form.Item label={t('keyEnterprises.commissioner')} name="commissionerId">
          <CommissionerPicker known={known} />
        </Form.Item>
        <Form.Item label={t('keyEnterprises.note')} name="note">
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AssignModalProps {
  entry: KeyEnterprise | undefined;
  known: readonly Commissioner[];
  onClose: () => void;
  onAssigned: (entry: KeyEnterprise) => void;
}

/** 指定专员: sets, changes or clears (empty) the commissioner of an entry of the official's list. */
export function AssignCommissionerModal({ entry, known, onClose, onAssigned }: AssignModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<EntryValues>();
  const { isSubmitting, submit } = useSubmit(
    form,
    (values) =>
      assignCommissioner(entry?.uscc ?? '', {
        commissionerId: values.commissionerId ?? null,
        note: values.note?.trim() ?? '',
      }),
    onAssigned,
  );
  useEffect(() => {
    if (entry) form.setFieldsValue({ commissionerId: entry.commissionerId, note: entry.note ?? '' });
  }, [entry, form]);
  return (
    <Modal
      title={t('keyEnterprises.assignTitle', { name: entry?.name ?? '' })}
      open={entry !== undefined}
      onOk={submit}
      confirmLoading={isSubmitting}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" name="assignCommissioner">
        <Form.Item label={t('keyEnterprises.commissioner')} name="commissionerId">
          <CommissionerPicker known={known} />
        </Form.Item>
        <Form.Item label={t('keyEnterprises.note')} name="note">
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
