import { readFileSync } from 'node:fs';
import { isIsoDate } from '../../../platform/iso-date.ts';

/**
 * The time limits of 免申即享 as dated, cited parameters (reference/benefits/time-limits.json):
 * the review limit (苏人社发〔2023〕63号: 20 working days), the warning before it and the 公示
 * period. A limit is taken on the day its clock starts, so a later change leaves running clocks alone.
 */

export type TimeLimitKey = 'review_workdays' | 'review_warning_workdays' | 'publicity_workdays';
const KEYS: readonly TimeLimitKey[] = ['review_workdays', 'review_warning_workdays', 'publicity_workdays'];

export interface TimeLimitValue {
  from: string;
  value: number;
  source: string;
  is_official: boolean;
}

interface TimeLimitParameter {
  key: TimeLimitKey;
  label: string;
  unit: string;
  values: TimeLimitValue[];
}

const FILE = new URL('../../../../reference/benefits/time-limits.json', import.meta.url);
let cached: Map<TimeLimitKey, TimeLimitParameter> | undefined;

/** The value of a limit in force on a date (YYYY-MM-DD). */
export function timeLimitOn(key: TimeLimitKey, date: string): TimeLimitValue {
  const parameter = timeLimitParameters().get(key)!;
  const found = parameter.values.filter((v) => v.from <= date).at(-1);
  // A date before the first value (a case older than the notice) takes the earliest value.
  return found ?? parameter.values[0]!;
}

/** Every limit in force on a date, with its label, unit and source (for the web's hint texts). */
export function timeLimitsOn(date: string) {
  return KEYS.map((key) => {
    const { label, unit } = timeLimitParameters().get(key)!;
    return { key, label, unit, ...timeLimitOn(key, date) };
  });
}

function timeLimitParameters(): Map<TimeLimitKey, TimeLimitParameter> {
  cached ??= readTimeLimits();
  return cached;
}

function readTimeLimits(): Map<TimeLimitKey, TimeLimitParameter> {
  const { parameters } = JSON.parse(readFileSync(FILE, 'utf8')) as { parameters: TimeLimitParameter[] };
  const byKey = new Map(parameters.map((p) => [p.key, p]));
  for (const key of KEYS) {
    const parameter = byKey.get(key);
    const values = parameter?.values ?? [];
    const isValid =
      values.length > 0 &&
      values.every(
        (v, i) =>
          isIsoDate(v.from) &&
          Number.isInteger(v.value) &&
          v.value > 0 &&
          v.source.trim() !== '' &&
          (i === 0 || values[i - 1]!.from < v.from),
      );
    if (!parameter || !isValid)
      throw new Error(
        `reference/benefits/time-limits.json 缺少有效的 ${key}（按生效日期升序，每项含 from、正整数 value 和 source）`,
      );
  }
  return byKey;
}
