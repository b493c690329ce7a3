import { DeleteOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { getPolicy, listPolicies, runSandbox, type PolicyDetail, type PolicyParameter, type SandboxRun } from '../../api/policies.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useRemoteData } from '../../components/useRemoteData.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { JIANGSU_REGIONS } from '../../utils/jiangsuRegions.ts';
import { ParameterValueInput, draftOf, valueOf, type ValueDraft } from './ParameterValueInput.tsx';
import { defaultCalculationDate } from './policyDates.ts';
import { formatParameterValue } from './policyFormat.ts';
import { SandboxResults } from './SandboxResults.tsx';

interface ChangeRow {
  parameter: string;
  from: string;
  region: string;
  value: ValueDraft;
}

interface SandboxValues {
  date: string;
  note?: string;
  changes: ChangeRow[];
}

/** The province's latest value of a parameter: where a what-if usually starts. */
function latestProvinceValue(parameter: PolicyParameter): { from: string; value: unknown } | undefined {
  return parameter.values.filter((value) => value.region === '320000').sort((a, b) => a.from.localeCompare(b.from)).at(-1);
}

function startRow(parameter: PolicyParameter | undefined): ChangeRow | undefined {
  if (!parameter) return undefined;
  const latest = latestProvinceValue(parameter);
  return { parameter: parameter.name, from: latest?.from ?? '', region: '320000', value: draftOf(latest?.value, parameter.type) };
}

/** One assumed value: parameter, from when, where, and the value (its current one shown beside). */
function ChangeFields({ policy, index, onRemove, form }: { policy: PolicyDetail; index: number; onRemove: () => void; form: ReturnType<typeof Form.useForm<SandboxValues>>[0] }) {
  const { t } = useI18n();
  const name = Form.useWatch(['changes', index, 'parameter'], form);
  const parameter = policy.parameters.find((candidate) => candidate.name === name);
  const latest = parameter ? latestProvinceValue(parameter) : undefined;
  return (
    <Space wrap align="start" style={{ marginBottom: 8 }}>
      <Form.Item name={[index, 'parameter']} label={t('policy.parameter')} rules={[{ required: true }]}>
        <Select
          style={{ width: 280 }}
          options={policy.parameters.map((candidate) => ({ value: candidate.name, label: candidate.label }))}
          onChange={(next: string) => {
            const row = startRow(policy.parameters.find((candidate) => candidate.name === next));
            if (row) form.setFieldValue(['changes', index], row);
          }}
        />
      </Form.Item>
      <Form.Item name={[index, 'from']} label={t('policy.edit.from')} rules={[{ required: true }]}>
        <Input type="date" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={[index, 'region']} label={t('monitoring.region')} rules={[{ required: true }]}>
        <Select style={{ width: 130 }} options={JIANGSU_REGIONS.map((region) => ({ value: region.code, label: region.name }))} />
      </Form.Item>
      <Form.Item
        name={[index, 'value']}
        label={t('sandbox.assumedValue')}
        rules={[{ required: true, message: t('policy.edit.valueRequired') }]}
        extra={parameter && latest ? t('sandbox.currentValue', { value: formatParameterValue(latest.value, parameter.type, parameter.unit, t('unit.分')) }) : undefined}
      >
        <ParameterValueInput type={parameter?.type ?? 'number'} unit={parameter?.unit ?? null} isTable={(parameter?.indexed_by.length ?? 0) > 0} />
      </Form.Item>
      <Button type="text" icon={<DeleteOutlined />} aria-label={t('sandbox.removeChange')} onClick={onRemove} style={{ marginTop: 30 }} />
    </Space>
  );
}

/**
 * 政策沙盘 (/policies/sandbox, province HRSS): assume other parameter values (e.g. the SME
 * refund rate at 90 %), rerun the policy over the real register, and compare: who gains, who
 * loses, and the cost by region, tier and industry before and after. Live decisions are untouched.
 */
export default function PolicySandboxPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<SandboxValues>();
  const catalogue = useRemoteData(listPolicies, 'catalogue');
  const policies = useMemo(() => catalogue.data?.items ?? [], [catalogue.data]);
  const [code, setCode] = useState<string>();
  const chosen = code ?? policies.find((policy) => policy.code === 'stable_jobs_refund')?.code ?? policies[0]?.code;
  const detail = useRemoteData(() => (chosen ? getPolicy(chosen) : Promise.resolve(undefined)), chosen ?? '');
  const policy = detail.data?.code === chosen ? detail.data : undefined;
  const [run, setRun] = useState<SandboxRun>();
  const [error, setError] = useState<unknown>();
  const [isRunning, setIsRunning] = useState(false);

  useEffect(() => {
    if (!policy) return;
    const first = startRow(policy.parameters.find((parameter) => parameter.type === 'percent') ?? policy.parameters[0]);
    form.setFieldsValue({ date: defaultCalculationDate(policies), note: undefined, changes: first ? [first] : [] });
  }, [policy, policies, form]);

  async function start(values: SandboxValues) {
    if (!policy) return;
    const changes: SandboxRun['changes'] = {};
    try {
      for (const change of values.changes) {
        const parameter = policy.parameters.find((candidate) => candidate.name === change.parameter);
        const value = valueOf(change.value, parameter?.type ?? 'number', (parameter?.indexed_by.length ?? 0) > 0);
        (changes[change.parameter] ??= []).push({ from: change.from, region: change.region, value });
      }
    } catch {
      setError(new ApiError(0, 'VALIDATION_FAILED', t('policy.edit.badTable')));
      return;
    }
    setIsRunning(true);
    setError(undefined);
    try {
      setRun(await runSandbox(policy.code, { date: values.date, changes, note: values.note?.trim() || undefined }));
    } catch (cause) {
      setError(cause);
    } finally {
      setIsRunning(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('sandbox.title')}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('sandbox.intro')} />
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('policy.policy')}</Typography.Text>
          <Select
            aria-label={t('policy.policy')}
            value={chosen}
            style={{ width: 280 }}
            options={policies.map((policy) => ({ value: policy.code, label: policy.name }))}
            onChange={(next: string) => {
              setCode(next);
              setRun(undefined);
            }}
          />
        </Space>
        <LoadError error={catalogue.error ?? detail.error} />
        {policy && (
          <Form<SandboxValues> form={form} layout="vertical" onFinish={(values) => void start(values)} aria-label={t('sandbox.title')}>
            <Space wrap>
              <Form.Item name="date" label={t('sandbox.date')} rules={[{ required: true }]}>
                <Input type="date" style={{ width: 170 }} />
              </Form.Item>
              <Form.Item name="note" label={t('sandbox.note')}>
                <Input maxLength={500} style={{ width: 360 }} />
              </Form.Item>
            </Space>
            <Form.List name="changes">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <ChangeFields key={field.key} policy={policy} index={field.name} form={form} onRemove={() => remove(field.name)} />
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add(startRow(policy.parameters[0]))} style={{ marginBottom: 16 }}>
                    {t('sandbox.addChange')}
                  </Button>
                </>
              )}
            </Form.List>
            <div>
              <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={isRunning}>
                {t('sandbox.run')}
              </Button>
            </div>
          </Form>
        )}
        <div style={{ marginTop: 16 }}>
          <LoadError error={error} />
        </div>
      </Card>
      {run && run.code === chosen && <SandboxResults run={run} />}
    </Space>
  );
}
