import { Button, DatePicker, Form, Input, Select, Space, type GetProps } from 'antd';
import type { AuditQuery } from '../../api/audit.ts';
import { auditActionName } from '../../locales/codeNames.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { zhCN } from '../../locales/zh-CN.ts';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];

interface FilterValues {
  action?: string;
  username?: string;
  outcome?: string;
  period?: RangeValue;
}

export type AuditFilter = Pick<AuditQuery, 'action' | 'username' | 'outcome' | 'from' | 'to'>;

function toFilter(values: FilterValues): AuditFilter {
  const [from, to] = values.period ?? [];
  return {
    action: values.action?.trim() || undefined,
    username: values.username?.trim() || undefined,
    outcome: (values.outcome || undefined) as AuditQuery['outcome'],
    from: from?.format('YYYY-MM-DD'),
    to: to?.format('YYYY-MM-DD'),
  };
}

/** The actions that have a name (codes.zh-CN.ts), for the action filter. */
const NAMED_ACTIONS = Object.keys(zhCN).flatMap((key) => {
  const action = /^code\.action\.(.+)$/.exec(key)?.[1];
  return action && action !== 'unknown' && action !== 'import' ? [action] : [];
});

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

/** The filter bar of 审计日志: action, user, outcome, period. */
export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form<FilterValues>
      form={form}
      name="auditFilter"
      layout="inline"
      onFinish={(values) => onChange(toFilter(values))}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item label={t('audit.action')} name="action">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          options={NAMED_ACTIONS.map((action) => ({ value: action, label: auditActionName(t, action) }))}
        />
      </Form.Item>
      <Form.Item label={t('audit.username')} name="username">
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label={t('audit.outcome')} name="outcome">
        <Select
          allowClear
          style={{ width: 120 }}
          options={AUDIT_OUTCOMES.map((value) => ({ value, label: t(`audit.outcome.${value}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('audit.dateRange')} name="period">
        <DatePicker.RangePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
