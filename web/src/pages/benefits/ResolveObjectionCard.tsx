import { Alert, Button, Card, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { resolveObjection } from '../../api/benefits.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { useBenefitsText } from './benefitsText.ts';
import { useActionKey } from './useActionKey.ts';

interface ResolveValues {
  id: number;
  decision: 'upheld' | 'dismissed';
  resolution: string;
}

/** 处理公示异议: an objection (by its number) upheld — the approval is revoked — or dismissed. */
export function ResolveObjectionCard({ onResolved }: { onResolved?: () => void }) {
  const { bt } = useBenefitsText();
  const errorText = useErrorText();
  const [form] = Form.useForm<ResolveValues>();
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  const [isBusy, setIsBusy] = useState(false);
  const action = useActionKey();

  async function submit(values: ResolveValues) {
    setIsBusy(true);
    setResult(undefined);
    try {
      const answer = await resolveObjection(values.id, values.decision, values.resolution.trim(), action.key());
      action.done();
      setResult({ type: 'success', text: bt('benefits.objection.done', { id: answer.id, status: bt(`benefits.objection.${values.decision}`) }) });
      form.resetFields();
      onResolved?.();
    } catch (cause) {
      setResult({ type: 'error', text: errorText(cause) });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Card title={bt('benefits.objection.title')} size="small">
      <Alert type="info" showIcon title={bt('benefits.objection.hint')} style={{ marginBottom: 12 }} />
      <Form<ResolveValues> form={form} layout="inline" style={{ rowGap: 12 }} initialValues={{ decision: 'dismissed' }} onFinish={(values) => void submit(values)}>
        <Form.Item name="id" label={bt('benefits.objection.id')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="decision" label={bt('benefits.objection.decision')}>
          <Radio.Group
            options={[
              { value: 'dismissed', label: bt('benefits.objection.dismissed') },
              { value: 'upheld', label: bt('benefits.objection.upheld') },
            ]}
          />
        </Form.Item>
        <Form.Item name="resolution" label={bt('benefits.objection.resolution')} rules={[{ required: true, whitespace: true, min: 2, max: 1000, message: bt('benefits.reasonRule') }]}>
          <Input style={{ width: 260 }} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {bt('benefits.objection.submit')}
        </Button>
      </Form>
      {result && <Alert type={result.type} showIcon role={result.type === 'error' ? 'alert' : 'status'} title={result.text} style={{ marginTop: 12 }} />}
    </Card>
  );
}
