import { AppError } from '../../../platform/errors.ts';
import { jobExpansionFacts, socialInsuranceFacts } from './hires.facts.ts';
import { internshipFacts } from './internship.facts.ts';
import { skillsFacts } from './skills.facts.ts';
import { stableJobsFacts } from './stable-jobs.facts.ts';
import type { FactSource } from './subjects.ts';

/**
 * Which fact source feeds which policy. A policy file without one here can be browsed, tested and
 * computed from a form, but not from the database (FACTS_NOT_AVAILABLE).
 */

const FACT_SOURCES: Record<string, FactSource> = {
  stable_jobs_refund: stableJobsFacts,
  job_expansion_subsidy: jobExpansionFacts,
  social_insurance_subsidy: socialInsuranceFacts,
  internship_subsidy: internshipFacts,
  skills_upgrade_subsidy: skillsFacts,
};

/** The fact source of a policy, or FACTS_NOT_AVAILABLE. */
export function factSourceOf(code: string): FactSource {
  const source = FACT_SOURCES[code];
  if (!source) throw new AppError('FACTS_NOT_AVAILABLE', `政策 ${code} 尚无从数据库取事实的口径，请填写事实计算`);
  return source;
}

/** Whether a policy's facts can be read from the database. */
export function hasFactSource(code: string): boolean {
  return code in FACT_SOURCES;
}
