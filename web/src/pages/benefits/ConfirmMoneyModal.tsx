import { Alert, Form, Input, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { MoneyPreview } from '../../api/benefits.ts';
import { isApiError } from '../../api/client.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { useBenefitsText } from './benefitsText.ts';
import { MoneyPreviewView } from './MoneyPreviewView.tsx';
import { OPINION_MAX, OPINION_MIN } from './moneySteps.ts';
import { useActionKey } from './useActionKey.ts';

interface ConfirmMoneyModalProps {
  title: string;
  okText: string;
  open: boolean;
  /** Asks the server what the step would do (nothing changes). */
  loadPreview: () => Promise<MoneyPreview>;
  /** Approvals need 审核意见; the payment instruction does not. */
  needsOpinion: boolean;
  onClose: () => void;
  /** Runs the step as previewed; a failure keeps the dialog open. */
  onConfirm: (preview: MoneyPreview, opinion: string, key: string) => Promise<void>;
}

/**
 * The confirmation of a money step (批量通过, 生成支付指令): the server's preview — cases, total,
 * masked accounts — and, for approvals, the opinion; the step runs only as previewed. When the
 * selection changed meanwhile the server refuses (PREVIEW_CHANGED): its message is shown and the
 * preview is loaded again for the official to check before confirming anew.
 */
export function ConfirmMoneyModal({
  title,
  okText,
  open,
  loadPreview,
  needsOpinion,
  onClose,
  onConfirm,
}: ConfirmMoneyModalProps) {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ opinion: string }>();
  const [preview, setPreview] = useState<MoneyPreview>();
  const [error, setError] = useState<string>();
  const [isLoading, setIsLoading] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const action = useActionKey();

  async function load() {
    setIsLoading(true);
    setPreview(undefined);
    try {
      setPreview(await loadPreview());
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsLoading(false);
    }
  }

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    // Each opening previews afresh.
    void load();
  }, [open]);

  async function confirm() {
    if (!preview) return;
    const { opinion = '' } = needsOpinion ? await form.validateFields() : {};
    setIsBusy(true);
    setError(undefined);
    try {
      await onConfirm(preview, opinion.trim(), action.key());
      action.done();
      form.resetFields();
      onClose();
    } catch (cause) {
      setError(errorText(cause));
      if (isApiError(cause) && cause.code === 'PREVIEW_CHANGED') {
        action.done();
        void load();
      }
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      width={860}
      okText={okText}
      okButtonProps={{ disabled: !preview || preview.count === 0 }}
      confirmLoading={isBusy}
      onOk={() => void confirm().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {isLoading && <Spin />}
      {preview && <MoneyPreviewView preview={preview} />}
      {needsOpinion && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
          <Form.Item
            name="opinion"
            label={bt('benefits.money.opinion')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: OPINION_MIN,
                max: OPINION_MAX,
                message: bt('benefits.money.opinionRule'),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={OPINION_MAX}
              showCount
              placeholder={bt('benefits.money.opinionPlaceholder')}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
