import { Button, Form, Input, InputNumber, Radio, Select, type FormInstance } from 'antd';
import type { PolicyFact } from '../../api/policies.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { factAnswer } from './policyFormat.ts';

export type FactValues = Record<string, unknown>;

/** What Form.Item hands its control: the field's id, value and change handler. */
interface ControlProps {
  id?: string;
  // Each control has its own value type; Form.Item passes them through unchanged.
  value?: never;
  onChange?: never;
}

/** One question's input, by the fact's type: numbers with their unit, 元, %, a choice, 是/否, a date. */
function FactInput({ fact, ...control }: ControlProps & { fact: PolicyFact }) {
  const { t } = useI18n();
  switch (fact.type) {
    case 'money':
      return <InputNumber {...control} min={0} precision={2} style={{ width: 220 }} suffix={t('unit.分')} />;
    case 'percent':
      return <InputNumber {...control} min={0} max={100} style={{ width: 220 }} suffix="%" />;
    case 'number':
      return <InputNumber {...control} style={{ width: 220 }} suffix={fact.unit ?? undefined} />;
    case 'bool':
      return (
        <Radio.Group
          {...control}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
            { value: '', label: t('policy.unknown') },
          ]}
        />
      );
    case 'date':
      return <Input {...control} type="date" style={{ width: 220 }} />;
    default:
      return fact.values ? (
        <Select {...control} allowClear style={{ width: 220 }} options={fact.values.map((value) => ({ value, label: value }))} />
      ) : (
        <Input {...control} style={{ width: 220 }} />
      );
  }
}

/** The answers as the calculator reads them (unanswered questions left out, never zero). */
export function factsOf(facts: readonly PolicyFact[], values: FactValues): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const fact of facts) {
    const answer = factAnswer(fact.type, values[fact.name]);
    if (answer !== undefined) answers[fact.name] = answer;
  }
  return answers;
}

interface FactFormProps {
  form: FormInstance<FactValues>;
  facts: readonly PolicyFact[];
  /** Names of the questions the last answer still needs: marked until answered. */
  stillNeeded: ReadonlySet<string>;
  isCalculating: boolean;
  onCalculate: (values: FactValues) => void;
}

/** A form generated from the policy's facts: Chinese labels, units, and each fact's meaning on hover. */
export function FactForm({ form, facts, stillNeeded, isCalculating, onCalculate }: FactFormProps) {
  const { t } = useI18n();
  return (
    <Form<FactValues> form={form} name="facts" layout="horizontal" labelCol={{ flex: '240px' }} labelWrap onFinish={onCalculate} aria-label={t('policy.factsForm')}>
      {facts.map((fact) => {
        const isNeeded = stillNeeded.has(fact.name);
        return (
          <Form.Item
            key={fact.name}
            name={fact.name}
            label={fact.label}
            tooltip={fact.description}
            validateStatus={isNeeded ? 'warning' : undefined}
            help={isNeeded ? t('policy.stillNeeded') : undefined}
          >
            <FactInput fact={fact} />
          </Form.Item>
        );
      })}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={isCalculating}>
          {t('policy.calculate')}
        </Button>
      </Form.Item>
    </Form>
  );
}
