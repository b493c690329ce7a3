import { describe, expect, it } from 'vitest';
import { addMonthsClamped, calculateCompensation, tenureBetween, type AverageWage } from './compensation.ts';

// Amounts are computed by hand from 劳动合同法 第四十七条、第八十七条、第四十条 and written in fen.
const NANJING_2023: AverageWage = {
  regionCode: '320100',
  regionName: '南京市',
  year: 2023,
  monthlyFen: 1_000_000,
  source: '测试用数字',
};

function severance(from: string, to: string, wageFen: number, averageWage?: AverageWage) {
  return calculateCompensation({ kind: 'severance', monthlyWageFen: wageFen, from, to, averageWage });
}

describe('years of service (both days included)', () => {
  it('counts whole years, whole months and the days left', () => {
    expect(tenureBetween('2015-03-01', '2024-09-30')).toEqual({ years: 9, months: 7, days: 0 });
    expect(tenureBetween('2024-01-01', '2024-06-29')).toEqual({ years: 0, months: 5, days: 29 });
    expect(tenureBetween('2024-01-01', '2024-06-30')).toEqual({ years: 0, months: 6, days: 0 });
    expect(tenureBetween('2024-03-15', '2024-03-15')).toEqual({ years: 0, months: 0, days: 1 });
    expect(tenureBetween('2020-01-01', '2022-12-31')).toEqual({ years: 3, months: 0, days: 0 });
  });

  it('takes a day past the end of a month as its last day', () => {
    expect(addMonthsClamped('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2023-11-30', 3)).toBe('2024-02-29');
    expect(tenureBetween('2023-08-31', '2024-02-28')).toEqual({ years: 0, months: 6, days: 0 });
  });
});

describe('经济补偿 (第四十七条)', () => {
  it('pays one month per full year and a year for six months or more', () => {
    const result = severance('2015-03-01', '2024-09-30', 1_234_567);
    expect(result.months).toBe(10);
    expect(result.amount_fen).toBe(12_345_670);
    expect(result.explanation).toEqual([
      '工作年限 = 2015-03-01 至 2024-09-30 = 9 年 7 个月 0 天（劳动合同法 第四十七条第一款）',
      '满一年的部分：9 年 × 1 个月 = 9 个月（劳动合同法 第四十七条第一款）',
      '不满一年的部分 7 个月 0 天 ≥ 6 个月，按一年计算 = 1 个月（劳动合同法 第四十七条第一款）',
      '计发月数 = 9 + 1 = 10 个月',
      '未提供本地区上年度职工月平均工资：未核对3倍封顶（劳动合同法 第四十七条第二款）；月工资高于该数3倍的，应按3倍计发且年限最高12年',
      '→ 经济补偿 = 10 个月 × 12,345.67 元 = 123,456.70 元（劳动合同法 第四十七条）',
    ]);
    expect(result.is_cap_checked).toBe(false);
  });

  it('pays half a month for 5 months 29 days, rounding half a fen up', () => {
    const result = severance('2024-01-01', '2024-06-29', 1_000_001);
    expect(result.months).toBe(0.5);
    expect(result.amount_fen).toBe(500_001);
    expect(result.explanation[2]).toBe(
      '不满一年的部分 5 个月 29 天 < 6 个月，支付半个月工资 = 0.5 个月（劳动合同法 第四十七条第一款）',
    );
  });

  it('counts exactly six months as a full year', () => {
    const result = severance('2024-01-01', '2024-06-30', 800_000);
    expect(result.months).toBe(1);
    expect(result.amount_fen).toBe(800_000);
  });

  it('pays half a month for a few days and a year for 11 months 30 days', () => {
    expect(severance('2024-03-01', '2024-03-10', 600_000).amount_fen).toBe(300_000);
    expect(severance('2023-01-01', '2023-12-30', 600_000).months).toBe(1);
  });

  it('adds nothing for whole years', () => {
    const result = severance('2020-01-01', '2022-12-31', 700_000);
    expect(result.months).toBe(3);
    expect(result.amount_fen).toBe(2_100_000);
    expect(result.explanation[2]).toBe('不满一年的部分：无（工作年限恰为整年）');
  });

  it('caps the wage at three times the local average and the years at 12 when the wage is above it', () => {
    const result = severance('2008-01-01', '2024-12-31', 4_000_000, NANJING_2023);
    expect(result.months).toBe(12);
    expect(result.wage_basis_fen).toBe(3_000_000);
    expect(result.amount_fen).toBe(36_000_000);
    expect(result.is_capped).toBe(true);
    expect(result.explanation.slice(-3)).toEqual([
      '月工资 40,000.00 元 > 南京市2023年职工月平均工资 10,000.00 元（测试用数字） × 3 = 30,000.00 元，按 30,000.00 元计发（劳动合同法 第四十七条第二款）',
      '计发月数 = min(17, 12 年 × 1 个月) = 12 个月（劳动合同法 第四十七条第二款）',
      '→ 经济补偿 = 12 个月 × 30,000.00 元 = 360,000.00 元（劳动合同法 第四十七条）',
    ]);
  });

  it('caps the wage but not the years under 12', () => {
    const result = severance('2019-07-01', '2024-06-30', 4_000_000, NANJING_2023);
    expect(result.months).toBe(5);
    expect(result.amount_fen).toBe(15_000_000);
  });

  it('never caps the years of a wage at or below three times the average', () => {
    const below = severance('2008-01-01', '2024-12-31', 2_500_000, NANJING_2023);
    expect(below.months).toBe(17);
    expect(below.amount_fen).toBe(42_500_000);
    expect(below.is_capped).toBe(false);
    expect(below.is_cap_checked).toBe(true);
    const exactly = severance('2008-01-01', '2024-12-31', 3_000_000, NANJING_2023);
    expect(exactly.months).toBe(17);
    expect(exactly.amount_fen).toBe(51_000_000);
    expect(exactly.explanation).toContain(
      '月工资 30,000.00 元 ≤ 南京市2023年职工月平均工资 10,000.00 元（测试用数字） × 3 = 30,000.00 元，按实际月工资计发（劳动合同法 第四十七条第二款）',
    );
  });

  it('caps a high wage with under six months at half a month of the 3× figure', () => {
    const result = severance('2024-01-01', '2024-03-31', 5_000_001, NANJING_2023);
    expect(result.months).toBe(0.5);
    expect(result.amount_fen).toBe(1_500_000);
  });
});

