import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { checkUscc, type CodeCheck } from '../../api/tools.ts';
import { OVERRIDABLE_USCC_REASONS, recordUsccOverride, revokeUsccOverride, type UsccOverride } from '../../api/usccOverrides.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

/** Whether the check's verdict lets an override be recorded: a check-character failure without one in force. */
function canRecord(check: CodeCheck | undefined): boolean {
  return check !== undefined && !check.valid && OVERRIDABLE_USCC_REASONS.includes(check.reason ?? '') && !check.override;
}

/** The validator's verdict on the typed code, worded for the official before anything is saved. */
function CheckVerdict({ check }: { check: CodeCheck }) {
  const { t } = useI18n();
  if (check.valid) return <Alert type="error" showIcon role="status" title={t('usccOverrides.checkPassed')} />;
  const failure = check.message ?? check.reason ?? '';
  if (check.override) {
    return <Alert type="info" showIcon role="status" title={t('usccOverrides.alreadyActive', { id: check.override.id })} description={failure} />;
  }
  if (!OVERRIDABLE_USCC_REASONS.includes(check.reason ?? '')) {
    return <Alert type="error" showIcon role="status" title={t('usccOverrides.checkMalformed', { failure })} description={t('usccOverrides.checkMalformedHint')} />;
  }
  return <Alert type="warning" showIcon role="status" title={t('usccOverrides.checkFailed', { failure })} description={t('usccOverrides.checkFailedHint')} />;
}

interface RecordModalProps {
  isOpen: boolean;
  onClose: () => void;
  onRecorded: (entry: UsccOverride) => void;
}

/** 登记例外: the code is checked first and its failure shown; only a check-character failure can be saved, with its evidence. */
export function RecordUsccOverrideModal({ isOpen, onClose, onRecorded }: RecordModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ uscc: string; evidence: string }>();
  const [check, setCheck] = useState<CodeCheck>();
  const [isChecking, setIsChecking] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  async function runCheck() {
    const { uscc } = await form.validateFields(['uscc']);
    setIsChecking(true);
    try {
      setCheck(await checkUscc(uscc.trim().toUpperCase()));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsChecking(false);
    }
  }

  async function save() {
    const values = await form.validateFields();
    setIsSaving(true);
    try {
      onRecorded(await recordUsccOverride({ uscc: values.uscc.trim(), evidence: values.evidence.trim() }));
      form.resetFields();
      setCheck(undefined);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Modal
      title={t('usccOverrides.add')}
      open={isOpen}
      onOk={() => void save().catch(() => undefined)}
      okText={t('usccOverrides.save')}
      okButtonProps={{ disabled: !canRecord(check) }}
      confirmLoading={isSaving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="recordUsccOverride" onValuesChange={(changed) => 'uscc' in changed && setCheck(undefined)}>
        <Form.Item label={t('usccOverrides.uscc')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="uscc" noStyle rules={[{ required: true, whitespace: true, message: t('usccOverrides.usccRequired') }]}>
              <Input maxLength={40} style={{ fontFamily: 'monospace' }} aria-label={t('usccOverrides.uscc')} onPressEnter={() => void runCheck().catch(() => undefined)} />
            </Form.Item>
            <Button onClick={() => void runCheck().catch(() => undefined)} loading={isChecking}>
              {t('tools.check')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {check ? <CheckVerdict check={check} /> : <Alert type="info" showIcon title={t('usccOverrides.checkFirst')} />}
        <Form.Item
          label={t('usccOverrides.evidence')}
          name="evidence"
          style={{ marginTop: 16 }}
          rules={[{ required: true, whitespace: true, message: t('usccOverrides.evidenceRequired') }]}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('usccOverrides.evidencePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RevokeModalProps {
  entry: UsccOverride | undefined;
  onClose: () => void;
  onRevoked: (entry: UsccOverride) => void;
}

/** 撤销: asks why; new imports refuse the code again, rows already taken stay. */
export function RevokeUsccOverrideModal({ entry, onClose, onRevoked }: RevokeModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [isSaving, setIsSaving] = useState(false);

  async function save() {
    const { reason } = await form.validateFields();
    if (!entry) return;
    setIsSaving(true);
    try {
      onRevoked(await revokeUsccOverride(entry.id, reason.trim()));
      form.resetFields();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Modal
      title={t('usccOverrides.revokeTitle', { id: entry?.id ?? '', uscc: entry?.uscc ?? '' })}
      open={entry !== undefined}
      onOk={() => void save().catch(() => undefined)}
      okText={t('usccOverrides.revoke')}
      okButtonProps={{ danger: true }}
      confirmLoading={isSaving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('usccOverrides.revokeHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" name="revokeUsccOverride">
        <Form.Item label={t('usccOverrides.revokeReason')} name="reason" rules={[{ required: true, whitespace: true, message: t('usccOverrides.revokeReasonRequired') }]}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
