import { parameterOn } from './labour-parameters.ts';

/**
 * Whether a dispute is a collective one that needs the emergency alert, and why, in words:
 * the number of workers or the wage arrears at or above the thresholds in force on the day
 * the case was received (reference/labour/disputes.json). Null: no alert.
 */
export function collectiveAlertReason(input: {
  workersCount: number;
  arrearsFen: number;
  receivedOn: string;
}): string | null {
  const workers = parameterOn('disputes', 'collective_workers', input.receivedOn);
  const arrears = parameterOn('disputes', 'arrears_alert_yuan', input.receivedOn);
  const reasons: string[] = [];
  if (input.workersCount >= workers.value)
    reasons.push(`涉及劳动者 ${input.workersCount} 人，达到 ${workers.value} 人的集体劳动争议预警线`);
  if (input.arrearsFen >= arrears.value * 100)
    reasons.push(
      `拖欠工资 ${(input.arrearsFen / 100).toLocaleString('zh-CN')} 元，达到 ${arrears.value.toLocaleString('zh-CN')} 元的预警线`,
    );
  return reasons.length > 0 ? reasons.join('；') : null;
}
