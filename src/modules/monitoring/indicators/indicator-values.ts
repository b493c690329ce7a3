import { LEAVE_REASONS } from '../../workforce/leave-reasons.ts';
import type { Components } from './components.ts';
import { INDICATORS, type IndicatorDefinition } from './indicator-catalog.ts';
import { monthCount } from '../report-period.ts';
import type { PlanTargets, TargetBasis } from '../targets.ts';

/** One indicator as the API and the CLI give it (SPEC §4: actual, target?, unit, and more). */
export interface IndicatorValue {
  label: string;
  unit: string;
  kind: IndicatorDefinition['kind'];
  definition: string;
  available: boolean;
  actual: number | null;
  target?: number;
  target_basis?: TargetBasis;
  target_source?: string;
  /** actual ÷ target. */
  progress?: number | null;
  /** The share of the target's time that has passed by the report month. */
  expected_progress?: number;
  /** For the cumulative 吸纳就业参保: the persons first absorbed inside the report period. */
  period_actual?: number | null;
  breakdown?: { reason: string; label: string; count: number }[];
  /** For indicators of modules not built yet: the module they wait for. */
  source?: string;
}

export interface ValueContext {
  /** null when the report period has no data. */
  components: Components | null;
  separationsByReason: { reason: string; count: number }[];
  targets: PlanTargets;
  /** The last month of the report (with data, or as asked when there is none). */
  reportMonth: number;
  /** Absolute targets are the province's: shown only for the whole province, unsegmented. */
  showsAbsoluteTargets: boolean;
  /** Actuals of indicators other modules answer (training, internship bases), when they can for this view. */
  external?: Record<string, number>;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const ratio = (part: number, whole: number) => (whole > 0 ? round4(part / whole) : null);

/** Every indicator of the catalogue, computed from the components or marked 暂无数据. */
export function indicatorValues(context: ValueContext): Record<string, IndicatorValue> {
  const values: Record<string, IndicatorValue> = {};
  for (const definition of INDICATORS) values[definition.key] = valueOf(definition, context);
  return values;
}

function valueOf(definition: IndicatorDefinition, context: ValueContext): IndicatorValue {
  const base = {
    label: definition.label,
    unit: definition.unit,
    kind: definition.kind,
    definition: definition.definition,
  };
  const externalActual = context.external?.[definition.key];
  const isExternal = definition.kind === 'external';
  const isAvailable = !isExternal || externalActual !== undefined;
  const actual = isExternal ? (externalActual ?? null) : actualOf(definition.key, context.components);
  const value: IndicatorValue = {
    ...base,
    available: isAvailable,
    actual,
    ...(definition.source && !isAvailable ? { source: definition.source } : {}),
  };
  addTarget(value, definition.key, context);
  if (definition.key === 'absorbed_insured')
    value.period_actual = context.components ? context.components.absorbedInPeriod : null;
  if (definition.key === 'separations' && context.components)
    value.breakdown = breakdownOf(context.separationsByReason);
  return value;
}

/** The actual of a computed indicator; null when the period has no data or a share has no base. */
export function actualOf(key: string, c: Components | null): number | null {
  if (!c) return null;
  switch (key) {
    case 'monitored_enterprises':
      return c.monitored;
    case 'insured_employees':
      return c.insured;
    case 'new_hires':
      return c.hires;
    case 'separations':
      return c.separations;
    case 'net_change':
      return c.hires - c.separations;
    case 'absorbed_insured':
      return c.absorbed;
    case 'absorbed_graduate_share':
      return ratio(c.graduates, c.absorbed);
    case 'absorbed_high_skill_share':
      return ratio(c.highSkill, c.absorbed);
    case 'absorbed_senior_title_share':
      return ratio(c.seniorTitle, c.absorbed);
    case 'contributions_paid_fen':
      return c.contributionsFen;
    case 'policies_enjoyed':
      return c.paidCases;
    case 'policies_enjoyed_amount_fen':
      return c.paidFen;
    default:
      return null;
  }
}

function addTarget(value: IndicatorValue, key: string, context: ValueContext): void {
  const target = context.targets.targets.get(key);
  if (!target) return;
  if (target.basis !== 'share' && !context.showsAbsoluteTargets) return;
  value.target = target.value;
  value.target_basis = target.basis;
  value.target_source = `${context.targets.document} ${target.clause}`;
  value.progress = value.actual === null ? null : round4(value.actual / target.value);
  const window = context.targets.window;
  if (target.basis === 'cumulative') {
    const elapsed = monthCount(window.from, Math.min(context.reportMonth, window.to));
    value.expected_progress = round4(elapsed / monthCount(window.from, window.to));
  } else if (target.basis === 'annual') {
    value.expected_progress = round4((context.reportMonth % 100) / 12);
  }
}

function breakdownOf(rows: { reason: string; count: number }[]): IndicatorValue['breakdown'] {
  const labels = new Map(LEAVE_REASONS.map((r) => [r.code, r.label]));
  return rows
    .filter((r) => r.count > 0)
    .map((r) => ({
      reason: r.reason,
      label: labels.get(r.reason) ?? (r.reason === 'unspecified' ? '未注明' : r.reason),
      count: r.count,
    }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
