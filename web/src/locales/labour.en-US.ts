import type { labourZhCN } from './labour.zh-CN.ts';

/** Labour-relations texts in English. */
export const labourEnUS: Record<keyof typeof labourZhCN, string> = {
  'menu.compensation': 'Severance calculator',
  'menu.disputes': 'Labour disputes',
  'menu.dispute': 'Labour dispute',
  'menu.diagnosisResults': 'Labour-relations check results',
  'menu.violations': 'Lenient enforcement',
  'menu.myViolations': 'My inspection record',
  'menu.diagnosis': 'Labour-relations check',
  'labour.compensation.title': 'Severance, damages and pay in lieu of notice',
  'labour.compensation.hint':
    'Computed step by step under the Labour Contract Law, art. 47 (severance), art. 87 (damages for unlawful termination) and art. 40 (pay in lieu of notice), with the clause of each step, for arbitrators and mediators.',
  'labour.compensation.kind': 'What to compute',
  'labour.compensation.kind.severance': 'Severance (art. 47)',
  'labour.compensation.kind.unlawful': 'Damages for unlawful termination (art. 87)',
  'labour.compensation.kind.notice': 'Pay in lieu of notice (art. 40)',
  'labour.compensation.wage': 'Monthly wage (yuan)',
  'labour.compensation.wageHint': 'Severance and damages: average of the last 12 months; notice: last month’s wage',
  'labour.compensation.from': 'Start of employment',
  'labour.compensation.to': 'End of employment',
  'labour.compensation.region': 'Employer’s region',
  'labour.compensation.regionHint': 'Checks the cap at three times the region’s average wage of the previous year',
  'labour.compensation.calculate': 'Calculate',
  'labour.compensation.amount': 'Amount',
  'labour.compensation.months': 'Months paid',
  'labour.compensation.tenure': 'Years of service',
  'labour.compensation.tenureValue': '{years} y {months} m {days} d',
  'labour.compensation.capped': 'Capped at three times the average wage',
  'labour.compensation.capUnchecked': 'Cap not checked (no region chosen)',
  'labour.compensation.steps': 'Steps',
  'labour.averageWages.title': 'Average monthly wages by region',
  'labour.averageWages.hint':
    'Loaded by each region’s HRSS office from the published statistics, with the source; the calculator takes the year before the end date.',
  'labour.averageWages.region': 'Region',
  'labour.averageWages.year': 'Statistics year',
  'labour.averageWages.monthly': 'Average monthly wage',
  'labour.averageWages.source': 'Published source',
  'labour.averageWages.loadedBy': 'Loaded by',
  'labour.averageWages.load': 'Load',
  'labour.averageWages.loaded': 'Loaded',
  'error.COMPENSATION_NOT_APPLICABLE':
    'Not covered by this calculator (service before 2008-01-01 follows the rules of that time)',
  'error.AVERAGE_WAGE_NOT_LOADED':
    'The region’s average wage of the previous year is not loaded: the cap cannot be checked',
};
