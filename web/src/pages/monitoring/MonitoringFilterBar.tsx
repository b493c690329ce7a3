import { Cascader, Form, Select } from 'antd';
import { useMemo } from 'react';
import { TIERS, type Tier } from '../../api/enterprises.ts';
import type { Region } from '../../api/reference.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { industryOptions, regionTree, useIndustries } from '../../components/referenceOptions.ts';
import { useI18n } from '../../locales/i18n.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import type { MonitoringFilters } from './useMonitoringFilters.ts';

interface MonitoringFilterBarProps {
  filters: MonitoringFilters;
  onChange: (change: Partial<MonitoringFilters>) => void;
  regions: readonly Region[];
  years: readonly number[];
}

/** The cascader path of a region code: [city] or [city, county]. */
function regionPath(code: string | undefined, regions: readonly Region[]): string[] | undefined {
  if (!code) return undefined;
  const region = regions.find((candidate) => candidate.code === code);
  return region?.level === 'county' && region.cityCode ? [region.cityCode, code] : [code];
}

/**
 * 期间, 地区, 梯度类型, 行业 of the dashboard. Each change applies at once (the answers are
 * pre-aggregated and cached). A city official's region list holds their own region only.
 */
export function MonitoringFilterBar({ filters, onChange, regions, years }: MonitoringFilterBarProps) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const industries = useIndustries();
  const tree = useMemo(() => regionTree(regions, user), [regions, user]);
  const industryChoices = useMemo(() => industryOptions(industries, t), [industries, t]);

  return (
    <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }} aria-label={t('monitoring.filters')}>
      <Form.Item label={t('monitoring.period')}>
        <PeriodPicker value={filters.period} years={years} onChange={(period) => onChange({ period })} />
      </Form.Item>
      <Form.Item label={t('monitoring.region')} htmlFor="monitoring-region">
        <Cascader
          id="monitoring-region"
          options={tree}
          value={regionPath(filters.region, regions)}
          changeOnSelect
          showSearch
          allowClear
          placeholder={user.role === 'city_hrss' ? (user.regionName ?? '') : t('monitoring.wholeProvince')}
          style={{ width: 200 }}
          onChange={(path) => onChange({ region: (path as string[] | undefined)?.at(-1) })}
        />
      </Form.Item>
      <Form.Item label={t('enterprises.tier')} htmlFor="monitoring-tier">
        <Select
          id="monitoring-tier"
          allowClear
          value={filters.tier}
          placeholder={t('common.all')}
          style={{ width: 190 }}
          options={TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))}
          onChange={(tier: Tier | undefined) => onChange({ tier })}
        />
      </Form.Item>
      <Form.Item label={t('enterprises.industry')} htmlFor="monitoring-industry">
        <Select
          id="monitoring-industry"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.industry}
          placeholder={t('common.all')}
          style={{ width: 240 }}
          options={industryChoices}
          popupMatchSelectWidth={360}
          onChange={(industry: string | undefined) => onChange({ industry })}
        />
      </Form.Item>
    </Form>
  );
}
