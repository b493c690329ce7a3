import { AppError } from '../../platform/errors.ts';
import { addDays, parseIsoDate, toDayNumber } from '../../platform/iso-date.ts';
import { formatYuan } from '../../policies/values.ts';
import { labourReference, parameterOn } from './labour-parameters.ts';

/**
 * The statutory-compensation calculator (pure): 经济补偿 by years of service (劳动合同法 第四十七条),
 * 赔偿金 at twice that standard for an unlawful termination (第八十七条) and 代通知金, one month's
 * wage in lieu of notice (第四十条). Each step is explained in plain Chinese with its clause, in
 * the policy calculator's style (“名称 = 算式 = 结果（出处）”, the amount on the last line after “→”).
 * Every number of the rule comes from reference/labour/compensation.json, taken on the end date.
 */

export type CompensationKind = 'severance' | 'unlawful' | 'notice';
export const COMPENSATION_KINDS: readonly CompensationKind[] = ['severance', 'unlawful', 'notice'];

export interface AverageWage {
  /** The region whose figure is used (a county takes its city's figure). */
  regionCode: string;
  regionName: string;
  /** The statistics year of the figure (the year before the end date: “上年度”). */
  year: number;
  monthlyFen: number;
  source: string;
}

export interface CompensationInput {
  kind: CompensationKind;
  /** For 经济补偿 and 赔偿金: the average monthly wage of the last 12 months; for 代通知金: last month's wage. */
  monthlyWageFen: number;
  /** First day of employment. */
  from: string;
  /** Last day of employment (the day the contract ended). */
  to: string;
  /** The local average monthly wage of the previous year, when known; without it the 3× cap is not checked. */
  averageWage?: AverageWage | null;
}

export interface Tenure {
  years: number;
  months: number;
  days: number;
}

export interface CompensationResult {
  kind: CompensationKind;
  amount_fen: number;
  /** The months of wage paid (after the 12-year cap for high earners). */
  months: number;
  /** The monthly wage the months are paid at (the 3× figure when capped). */
  wage_basis_fen: number;
  tenure: Tenure;
  is_capped: boolean;
  /** False when no local average wage was given, so the 3× cap could not be checked. */
  is_cap_checked: boolean;
  explanation: string[];
}

const FILE = 'compensation';

/** Computes the amount of one kind with its explanation; refuses inputs the law does not cover here. */
export function calculateCompensation(input: CompensationInput): CompensationResult {
  checkInput(input);
  const tenure = tenureBetween(input.from, input.to);
  if (input.kind === 'notice') return noticePay(input, tenure);
  const severance = severancePay(input, tenure);
  if (input.kind === 'severance') return severance;
  const multiple = parameterOn(FILE, 'unlawful_multiple', input.to);
  const amount = severance.amount_fen * multiple.value;
  return {
    ...severance,
    kind: 'unlawful',
    amount_fen: amount,
    explanation: [
      ...severance.explanation.slice(0, -1),
      severance.explanation.at(-1)!.replace(/^→ /, ''),
      `→ 赔偿金 = 经济补偿 ${formatYuan(severance.amount_fen)} × ${multiple.value} = ${formatYuan(amount)}（${citeOf(multiple.source)}）`,
    ],
  };
}

/** Whole years, then whole months, then days of service from `from` to `to`, both days included. */
export function tenureBetween(from: string, to: string): Tenure {
  const end = addDays(to, 1);
  let totalMonths = 0;
  while (addMonthsClamped(from, totalMonths + 1) <= end) totalMonths += 1;
  const days = toDayNumber(end) - toDayNumber(addMonthsClamped(from, totalMonths));
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12, days };
}

