import { Alert, Button, Card, Col, DatePicker, Form, InputNumber, Row, Typography, type DatePickerProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { isApiError } from '../../api/client.ts';
import { addWorkdays, countWorkdays } from '../../api/tools.ts';
import { useErrorText, useI18n } from '../../locales/i18n.tsx';

// A single picked date (antd's Dayjs), without importing dayjs ourselves.
type DateValue = Exclude<DatePickerProps['value'], unknown[]>;

const DATE_FORMAT = 'YYYY-MM-DD';

/** The outcome of one calculation: a result line, or why there is none. */
interface Outcome {
  text?: string;
  error?: unknown;
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  const errorText = useErrorText();
  if (outcome.error !== undefined) {
    // Outside the published holiday calendar the answer would be a guess, so say so plainly.
    const isNotCovered = isApiError(outcome.error) && outcome.error.code === 'CALENDAR_NOT_COVERED';
    return <Alert type={isNotCovered ? 'warning' : 'error'} showIcon role="alert" title={errorText(outcome.error)} />;
  }
  if (!outcome.text) return null;
  return <Alert type="success" showIcon role="status" title={outcome.text} />;
}

/** Runs a calculation and keeps its outcome for display. */
function useCalculation(): [Outcome, boolean, (run: () => Promise<string>) => void] {
  const [outcome, setOutcome] = useState<Outcome>({});
  const [isRunning, setIsRunning] = useState(false);
  function calculate(run: () => Promise<string>) {
    setIsRunning(true);
    run()
      .then((text) => setOutcome({ text }))
      .catch((error: unknown) => setOutcome({ error }))
      .finally(() => setIsRunning(false));
  }
  return [outcome, isRunning, calculate];
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </section>
  );
}

/** 工作日计算 on the official Chinese working-day calendar (weekends, holidays, 调休). */
export function WorkdaysCard() {
  const { t } = useI18n();
  const [addOutcome, isAdding, runAdd] = useCalculation();
  const [betweenOutcome, isCounting, runBetween] = useCalculation();
  const dateRule = { required: true, message: t('tools.dateRequired') };

  return (
    <Card title={t('tools.workdays')}>
      <Row gutter={[32, 24]}>
        <Col xs={24} lg={12}>
          <Section title={t('tools.addTitle')}>
            <Form<{ date: DateValue; n: number }>
              name="workdaysAdd"
              layout="inline"
              initialValues={{ n: 5 }}
              style={{ rowGap: 12, marginBottom: 12 }}
              onFinish={({ date, n }) =>
                runAdd(async () => {
                  const result = await addWorkdays(date?.format(DATE_FORMAT) ?? '', n);
                  return t('tools.addResult', { n, date: result.date });
                })
              }
            >
              <Form.Item label={t('tools.startDate')} name="date" rules={[dateRule]}>
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
              <Form.Item label={t('tools.workdayCount')} name="n" rules={[{ required: true }]}>
                <InputNumber min={-3650} max={3650} precision={0} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={isAdding}>
                {t('tools.calculate')}
              </Button>
            </Form>
            <OutcomeAlert outcome={addOutcome} />
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('tools.betweenTitle')}>
            <Form<{ from: DateValue; to: DateValue }>
              name="workdaysBetween"
              layout="inline"
              style={{ rowGap: 12, marginBottom: 12 }}
              onFinish={({ from, to }) =>
                runBetween(async () => {
                  const result = await countWorkdays(from?.format(DATE_FORMAT) ?? '', to?.format(DATE_FORMAT) ?? '');
                  return t('tools.betweenResult', { workdays: result.workdays });
                })
              }
            >
              <Form.Item label={t('tools.fromDate')} name="from" rules={[dateRule]}>
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
              <Form.Item label={t('tools.toDate')} name="to" rules={[dateRule]}>
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={isCounting}>
                {t('tools.calculate')}
              </Button>
            </Form>
            <OutcomeAlert outcome={betweenOutcome} />
          </Section>
        </Col>
      </Row>
    </Card>
  );
}
