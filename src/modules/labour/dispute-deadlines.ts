import { addWorkdaysProvisional } from '../../platform/calendar.ts';
import { addDays } from '../../platform/iso-date.ts';
import { labourReference, parameterOn } from './labour-parameters.ts';

/**
 * The deadlines of a dispute case. The statutory limits (劳动争议调解仲裁法 第十四条、第四十三条)
 * run in days from the day after receipt, and a last day that is not a working day on the
 * official calendar moves to the next working day; the fast track for SRDI enterprises is a
 * target in working days, never later than the statutory limit. Parameters are taken on the
 * day the case was received (reference/labour/disputes.json). A year the calendar does not yet
 * cover is counted Monday to Friday and named, so the page can say the date is provisional.
 */

export type DisputeKind = 'mediation' | 'arbitration';

export interface DeadlineStep {
  text: string;
  source: string;
}

export interface DisputeDeadlines {
  /** The statutory last day (with the extension, when granted). */
  deadline: string;
  /** The fast-track target for an SRDI enterprise, or null. */
  fastTrackDue: string | null;
  provisionalYears: number[];
  steps: DeadlineStep[];
}

/** The first working day on or after the date. */
function onOrAfterWorkday(date: string, years: Set<number>): string {
  const answer = addWorkdaysProvisional(addDays(date, -1), 1);
  answer.provisionalYears.forEach((y) => years.add(y));
  return answer.value;
}

/** The deadlines of a case received on a day, of its kind, fast-tracked or not, extended or not. */
export function disputeDeadlines(input: {
  kind: DisputeKind;
  receivedOn: string;
  isFastTrack: boolean;
  isExtended: boolean;
}): DisputeDeadlines {
  const years = new Set<number>();
  const steps: DeadlineStep[] = [];
  const limit = parameterOn(
    'disputes',
    input.kind === 'mediation' ? 'mediation_days' : 'arbitration_days',
    input.receivedOn,
  );
  let days = limit.value;
  steps.push({ text: `${limit.label}：${limit.value} 日，自受理次日起算`, source: limit.source });
  if (input.isExtended && input.kind === 'arbitration') {
    const extension = parameterOn('disputes', 'arbitration_extension_days', input.receivedOn);
    days += extension.value;
    steps.push({ text: `经批准延期 ${extension.value} 日，共 ${days} 日`, source: extension.source });
  }
  const lastDay = addDays(input.receivedOn, days);
  const deadline = onOrAfterWorkday(lastDay, years);
  const rule = deadlineRuleSource();
  steps.push({
    text:
      deadline === lastDay
        ? `期限届满日 ${deadline}`
        : `第 ${days} 日为 ${lastDay}，不是工作日，顺延至节假日后第一个工作日 ${deadline}`,
    source: rule,
  });
  let fastTrackDue: string | null = null;
  if (input.isFastTrack) {
    const key = input.kind === 'mediation' ? 'fast_track_mediation_workdays' : 'fast_track_arbitration_workdays';
    const target = parameterOn('disputes', key, input.receivedOn);
    const answer = addWorkdaysProvisional(input.receivedOn, target.value);
    answer.provisionalYears.forEach((y) => years.add(y));
    fastTrackDue = answer.value < deadline ? answer.value : deadline;
    steps.push({
      text: `专精特新企业快处：${target.value} 个工作日内办结，目标 ${fastTrackDue}${target.is_official ? '' : '（时限待核）'}`,
      source: target.source,
    });
  }
  const provisionalYears = [...years].sort((a, b) => a - b);
  if (provisionalYears.length > 0)
    steps.push({
      text: `${provisionalYears.join('、')}年的放假安排尚未载入，暂按周一至周五计算，载入后以官方日历为准`,
      source: '国务院办公厅关于部分节假日安排的通知（按年度载入：系统管理 → 工作日历）',
    });
  return { deadline, fastTrackDue, provisionalYears, steps };
}

function deadlineRuleSource(): string {
  return labourReference<{ deadline_rule: { source: string } }>('disputes').deadline_rule.source;
}
