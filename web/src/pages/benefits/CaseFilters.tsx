import { Checkbox, Form, InputNumber, Select } from 'antd';
import { BENEFIT_POLICIES, type CaseQuery, type CaseState } from '../../api/benefits.ts';
import { BENEFIT_CITIES } from './cityNames.ts';
import { CASE_STATES, useBenefitsText } from './benefitsText.ts';

interface CaseFiltersProps {
  query: CaseQuery;
  onChange: (change: Partial<CaseQuery>) => void;
  /** The province filters by city; a city sees its region only. */
  showRegion: boolean;
}

/** Policy, state, region, match run and “overdue only” filters of an official's case list. */
export function CaseFilters({ query, onChange, showRegion }: CaseFiltersProps) {
  const { bt, policyName, stateName } = useBenefitsText();
  return (
    <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item label={bt('benefits.policy')} htmlFor="benefit-policy">
        <Select
          id="benefit-policy"
          allowClear
          placeholder={bt('benefits.all')}
          style={{ width: 180 }}
          value={query.policy}
          options={BENEFIT_POLICIES.map((code) => ({ value: code, label: policyName(code) }))}
          onChange={(policy: string | undefined) => onChange({ policy })}
        />
      </Form.Item>
      <Form.Item label={bt('benefits.state')} htmlFor="benefit-state">
        <Select
          id="benefit-state"
          allowClear
          placeholder={bt('benefits.all')}
          style={{ width: 170 }}
          value={query.state}
          options={CASE_STATES.map((state) => ({ value: state, label: stateName(state) }))}
          onChange={(state: CaseState | undefined) => onChange({ state })}
        />
      </Form.Item>
      {showRegion && (
        <Form.Item label={bt('benefits.city')} htmlFor="benefit-region">
          <Select
            id="benefit-region"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={bt('benefits.all')}
            style={{ width: 140 }}
            value={query.region}
            options={BENEFIT_CITIES.map((region) => ({ value: region.code, label: region.name }))}
            onChange={(region: string | undefined) => onChange({ region })}
          />
        </Form.Item>
      )}
      <Form.Item label={bt('benefits.review.runFilter')} htmlFor="benefit-run">
        <InputNumber
          id="benefit-run"
          min={1}
          precision={0}
          style={{ width: 110 }}
          value={query.run ?? null}
          onChange={(run) => onChange({ run: run ?? undefined })}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox
          checked={query.overdue ?? false}
          onChange={(event) => onChange({ overdue: event.target.checked || undefined })}
        >
          {bt('benefits.review.overdueOnly')}
        </Checkbox>
      </Form.Item>
    </Form>
  );
}
