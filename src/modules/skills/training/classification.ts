import { readFileSync } from 'node:fs';

/**
 * How a training record is classed manufacturing and digital, read with its sources from
 * reference/skills/training-classification.json: a changed rule is a new version, and each record
 * keeps the version it was classed under.
 */

export interface TrainingClassification {
  version: string;
  document: string;
  clause: string;
  isSubsidisedOnly: boolean;
  manufacturingSections: ReadonlySet<string>;
  manufacturingMajorGroups: ReadonlySet<string>;
}

const FILE = new URL('../../../../reference/skills/training-classification.json', import.meta.url);
let cached: TrainingClassification | undefined;

/** The rule in force; a malformed file stops the module loudly. */
export function trainingClassification(): TrainingClassification {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(FILE, 'utf8')) as {
    version: string;
    document: string;
    clause: string;
    counting: { date: string; subsidised_only: boolean };
    manufacturing: { industry_sections: string[]; occupation_major_groups: string[] };
    digital: { occupation_mark: string };
  };
  if (!raw.version || raw.counting.date !== 'end_date' || raw.digital.occupation_mark !== 'S')
    throw new Error('reference/skills/training-classification.json 不正确');
  cached = {
    version: raw.version,
    document: raw.document,
    clause: raw.clause,
    isSubsidisedOnly: raw.counting.subsidised_only,
    manufacturingSections: new Set(raw.manufacturing.industry_sections),
    manufacturingMajorGroups: new Set(raw.manufacturing.occupation_major_groups),
  };
  return cached;
}

/** Whether a record is manufacturing training: the enterprise's section or the occupation's major group. */
export function isManufacturingTraining(
  rule: TrainingClassification,
  industrySection: string | null,
  occupationCode: string,
): boolean {
  return (
    (industrySection !== null && rule.manufacturingSections.has(industrySection)) ||
    rule.manufacturingMajorGroups.has(occupationCode.slice(0, 1))
  );
}