describe('赔偿金 (第八十七条) and 代通知金 (第四十条)', () => {
  it('pays twice the severance for an unlawful termination, capped the same way', () => {
    const result = calculateCompensation({
      kind: 'unlawful',
      monthlyWageFen: 1_234_567,
      from: '2015-03-01',
      to: '2024-09-30',
    });
    expect(result.amount_fen).toBe(24_691_340);
    expect(result.months).toBe(10);
    expect(result.explanation.at(-2)).toBe(
      '经济补偿 = 10 个月 × 12,345.67 元 = 123,456.70 元（劳动合同法 第四十七条）',
    );
    expect(result.explanation.at(-1)).toBe(
      '→ 赔偿金 = 经济补偿 123,456.70 元 × 2 = 246,913.40 元（劳动合同法 第八十七条）',
    );
    const capped = calculateCompensation({
      kind: 'unlawful',
      monthlyWageFen: 4_000_000,
      from: '2008-01-01',
      to: '2024-12-31',
      averageWage: NANJING_2023,
    });
    expect(capped.amount_fen).toBe(72_000_000);
  });

  it('pays one month of last month’s wage in lieu of notice, without a cap', () => {
    const result = calculateCompensation({
      kind: 'notice',
      monthlyWageFen: 4_000_000,
      from: '2003-05-01',
      to: '2024-12-31',
      averageWage: NANJING_2023,
    });
    expect(result.amount_fen).toBe(4_000_000);
    expect(result.months).toBe(1);
    expect(result.explanation.at(-1)).toBe('→ 代通知金 = 1 个月 × 40,000.00 元 = 40,000.00 元（劳动合同法 第四十条）');
  });
});

describe('inputs it refuses', () => {
  it('refuses an end before the start, a wage of zero and service before 2008', () => {
    expect(() => severance('2024-02-01', '2024-01-31', 100)).toThrow(/早于入职日期/);
    expect(() => severance('2024-01-01', '2024-01-31', 0)).toThrow(/月工资/);
    try {
      severance('2007-12-31', '2024-01-31', 100_000);
      expect.unreachable();
    } catch (error) {
      expect((error as { code: string }).code).toBe('COMPENSATION_NOT_APPLICABLE');
      expect((error as Error).message).toContain('第九十七条');
    }
  });
});
