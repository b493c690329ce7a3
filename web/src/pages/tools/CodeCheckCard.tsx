import { Alert, Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { checkIdNumber, checkUscc, type CodeCheck } from '../../api/tools.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';
import { formatDate } from '../../utils/format.ts';

interface CodeCheckFormProps {
  name: string;
  title: string;
  maxLength: number;
  check: (value: string) => Promise<CodeCheck>;
}

/** One code field with its 校验 button and the verdict underneath. */
function CodeCheckForm({ name, title, maxLength, check }: CodeCheckFormProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [result, setResult] = useState<CodeCheck>();
  const [error, setError] = useState<unknown>();
  const [isChecking, setIsChecking] = useState(false);

  async function submit({ value }: { value: string }) {
    setIsChecking(true);
    setError(undefined);
    try {
      setResult(await check(value.trim().toUpperCase()));
    } catch (cause) {
      setResult(undefined);
      setError(cause);
    } finally {
      setIsChecking(false);
    }
  }

  return (
    <section>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Form<{ value: string }>
        name={name}
        layout="inline"
        onFinish={(values) => void submit(values)}
        style={{ rowGap: 12, marginBottom: 12 }}
      >
        <Form.Item
          label={title}
          name="value"
          rules={[{ required: true, whitespace: true, message: t('tools.valueRequired') }]}
          style={{ maxWidth: '100%' }}
        >
          <Input maxLength={maxLength} style={{ width: 240, maxWidth: '100%', fontFamily: 'monospace' }} allowClear />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isChecking}>
          {t('tools.check')}
        </Button>
      </Form>
      {error !== undefined && <Alert type="error" showIcon role="alert" title={errorText(error)} />}
      {result?.override && (
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('tools.overridden', { id: result.override.id })}
          description={
            <>
              <div>{result.message ?? result.reason}</div>
              {result.override.evidence !== undefined && (
                <div>
                  {t('tools.overrideEvidence', {
                    evidence: result.override.evidence,
                    at: formatDate(result.override.recordedAt),
                  })}
                </div>
              )}
            </>
          }
        />
      )}
      {result && !result.override && (
        <Alert
          type={result.valid ? 'success' : 'error'}
          showIcon
          role="status"
          title={result.valid ? t('tools.valid') : t('tools.invalid')}
          description={
            result.valid
              ? result.normalized && t('tools.normalized', { value: result.normalized })
              : (result.message ?? result.reason)
          }
        />
      )}
    </section>
  );
}

/** 代码校验: check digits of the unified social credit code and the citizen ID number. */
export function CodeCheckCard() {
  const { t } = useI18n();
  return (
    <Card title={t('tools.codeCheck')}>
      <Row gutter={[32, 24]}>
        <Col xs={24} lg={12}>
          <CodeCheckForm name="checkUscc" title={t('tools.usccTitle')} maxLength={18} check={checkUscc} />
        </Col>
        <Col xs={24} lg={12}>
          <CodeCheckForm name="checkId" title={t('tools.idTitle')} maxLength={18} check={checkIdNumber} />
        </Col>
      </Row>
    </Card>
  );
}
