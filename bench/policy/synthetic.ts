import { toDayNumber } from '../../src/platform/iso-date.ts';
import { allocateColumns, setFactValue, type FactColumns } from '../../src/policies/columns.ts';
import { yearOfDay } from '../../src/policies/dates.ts';
import type { Policy } from '../../src/policies/types.ts';

/**
 * Synthetic facts for the policy benchmark: seeded, plausible distributions per starter policy,
 * written straight into typed columns, with about 2% of values missing so that the three-valued
 * paths (undetermined, Kleene) run at scale too.
 */

/** County and city codes spread over Jiangsu, with the cities that carry their own values; 310115 lies outside the scope. */
const REGIONS = [
  '320102',
  '320105',
  '320115',
  '320205',
  '320214',
  '320282',
  '320311',
  '320412',
  '320505',
  '320583',
  '320612',
  '320685',
  '320703',
  '320812',
  '320902',
  '320981',
  '321002',
  '321084',
  '321112',
  '321202',
  '321283',
  '321302',
  '321322',
  '310115',
];

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Put = (name: string, value: number | string) => void;
type RowWriter = (put: Put, random: () => number) => void;

// Date bounds parsed once: parsing per row would dominate generating a million rows.
const DAYS = {
  hireFrom: toDayNumber('2023-06-01'),
  hireTo: toDayNumber('2025-12-31'),
  birthFrom: toDayNumber('1995-01-01'),
  birthTo: toDayNumber('2009-06-30'),
  graduateFrom: toDayNumber('2022-06-30'),
  graduateTo: toDayNumber('2025-06-30'),
};
const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const WRITERS: Record<string, RowWriter> = {
  stable_jobs_refund(put, random) {
    const average = Math.max(1, Math.round(Math.exp(random() * 8)));
    const january = Math.round(average * (1 + (random() - 0.4) * 0.2));
    const retired = between(random, 0, Math.ceil(average / 50));
    put('ui_months_paid_last_year', random() < 0.9 ? 12 : between(random, 0, 11));
    put('insured_avg_last_year', average);
    put('insured_jan_last_year', january);
    put(
      'insured_dec_last_year',
      Math.max(0, january - between(random, 0, Math.ceil(average * 0.1)) - retired + between(random, 0, 3)),
    );
    put('retired_or_deceased_last_year', retired);
    put('ui_contributions_last_year', average * between(random, 30_000, 45_000));
    put('enterprise_size', average > 1000 ? '大型' : average > 300 ? '中型' : average > 20 ? '小型' : '微型');
    put('refunded_for_last_year', Number(random() < 0.02));
  },
  job_expansion_subsidy(put, random) {
    const hired = between(random, DAYS.hireFrom, DAYS.hireTo);
    const hireYear = yearOfDay(hired);
    put('hire_date', hired);
    put('insured_months_in_spell', between(random, 0, 12));
    put('is_college_graduate', Number(random() < 0.5));
    put('graduation_year', hireYear - between(random, 0, 4));
    put('birth_date', between(random, DAYS.birthFrom, DAYS.birthTo));
    put('has_open_unemployment_registration', Number(random() < 0.4));
    put('already_counted', Number(random() < 0.05));
    put('received_absorption_subsidy', Number(random() < 0.03));
  },
  social_insurance_subsidy(put, random) {
    put('industry_category', pick(random, ['制造业', '制造业', '生活服务业', '其他']));
    put('enterprise_size', pick(random, ['大型', '中型', '小型', '小型', '微型']));
    put('is_college_graduate', Number(random() < 0.5));
    put('graduation_year', between(random, 2021, 2025));
    put('is_unemployed_since_leaving_school', Number(random() < 0.5));
    put('continuous_unemployment_months', between(random, 0, 12));
    put('is_poverty_monitored', Number(random() < 0.03));
    put('contract_term', pick(random, ['一年以上', '一年以上', '无固定期限', '不满一年']));
    put('personal_contribution_monthly', between(random, 20_000, 90_000));
    put('months_contributed', between(random, 0, 14));
  },
  internship_subsidy(put, random) {
    const graduated = between(random, DAYS.graduateFrom, DAYS.graduateTo);
    put('graduation_date', graduated);
    put('internship_start_date', graduated + between(random, -120, 900));
    put('is_unemployed_at_start', Number(random() < 0.8));
    put('internship_months', between(random, 1, 9));
    put('min_wage_class', pick(random, ['一类', '二类', '三类']));
    put('is_retained', Number(random() < 0.5));
    put('unit_retention_rate', random());
  },
  skills_upgrade_subsidy(put, random) {
    put('insured_months_total', between(random, 0, 200));
    put('certificate_level', pick(random, ['初级', '初级', '中级', '中级', '高级', '技师', '高级技师']));
    put('occupation_class', pick(random, ['A', 'B', 'C']));
    put('is_shortage_occupation', Number(random() < 0.3));
    put('claimed_same_occupation_level', Number(random() < 0.05));
    put('claims_this_year', between(random, 0, 3));
  },
};

/** Fills columns for `rows` synthetic rows of a starter policy; `missingRate` of values are left out. */
export function syntheticColumns(policy: Policy, rows: number, seed: number, missingRate = 0.02): FactColumns {
  const write = WRITERS[policy.code];
  if (!write) throw new Error(`没有政策 ${policy.code} 的合成数据生成器`);
  const random = seededRandom(seed);
  const columns = allocateColumns(policy, rows, REGIONS);
  for (let row = 0; row < rows; row++) {
    columns.regionIndex[row] = random() < 0.005 ? REGIONS.length - 1 : Math.floor(random() * (REGIONS.length - 1));
    write((name, value) => {
      if (random() >= missingRate) setFactValue(columns, policy.factsByName.get(name)!, row, value);
    }, random);
  }
  return columns;
}
