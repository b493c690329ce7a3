import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { applyForCase } from '../../api/benefitApplications.ts';
import { confirmCase, declineCase, type CaseDetail } from '../../api/benefits.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { useBenefitsText } from './benefitsText.ts';
import { ReasonModal } from './ReasonModal.tsx';
import { useActionKey } from './useActionKey.ts';
import { daysText, useTimeLimits } from './useTimeLimits.ts';

interface ClaimValues {
  bank_name: string;
  bank_account: string;
  account_holder: string;
}

/** 8–40 digits, spaces and dashes allowed between them (bank account numbers as printed). */
const ACCOUNT_PATTERN = /^\d[\d\s-]{6,38}\d$/;

interface ConfirmClaimFormProps {
  item: CaseDetail;
  onChanged: (message: string) => void;
  /** confirm: 确认申领 in one click (免申即享); apply: 提交申请 once the materials are uploaded. */
  kind?: 'confirm' | 'apply';
  /** Required materials not yet uploaded (apply only): submitting waits for them. */
  missing?: readonly { code: string; name: string }[];
}

/**
 * 确认申领 (免申即享): confirm or correct the receiving account in one click; 提交申请 for a policy
 * that needs an application, the same account with the uploaded materials; or decline with a reason.
 */
export function ConfirmClaimForm({ item, onChanged, kind = 'confirm', missing = [] }: ConfirmClaimFormProps) {
  const { bt } = useBenefitsText();
  const limits = useTimeLimits();
  const errorText = useErrorText();
  const [form] = Form.useForm<ClaimValues>();
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const [isDeclining, setIsDeclining] = useState(false);
  const action = useActionKey();
  const isApply = kind === 'apply';

  async function claim(values: ClaimValues) {
    setIsBusy(true);
    setError(undefined);
    try {
      const account = {
        bank_name: values.bank_name.trim(),
        bank_account: values.bank_account.replace(/[\s-]/g, ''),
        account_holder: values.account_holder.trim(),
      };
      if (kind === 'apply') await applyForCase(item.id, account, action.key());
      else await confirmCase(item.id, account, action.key());
      action.done();
      onChanged(bt(kind === 'apply' ? 'benefits.apply.done' : 'benefits.confirm.done'));
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <>
      <Alert
        type="info"
        showIcon
        title={bt(isApply ? 'benefits.apply.hint' : 'benefits.confirm.hint', { days: daysText(limits.review) })}
        style={{ marginBottom: 16 }}
      />
      {isApply && (
        <Alert
          data-testid="application-missing"
          type={missing.length > 0 ? 'warning' : 'success'}
          showIcon
          title={
            missing.length > 0
              ? bt('benefits.application.missing', { names: missing.map((m) => m.name).join('、') })
              : bt('benefits.application.complete')
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<ClaimValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 520 }}
        aria-label={bt(isApply ? 'benefits.apply.title' : 'benefits.confirm.title')}
        initialValues={{
          bank_name: item.bank?.bank_name ?? '',
          bank_account: item.bank?.bank_account ?? '',
          account_holder: item.bank?.account_holder ?? item.enterprise_name,
        }}
        onFinish={(values) => void claim(values)}
      >
        <Form.Item
          name="bank_name"
          label={bt('benefits.confirm.bankName')}
          rules={[{ required: true, whitespace: true, min: 2, max: 100, message: bt('benefits.confirm.bankNameRule') }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="bank_account"
          label={bt('benefits.confirm.bankAccount')}
          rules={[{ required: true, pattern: ACCOUNT_PATTERN, message: bt('benefits.confirm.bankAccountRule') }]}
        >
          <Input maxLength={48} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="account_holder"
          label={bt('benefits.confirm.accountHolder')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 200, message: bt('benefits.confirm.accountHolderRule') },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={isBusy}
            disabled={isApply && missing.length > 0}
            data-testid={isApply ? 'apply-submit' : 'confirm-submit'}
          >
            {bt(isApply ? 'benefits.apply.submit' : 'benefits.confirm.submit')}
          </Button>
          <Button danger onClick={() => setIsDeclining(true)}>
            {bt('benefits.decline.title')}
          </Button>
        </Space>
      </Form>
      <ReasonModal
        title={bt('benefits.decline.title')}
        label={bt('benefits.decline.reason')}
        okText={bt('benefits.decline.submit')}
        open={isDeclining}
        onClose={() => setIsDeclining(false)}
        onSubmit={async (reason, key) => {
          await declineCase(item.id, reason, key);
          onChanged(bt('benefits.decline.done'));
        }}
      />
    </>
  );
}
