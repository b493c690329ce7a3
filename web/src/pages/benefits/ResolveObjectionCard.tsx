import { Alert, Button, Card, Descriptions, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listObjections, resolveObjection } from '../../api/benefits.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useErrorText } from '../../locales/i18n.tsx';
import { formatDateTime, formatFen } from '../../utils/format.ts';
import { useBenefitsText } from './benefitsText.ts';
import { ObjectionText } from './ObjectionText.tsx';
import { cityName } from './cityNames.ts';
import { useActionKey } from './useActionKey.ts';

// The server pages at most 200; more open objections than that at once would be a backlog to report, not to pick from.
const OPEN_PAGE = { status: 'open', page: 1, pageSize: 200 } as const;

interface ResolveValues {
  id: number;
  decision: 'upheld' | 'dismissed';
  resolution: string;
}

/** 处理公示异议: an open objection picked from the caller's region's list, upheld — the approval is revoked — or dismissed. */
export function ResolveObjectionCard({ onResolved }: { onResolved?: () => void }) {
  const { bt, policyName, stateName } = useBenefitsText();
  const errorText = useErrorText();
  const [form] = Form.useForm<ResolveValues>();
  const open = useRemoteData(() => listObjections(OPEN_PAGE), 'open-objections');
  const pickedId = Form.useWatch('id', form);
  const picked = open.data?.items.find((objection) => objection.id === pickedId);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  const [isBusy, setIsBusy] = useState(false);
  const action = useActionKey();

  async function submit(values: ResolveValues) {
    setIsBusy(true);
    setResult(undefined);
    try {
      const answer = await resolveObjection(values.id, values.decision, values.resolution.trim(), action.key());
      action.done();
      setResult({
        type: 'success',
        text: bt('benefits.objection.done', { id: answer.id, status: bt(`benefits.objection.${values.decision}`) }),
      });
      form.resetFields();
      open.reload();
      onResolved?.();
    } catch (cause) {
      setResult({ type: 'error', text: errorText(cause) });
    } finally {
      setIsBusy(false);
    }
  }

  const options = (open.data?.items ?? []).map((objection) => ({
    value: objection.id,
    label: bt('benefits.objection.option', {
      id: objection.id,
      enterprise: objection.enterprise_name,
      policy: policyName(objection.policy),
      period: objection.period,
    }),
  }));
  return (
    <Card
      title={bt('benefits.objection.title')}
      size="small"
      extra={open.data && bt('benefits.objection.openCount', { count: open.data.total })}
    >
      <Alert type="info" showIcon title={bt('benefits.objection.hint')} style={{ marginBottom: 12 }} />
      <LoadError error={open.error} />
      <Form<ResolveValues>
        form={form}
        layout="inline"
        style={{ rowGap: 12 }}
        initialValues={{ decision: 'dismissed' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="id"
          label={bt('benefits.objection.pick')}
          htmlFor="objection-pick"
          rules={[{ required: true, message: bt('benefits.objection.pickRule') }]}
        >
          <Select
            id="objection-pick"
            data-testid="objection-pick"
            style={{ width: 360 }}
            showSearch
            optionFilterProp="label"
            loading={open.isLoading}
            options={options}
            notFoundContent={bt('benefits.objection.none')}
          />
        </Form.Item>
        <Form.Item name="decision" label={bt('benefits.objection.decision')}>
          <Radio.Group
            options={[
              { value: 'dismissed', label: bt('benefits.objection.dismissed') },
              { value: 'upheld', label: bt('benefits.objection.upheld') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="resolution"
          label={bt('benefits.objection.resolution')}
          rules={[{ required: true, whitespace: true, min: 2, max: 1000, message: bt('benefits.reasonRule') }]}
        >
          <Input style={{ width: 260 }} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {bt('benefits.objection.submit')}
        </Button>
      </Form>
      {picked && (
        <Descriptions
          column={{ xs: 1, md: 3 }}
          size="small"
          bordered
          style={{ marginTop: 12 }}
          data-testid="objection-picked"
        >
          <Descriptions.Item label={bt('benefits.enterprise')}>{picked.enterprise_name}</Descriptions.Item>
          <Descriptions.Item
            label={bt('benefits.policy')}
          >{`${policyName(picked.policy)} · ${picked.period}`}</Descriptions.Item>
          <Descriptions.Item label={bt('benefits.amount')}>{formatFen(picked.amount_fen)}</Descriptions.Item>
          <Descriptions.Item label={bt('benefits.city')}>{cityName(picked.city_code)}</Descriptions.Item>
          <Descriptions.Item label={bt('benefits.objection.filedAt')}>
            {formatDateTime(picked.filed_at)}
          </Descriptions.Item>
          <Descriptions.Item label={bt('benefits.state')}>
            <Link to={`/benefits/cases/${picked.case_id}`}>{bt('benefits.caseNo', { id: picked.case_id })}</Link> ·{' '}
            {stateName(picked.case_state)}
          </Descriptions.Item>
          <Descriptions.Item label={bt('benefits.objection.text')} span={3}>
            <ObjectionText key={picked.id} id={picked.id} maskedText={picked.text} />
          </Descriptions.Item>
        </Descriptions>
      )}
      {result && (
        <Alert
          type={result.type}
          showIcon
          role={result.type === 'error' ? 'alert' : 'status'}
          title={result.text}
          style={{ marginTop: 12 }}
        />
      )}
    </Card>
  );
}
