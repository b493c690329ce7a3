import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../locales/i18n.tsx';
import { useBenefitsText } from './benefitsText.ts';
import { useActionKey } from './useActionKey.ts';

interface ReasonModalProps {
  title: string;
  label: string;
  okText: string;
  open: boolean;
  onClose: () => void;
  /** Sends the reason with the action's Idempotency-Key; a failure keeps the dialog open for a retry. */
  onSubmit: (reason: string, key: string) => Promise<unknown>;
}

/** A dialog asking for the reason of a decline, a rejection or a return (2–500 characters). */
export function ReasonModal({ title, label, okText, open, onClose, onSubmit }: ReasonModalProps) {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const action = useActionKey();

  async function submit() {
    const { reason } = await form.validateFields();
    setIsBusy(true);
    setError(undefined);
    try {
      await onSubmit(reason.trim(), action.key());
      action.done();
      form.resetFields();
      onClose();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      confirmLoading={isBusy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, min: 2, max: 500, message: bt('benefits.reasonRule') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {error && (
        <div role="alert" style={{ color: '#cf1322' }}>
          {error}
        </div>
      )}
    </Modal>
  );
}
