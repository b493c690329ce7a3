import { Engine, type NestedCondition, type RuleProperties } from 'json-rules-engine';
import { toDayNumber } from '../../src/platform/iso-date.ts';
import type { FactColumns } from '../../src/policies/columns.ts';
import { bindParameters } from '../../src/policies/evaluate.ts';
import { isWithinRegion } from '../../src/policies/parameters.ts';
import type { Policy } from '../../src/policies/types.ts';
import { addMonths, ageOn, yearOfDay } from '../../src/policies/dates.ts';
import { multiplyMoney } from '../../src/policies/values.ts';

/**
 * The starter policies' rules for json-rules-engine, the benchmark's baseline: one rule per
 * condition, in the same order, so the first failed rule gives the same explanation code.
 * json-rules-engine cannot do arithmetic, so layoff rates, ages, date windows and amounts are
 * precomputed per row in plain JavaScript (counted in the baseline's time). It has no
 * three-valued logic: a missing fact simply fails its conditions.
 */

type Facts = Record<string, number | string | undefined>;
type Params = Record<string, number | number[]>;
const fact = (name: string, operator: string, value: unknown): NestedCondition =>
  ({ fact: name, operator, value }) as NestedCondition;
const all = (...conditions: NestedCondition[]): NestedCondition => ({ all: conditions });
const any = (...conditions: NestedCondition[]): NestedCondition => ({ any: conditions });
const num = (value: number | number[] | undefined) => value as number;

interface BaselineSpec {
  conditions: (p: Params) => NestedCondition[];
  precompute: (f: Facts, p: Params) => Facts;
}

const SPECS: Record<string, BaselineSpec> = {
  stable_jobs_refund: {
    conditions: (p) => [
      fact('ui_months_paid_last_year', 'greaterThanInclusive', p.required_paid_months),
      fact('refunded_for_last_year', 'equal', 0),
      any(
        all(
          fact('insured_avg_last_year', 'lessThanInclusive', p.small_enterprise_headcount),
          fact('layoff_rate', 'lessThanInclusive', p.layoff_rate_limit_small),
        ),
        all(
          fact('insured_avg_last_year', 'greaterThan', p.small_enterprise_headcount),
          fact('layoff_rate', 'lessThanInclusive', p.layoff_rate_limit),
        ),
      ),
    ],
    precompute: (f, p) => ({
      layoff_rate:
        Math.max(
          0,
          num(f.insured_jan_last_year as number) -
            num(f.insured_dec_last_year as number) -
            num(f.retired_or_deceased_last_year as number),
        ) / num(f.insured_avg_last_year as number),
      amount_fen: multiplyMoney(
        f.ui_contributions_last_year as number,
        num(f.enterprise_size === '大型' ? p.refund_rate_large : p.refund_rate_sme),
      ),
    }),
  },
  job_expansion_subsidy: {
    conditions: (p) => [
      all(
        fact('hire_date', 'greaterThanInclusive', p.hire_window_start),
        fact('hire_date', 'lessThanInclusive', p.hire_window_end),
      ),
      any(
        all(fact('is_college_graduate', 'equal', 1), fact('graduation_year', 'equal', { fact: 'hire_year' })),
        all(
          fact('is_college_graduate', 'equal', 1),
          fact('graduation_year', 'lessThan', { fact: 'hire_year' }),
          fact('graduation_year', 'greaterThanInclusive', { fact: 'earliest_graduation_year' }),
          fact('has_open_unemployment_registration', 'equal', 1),
        ),
        all(
          fact('age_at_hire', 'greaterThanInclusive', p.youth_min_age),
          fact('age_at_hire', 'lessThanInclusive', p.youth_max_age),
          fact('has_open_unemployment_registration', 'equal', 1),
        ),
      ),
      fact('insured_months_in_spell', 'greaterThanInclusive', p.min_insured_months),
      fact('already_counted', 'equal', 0),
      fact('received_absorption_subsidy', 'equal', 0),
    ],
    precompute: (f, p) => ({
      hire_year: yearOfDay(f.hire_date as number),
      earliest_graduation_year: yearOfDay(f.hire_date as number) - num(p.graduate_years_window),
      age_at_hire: ageOn(f.birth_date as number, f.hire_date as number),
      amount_fen: num(p.subsidy_per_hire),
    }),
  },
  social_insurance_subsidy: {
    conditions: (p) => [
      fact('industry_category', 'in', ['制造业', '生活服务业']),
      fact('enterprise_size', 'in', ['中型', '小型', '微型']),
      any(
        all(fact('is_college_graduate', 'equal', 1), fact('graduation_year', 'equal', p.graduate_year_of_policy)),
        all(
          fact('is_college_graduate', 'equal', 1),
          fact('graduation_year', 'greaterThanInclusive', p.earliest_unemployed_graduate_year),
          fact('graduation_year', 'lessThan', p.graduate_year_of_policy),
          fact('is_unemployed_since_leaving_school', 'equal', 1),
        ),
        fact('continuous_unemployment_months', 'greaterThanInclusive', p.min_unemployment_months),
        fact('is_poverty_monitored', 'equal', 1),
      ),
      fact('contract_term', 'in', ['一年以上', '无固定期限']),
      fact('months_contributed', 'greaterThanInclusive', 1),
    ],
    precompute: (f, p) => ({
      amount_fen: multiplyMoney(
        multiplyMoney(f.personal_contribution_monthly as number, num(p.subsidy_rate)),
        Math.min(f.months_contributed as number, num(p.max_subsidy_months)),
      ),
    }),
  },
  internship_subsidy: {
    conditions: (p) => [
      any(
        all(
          fact('graduation_date', 'lessThanInclusive', { fact: 'internship_start_date' }),
          fact('internship_start_date', 'lessThanInclusive', { fact: 'graduate_window_end' }),
          fact('is_unemployed_at_start', 'equal', 1),
        ),
        all(
          fact('internship_start_date', 'lessThan', { fact: 'graduation_date' }),
          fact('student_window_end', 'greaterThanInclusive', { fact: 'graduation_date' }),
        ),
      ),
      fact('internship_months', 'greaterThanInclusive', p.min_internship_months),
    ],
    precompute: (f, p) => {
      const wage = (p.min_wage_last_year as number[])[
        ['一类', '二类', '三类'].indexOf(f.min_wage_class as string)
      ] as number;
      const isRetainedAward =
        f.is_retained === 1 && (f.unit_retention_rate as number) >= num(p.retention_rate_threshold);
      return {
        graduate_window_end: addMonths(f.graduation_date as number, num(p.graduate_months_window)),
        student_window_end: addMonths(f.internship_start_date as number, num(p.student_months_before_graduation)),
        amount_fen:
          multiplyMoney(
            multiplyMoney(wage, num(p.subsidy_rate)),
            Math.min(f.internship_months as number, num(p.max_subsidy_months)),
          ) + (isRetainedAward ? num(p.retention_bonus) : 0),
      };
    },
  },
  skills_upgrade_subsidy: {
    conditions: (p) => [
      fact('insured_months_total', 'greaterThanInclusive', p.min_insured_months),
      fact('claimed_same_occupation_level', 'equal', 0),
      fact('claims_this_year', 'lessThan', p.max_claims_per_year),
    ],
    precompute: (f, p) => {
      const cell =
        ['A', 'B', 'C'].indexOf(f.occupation_class as string) * 5 +
        ['高级技师', '技师', '高级', '中级', '初级'].indexOf(f.certificate_level as string);
      const uplift = f.is_shortage_occupation === 1 ? num(p.shortage_uplift) : 0;
      return { amount_fen: multiplyMoney((p.standard as number[])[cell] as number, 1 + uplift) };
    },
  },
};

