import { addWorkdaysProvisional } from '../../platform/calendar.ts';
import { provinceEscalationWorkdaysOn, requestWorkdaysOn, type RequestCategory } from './governance-parameters.ts';

/**
 * The clock of a request (有求必应): its deadline is the category's number of working days after
 * the day it was submitted (or reopened), on the official calendar — a year not yet loaded is
 * counted Monday to Friday and the deadline says it is provisional, as the benefits review clock does.
 */
export function requestDeadline(category: RequestCategory, startDay: string): { date: string; isProvisional: boolean } {
  const answer = addWorkdaysProvisional(startDay, requestWorkdaysOn(category, startDay));
  return { date: answer.value, isProvisional: answer.provisionalYears.length > 0 };
}

/**
 * The level an open request has reached on the day: 0 while the deadline has not passed, 1 (the
 * city) from the day after the deadline, 2 (the province) once the parameter's working days past
 * the deadline have passed too.
 */
export function escalationLevelOn(deadline: string, today: string, startDay: string): 0 | 1 | 2 {
  if (today <= deadline) return 0;
  const provinceAfter = addWorkdaysProvisional(deadline, provinceEscalationWorkdaysOn(startDay)).value;
  return today > provinceAfter ? 2 : 1;
}

export const ESCALATION_LABELS = ['未提级', '已提级至设区市人社局', '已提级至省人社厅'] as const;