/** The same day n months later; a day past the end of the target month becomes its last day (1-31 + 1 month = 2-28/29). */
export function addMonthsClamped(date: string, n: number): string {
  const { year, month, day } = parseIsoDate(date)!;
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

function checkInput(input: CompensationInput): void {
  if (!Number.isSafeInteger(input.monthlyWageFen) || input.monthlyWageFen <= 0)
    throw new AppError('VALIDATION_FAILED', '月工资应为大于 0 的金额（元，最多两位小数）');
  if (input.to < input.from) throw new AppError('VALIDATION_FAILED', `离职日期 ${input.to} 早于入职日期 ${input.from}`);
  const { law_effective_from: law } = labourReference<{ law_effective_from: { date: string; source: string } }>(FILE);
  if (input.kind !== 'notice' && input.from < law.date)
    throw new AppError(
      'COMPENSATION_NOT_APPLICABLE',
      `入职日期 ${input.from} 早于 ${law.date}：此前的工作年限按当时有关规定计算，本计算器只计 ${law.date} 起的年限（${citeOf(law.source)}），请分段核算`,
    );
}

function severancePay(input: CompensationInput, tenure: Tenure): CompensationResult {
  const on = (key: string) => parameterOn(FILE, key, input.to);
  const perYear = on('months_per_full_year');
  const threshold = on('remainder_full_year_months');
  const short = on('months_for_short_remainder');
  const hasRemainder = tenure.months > 0 || tenure.days > 0;
  const remainderMonths = tenure.months >= threshold.value ? perYear.value : hasRemainder ? short.value : 0;
  const fullYearMonths = tenure.years * perYear.value;
  const lines = [
    `工作年限 = ${input.from} 至 ${input.to} = ${tenureText(tenure)}（${citeOf(perYear.source)}）`,
    `满一年的部分：${tenure.years} 年 × ${perYear.value} 个月 = ${fullYearMonths} 个月（${citeOf(perYear.source)}）`,
    remainderLine(tenure, remainderMonths, threshold, short),
  ];
  let months = fullYearMonths + remainderMonths;
  lines.push(`计发月数 = ${fullYearMonths} + ${remainderMonths} = ${months} 个月`);

  let basis = input.monthlyWageFen;
  const cap = capLines(input, months);
  lines.push(...cap.lines);
  if (cap.isCapped) {
    basis = cap.basisFen;
    months = cap.months;
  }
  const amount = roundHalfUpFen(months * basis);
  lines.push(
    `→ 经济补偿 = ${months} 个月 × ${formatYuan(basis)} = ${formatYuan(amount)}（${citeOf(perYear.source).replace(/第一款$/, '')}）`,
  );
  return {
    kind: 'severance',
    amount_fen: amount,
    months,
    wage_basis_fen: basis,
    tenure,
    is_capped: cap.isCapped,
    is_cap_checked: Boolean(input.averageWage),
    explanation: lines,
  };
}

function remainderLine(
  tenure: Tenure,
  remainderMonths: number,
  threshold: ReturnType<typeof parameterOn>,
  short: ReturnType<typeof parameterOn>,
): string {
  const remainder = `${tenure.months} 个月 ${tenure.days} 天`;
  if (tenure.months >= threshold.value)
    return `不满一年的部分 ${remainder} ≥ ${threshold.value} 个月，按一年计算 = ${remainderMonths} 个月（${citeOf(threshold.source)}）`;
  if (remainderMonths > 0)
    return `不满一年的部分 ${remainder} < ${threshold.value} 个月，支付半个月工资 = ${remainderMonths} 个月（${citeOf(short.source)}）`;
  return `不满一年的部分：无（工作年限恰为整年）`;
}

function capLines(
  input: CompensationInput,
  months: number,
): { lines: string[]; isCapped: boolean; basisFen: number; months: number } {
  const multiple = parameterOn(FILE, 'high_wage_multiple', input.to);
  const maxYears = parameterOn(FILE, 'high_wage_max_years', input.to);
  const perYear = parameterOn(FILE, 'months_per_full_year', input.to);
  const cite = citeOf(multiple.source);
  const average = input.averageWage;
  if (!average)
    return {
      lines: [
        `未提供本地区上年度职工月平均工资：未核对${multiple.value}倍封顶（${cite}）；月工资高于该数${multiple.value}倍的，应按${multiple.value}倍计发且年限最高${maxYears.value}年`,
      ],
      isCapped: false,
      basisFen: input.monthlyWageFen,
      months,
    };
  const capFen = average.monthlyFen * multiple.value;
  const figure = `${average.regionName}${average.year}年职工月平均工资 ${formatYuan(average.monthlyFen)}（${average.source}）`;
  if (input.monthlyWageFen <= capFen)
    return {
      lines: [
        `月工资 ${formatYuan(input.monthlyWageFen)} ≤ ${figure} × ${multiple.value} = ${formatYuan(capFen)}，按实际月工资计发（${cite}）`,
      ],
      isCapped: false,
      basisFen: input.monthlyWageFen,
      months,
    };
  const maxMonths = maxYears.value * perYear.value;
  const capped = Math.min(months, maxMonths);
  return {
    lines: [
      `月工资 ${formatYuan(input.monthlyWageFen)} > ${figure} × ${multiple.value} = ${formatYuan(capFen)}，按 ${formatYuan(capFen)}计发（${cite}）`,
      `计发月数 = min(${months}, ${maxYears.value} 年 × ${perYear.value} 个月) = ${capped} 个月（${citeOf(maxYears.source)}）`,
    ],
    isCapped: true,
    basisFen: capFen,
    months: capped,
  };
}

function noticePay(input: CompensationInput, tenure: Tenure): CompensationResult {
  const notice = parameterOn(FILE, 'notice_months', input.to);
  const amount = roundHalfUpFen(notice.value * input.monthlyWageFen);
  return {
    kind: 'notice',
    amount_fen: amount,
    months: notice.value,
    wage_basis_fen: input.monthlyWageFen,
    tenure,
    is_capped: false,
    is_cap_checked: false,
    explanation: [
      `用人单位未提前三十日书面通知而解除劳动合同的，额外支付${notice.value}个月工资，按劳动者上一个月的工资标准确定，不设封顶（劳动合同法 第四十条；劳动合同法实施条例 第二十条）`,
      `→ 代通知金 = ${notice.value} 个月 × ${formatYuan(input.monthlyWageFen)} = ${formatYuan(amount)}（劳动合同法 第四十条）`,
    ],
  };
}

function tenureText(tenure: Tenure): string {
  return `${tenure.years} 年 ${tenure.months} 个月 ${tenure.days} 天`;
}

/** The clause of a cited source: the text before its quotation (“劳动合同法 第四十七条第一款”). */
function citeOf(source: string): string {
  return source.split('：')[0]!;
}

/** Half a month of a wage in fen may end in half a fen: rounded half-up to the fen. */
function roundHalfUpFen(fen: number): number {
  return Math.floor(fen + 0.5);
}
