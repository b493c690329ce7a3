import { readFileSync } from 'node:fs';
import { isPeriod } from '../workforce/periods.ts';

/** The plan's targets, window and alert thresholds, read with their sources from reference/targets/. */

export type TargetBasis = 'cumulative' | 'annual' | 'share';

export interface Target {
  key: string;
  value: number;
  unit: string;
  basis: TargetBasis;
  clause: string;
}

export interface PlanTargets {
  document: string;
  issuedOn: string;
  window: { from: number; to: number };
  targets: Map<string, Target>;
}

export interface AlertThresholds {
  layoffPeople: number;
  layoffSharePercent: number;
}

const TARGETS_FILE = new URL('../../../reference/targets/sailing-plan-2025.json', import.meta.url);
const THRESHOLDS_FILE = new URL('../../../reference/targets/alert-thresholds.json', import.meta.url);

let cachedTargets: PlanTargets | undefined;
let cachedThresholds: AlertThresholds | undefined;

/** The notice's targets and the plan window; a malformed file stops the module loudly. */
export function planTargets(): PlanTargets {
  if (cachedTargets) return cachedTargets;
  const raw = JSON.parse(readFileSync(TARGETS_FILE, 'utf8')) as {
    document: string;
    issued_on: string;
    plan_window: { from: string; to: string };
    targets: Target[];
  };
  const window = { from: Number(raw.plan_window.from), to: Number(raw.plan_window.to) };
  if (!isPeriod(window.from) || !isPeriod(window.to) || window.from > window.to)
    throw new Error('reference/targets/sailing-plan-2025.json 的计划期不正确');
  for (const target of raw.targets) {
    if (
      !Number.isFinite(target.value) ||
      target.value <= 0 ||
      !['cumulative', 'annual', 'share'].includes(target.basis)
    ) {
      throw new Error(`reference/targets/sailing-plan-2025.json 的目标 ${target.key} 不正确`);
    }
  }
  cachedTargets = {
    document: raw.document,
    issuedOn: raw.issued_on,
    window,
    targets: new Map(raw.targets.map((t) => [t.key, t])),
  };
  return cachedTargets;
}

/** The 规模性减员 thresholds (≥ N people or ≥ P % of last month's insured). */
export function alertThresholds(): AlertThresholds {
  if (cachedThresholds) return cachedThresholds;
  const raw = JSON.parse(readFileSync(THRESHOLDS_FILE, 'utf8')) as { settings: { key: string; value: number }[] };
  const value = (key: string) => {
    const found = raw.settings.find((s) => s.key === key)?.value;
    if (!Number.isInteger(found) || (found as number) <= 0)
      throw new Error(`reference/targets/alert-thresholds.json 缺少有效的 ${key}`);
    return found as number;
  };
  cachedThresholds = {
    layoffPeople: value('mass_layoff_people'),
    layoffSharePercent: value('mass_layoff_share_percent'),
  };
  return cachedThresholds;
}
