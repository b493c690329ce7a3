import { DownloadOutlined } from '@ant-design/icons';
import { Button, Cascader, DatePicker, Form, Input, Select, Space, type DatePickerProps } from 'antd';
import { useMemo } from 'react';
import { SIZES, TIERS, type EnterpriseSize, type RegisterFilter, type Tier } from '../../api/enterprises.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { industryOptions, regionTree, useIndustries, useRegions } from '../../components/referenceOptions.ts';
import { useI18n } from '../../locales/i18n.tsx';

// A single picked date (antd's Dayjs), without importing dayjs ourselves.
type DateValue = Exclude<DatePickerProps['value'], unknown[]>;

/** The form's values; kept by the page so that coming back from a detail restores them. */
export interface FilterValues {
  /** The cascader's path: [city] or [city, county]. */
  region?: string[];
  tier?: Tier;
  industry?: string;
  size?: EnterpriseSize;
  validOn?: DateValue;
  q?: string;
}

/** The API filter the form's values stand for (empty fields are left out). */
export function toRegisterFilter(values: FilterValues): RegisterFilter {
  return {
    region: values.region?.at(-1),
    tier: values.tier,
    industry: values.industry,
    size: values.size,
    validOn: values.validOn?.format('YYYY-MM-DD'),
    q: values.q?.trim() || undefined,
  };
}

interface EnterpriseFiltersProps {
  initialValues: FilterValues;
  onChange: (values: FilterValues) => void;
  onExport: () => void;
  isExporting: boolean;
}

/** The filter bar of 企业培育库: 地区, 梯度类型, 行业, 企业规模, 有效日期, 关键字, and the export. */
export function EnterpriseFilters({ initialValues, onChange, onExport, isExporting }: EnterpriseFiltersProps) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [form] = Form.useForm<FilterValues>();
  const regions = useRegions();
  const industries = useIndustries();
  const tree = useMemo(() => regionTree(regions, user), [regions, user]);
  const industryChoices = useMemo(() => industryOptions(industries, t), [industries, t]);

  return (
    <Form<FilterValues>
      form={form}
      name="enterpriseFilter"
      layout="inline"
      initialValues={initialValues}
      onFinish={onChange}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item label={t('enterprises.region')} name="region">
        <Cascader
          options={tree}
          changeOnSelect
          showSearch
          allowClear
          placeholder={t('enterprises.regionPlaceholder')}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item label={t('enterprises.tier')} name="tier">
        <Select
          allowClear
          style={{ width: 190 }}
          options={TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('enterprises.industry')} name="industry">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('enterprises.industryPlaceholder')}
          style={{ width: 240 }}
          options={industryChoices}
          popupMatchSelectWidth={360}
        />
      </Form.Item>
      <Form.Item label={t('enterprises.size')} name="size">
        <Select
          allowClear
          style={{ width: 100 }}
          options={SIZES.map((size) => ({ value: size, label: t(`size.${size}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('enterprises.validOn')} name="validOn">
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item label={t('common.keyword')} name="q">
        <Input allowClear placeholder={t('enterprises.keywordPlaceholder')} style={{ width: 200 }} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({
              region: undefined,
              tier: undefined,
              industry: undefined,
              size: undefined,
              validOn: undefined,
              q: undefined,
            });
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={isExporting} onClick={onExport}>
          {t('common.export')}
        </Button>
      </Space>
    </Form>
  );
}
