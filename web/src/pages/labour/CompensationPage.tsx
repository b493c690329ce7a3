import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  COMPENSATION_KINDS,
  calculateCompensation,
  type CompensationKind,
  type CompensationResult,
} from '../../api/labour.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatYuan } from '../../utils/format.ts';
import { JIANGSU_REGIONS } from '../../utils/jiangsuRegions.ts';
import { ExplanationLines } from '../policies/PolicyResult.tsx';
import { AverageWagesCard } from './AverageWagesCard.tsx';

interface FormValues {
  kind: CompensationKind;
  wage: string;
  from: { format(pattern: string): string };
  to: { format(pattern: string): string };
  region?: string;
}

const DATE_FORMAT = 'YYYY-MM-DD';

/**
 * 经济补偿计算 (/labour/compensation): 经济补偿, 赔偿金 and 代通知金 for arbitrators and mediators,
 * each step explained with its clause as the server wrote it (the same object as `yangfan compensation`).
 */
export default function CompensationPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [result, setResult] = useState<CompensationResult>();
  const [error, setError] = useState<unknown>();
  const [isRunning, setIsRunning] = useState(false);

  function run(values: FormValues) {
    setIsRunning(true);
    setError(undefined);
    calculateCompensation({
      kind: values.kind,
      wage: values.wage.trim(),
      from: values.from.format(DATE_FORMAT),
      to: values.to.format(DATE_FORMAT),
      region: values.region || undefined,
    })
      .then(setResult)
      .catch((caught: unknown) => {
        setResult(undefined);
        setError(caught);
      })
      .finally(() => setIsRunning(false));
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('labour.compensation.title')}>
        <Typography.Paragraph type="secondary">{t('labour.compensation.hint')}</Typography.Paragraph>
        <Form<FormValues>
          name="compensation"
          layout="vertical"
          initialValues={{ kind: 'severance' }}
          onFinish={run}
          style={{ maxWidth: 560 }}
        >
          <Form.Item label={t('labour.compensation.kind')} name="kind" rules={[{ required: true }]}>
            <Select
              options={COMPENSATION_KINDS.map((kind) => ({
                value: kind,
                label: t(`labour.compensation.kind.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t('labour.compensation.wage')}
            name="wage"
            extra={t('labour.compensation.wageHint')}
            rules={[{ required: true, pattern: /^\d{1,9}(\.\d{1,2})?$/ }]}
          >
            <Input inputMode="decimal" data-testid="compensation-wage" />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('labour.compensation.from')} name="from" rules={[{ required: true }]}>
              <DatePicker format={DATE_FORMAT} data-testid="compensation-from" />
            </Form.Item>
            <Form.Item label={t('labour.compensation.to')} name="to" rules={[{ required: true }]}>
              <DatePicker format={DATE_FORMAT} data-testid="compensation-to" />
            </Form.Item>
          </Space>
          <Form.Item label={t('labour.compensation.region')} name="region" extra={t('labour.compensation.regionHint')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={JIANGSU_REGIONS.map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isRunning}>
            {t('labour.compensation.calculate')}
          </Button>
        </Form>
      </Card>
      {error !== undefined && <Alert type="error" showIcon role="alert" title={errorText(error)} />}
      {result && <CompensationResultCard result={result} />}
      <AverageWagesCard />
    </Space>
  );
}

/** The amount with its months and tenure, then each step with its clause. */
export function CompensationResultCard({ result }: { result: CompensationResult }) {
  const { t } = useI18n();
  return (
    <Card title={t(`labour.compensation.kind.${result.kind}`)} data-testid="compensation-result">
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t('labour.compensation.amount')}>
          <Typography.Text strong data-testid="compensation-amount">
            {formatYuan(result.amount_fen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('labour.compensation.months')}>{result.months}</Descriptions.Item>
        <Descriptions.Item label={t('labour.compensation.tenure')}>
          {t('labour.compensation.tenureValue', result.tenure)}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ margin: '8px 0' }}>
        {result.is_capped && <Tag color="orange">{t('labour.compensation.capped')}</Tag>}
        {result.kind !== 'notice' && !result.is_cap_checked && <Tag>{t('labour.compensation.capUnchecked')}</Tag>}
      </Space>
      <Typography.Title level={5}>{t('labour.compensation.steps')}</Typography.Title>
      <ExplanationLines lines={result.explanation} />
    </Card>
  );
}