/** One row's answer from the baseline: outcome code, amount and failed-condition code. */
export interface BaselineAnswer {
  outcome: number;
  amountFen: number;
  code: number;
}

/** json-rules-engine set up with a policy's rules, evaluating rows of the benchmark's columns. */
export function createBaseline(policy: Policy, date: string) {
  const spec = SPECS[policy.code];
  if (!spec) throw new Error(`没有政策 ${policy.code} 的对照规则`);
  const day = toDayNumber(date);
  const paramsByRegion = new Map<string, Params>();
  const paramsFor = (region: string): Params => {
    if (!paramsByRegion.has(region))
      paramsByRegion.set(
        region,
        Object.fromEntries([...bindParameters(policy, day, region)].map(([name, value]) => [name, value.value])),
      );
    return paramsByRegion.get(region) as Params;
  };
  const rules: RuleProperties[] = spec.conditions(paramsFor('320000')).map((condition, index) => ({
    name: String(index),
    conditions: all(condition) as RuleProperties['conditions'],
    event: { type: `condition_${index}` },
  }));
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  return async function evaluateRow(columns: FactColumns, row: number): Promise<BaselineAnswer> {
    const region = columns.regions[columns.regionIndex[row] as number] as string;
    if (!policy.scope.some((root) => isWithinRegion(region, root))) return { outcome: 2, amountFen: 0, code: 254 };
    const facts = readRow(policy, columns, row);
    const result = await engine.run({ ...facts, ...spec.precompute(facts, paramsFor(region)) });
    const failed = result.failureResults.map((rule) => Number(rule.name)).sort((a, b) => a - b)[0];
    if (failed !== undefined) return { outcome: 2, amountFen: 0, code: failed };
    return {
      outcome: 1,
      amountFen: Number(result.almanac ? await result.almanac.factValue('amount_fen') : 0),
      code: 0,
    };
  };
}

function readRow(policy: Policy, columns: FactColumns, row: number): Facts {
  const facts: Facts = {};
  for (const definition of policy.facts) {
    const present = (((columns.present[definition.name]?.[row >>> 5] ?? 0) >>> (row & 31)) & 1) === 1;
    const value = columns.values[definition.name]?.[row] as number;
    facts[definition.name] = !present ? undefined : definition.values ? definition.values[value] : value;
  }
  return facts;
}
