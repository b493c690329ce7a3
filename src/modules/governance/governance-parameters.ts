import { readFileSync } from 'node:fs';

/**
 * The dated, cited parameters of 无事不扰 / 有求必应 (reference/governance/parameters.json): each
 * parameter takes the value in force on the date asked for.
 */

export const REQUEST_CATEGORIES = [
  'recruitment',
  'social_insurance',
  'policy_delivery',
  'labour_relations',
  'training',
  'talent',
  'other',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, string> = {
  recruitment: '招聘用工',
  social_insurance: '社会保险',
  policy_delivery: '政策兑现',
  labour_relations: '劳动关系',
  training: '培训与评价',
  talent: '人才引进',
  other: '其他',
};

interface DatedValue<T> {
  from: string;
  value: T;
  source: string;
  is_official: boolean;
}
interface ParameterFile {
  parameters: { key: string; label: string; unit: string; values: DatedValue<unknown>[] }[];
}

const FILE = new URL('../../../reference/governance/parameters.json', import.meta.url);
let cached: ParameterFile | undefined;

function parameterFile(): ParameterFile {
  cached ??= JSON.parse(readFileSync(FILE, 'utf8')) as ParameterFile;
  return cached;
}

function valueOn<T>(key: string, date: string): DatedValue<T> {
  const parameter = parameterFile().parameters.find((p) => p.key === key);
  if (!parameter) throw new Error(`reference/governance/parameters.json 缺少参数 ${key}`);
  const inForce = parameter.values.filter((v) => v.from <= date).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  if (!inForce) throw new Error(`reference/governance/parameters.json 的 ${key} 在 ${date} 没有有效值`);
  return inForce as DatedValue<T>;
}

/** The monthly cap on unsolicited contacts per enterprise in force on the date, with its source. */
export function contactCapOn(date: string): { cap: number; source: string } {
  const found = valueOn<number>('contact_monthly_cap', date);
  return { cap: found.value, source: found.source };
}

/** The working days a request of the category has, by the value in force on the date. */
export function requestWorkdaysOn(category: RequestCategory, date: string): number {
  const found = valueOn<Record<string, number>>('request_deadline_workdays', date);
  const days = found.value[category];
  if (!Number.isInteger(days) || days! <= 0)
    throw new Error(`reference/governance/parameters.json 缺少类别 ${category} 的办理时限`);
  return days!;
}

/** Working days past the deadline after which an unanswered request goes up to the province. */
export function provinceEscalationWorkdaysOn(date: string): number {
  return valueOn<number>('escalation_province_workdays', date).value;
}

/** Every parameter with its dated values, for the page that shows where the numbers come from. */
export function governanceParameters(): ParameterFile['parameters'] {
  return parameterFile().parameters;
}

/** The filing deadline of the cities' 实施方案 in force on the date, with its source. */
export function planFilingDeadlineOn(date: string): { deadline: string; source: string } {
  const found = valueOn<string>('plan_filing_deadline', date);
  return { deadline: found.value, source: found.source };
}

/** The working days before a collection's or round's deadline on which reminders go out, largest first. */
export function deadlineReminderWorkdaysOn(date: string): number[] {
  const found = valueOn<number[]>('deadline_reminder_workdays', date);
  return [...found.value].sort((a, b) => b - a);
}
