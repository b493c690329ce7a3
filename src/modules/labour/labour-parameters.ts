import { readFileSync } from 'node:fs';

/**
 * The labour-relations parameters as dated, cited data (reference/labour/*.json): the statutory
 * compensation rules of 劳动合同法 and the dispute, alert and 柔性执法 settings. A value is taken
 * on the date that decides it (the termination date, the day a case was received), so a later
 * change never rewrites an answer already given.
 */

export interface ParameterValue {
  from: string;
  value: number;
  source: string;
  /** True when a law or official document fixes the value; false for the system's own settings. */
  is_official: boolean;
}

export interface Parameter {
  key: string;
  label: string;
  unit: string;
  values: ParameterValue[];
}

interface ParameterFile {
  parameters: Parameter[];
  [other: string]: unknown;
}

const cache = new Map<string, ParameterFile>();

function readParameterFile(name: string): ParameterFile {
  let file = cache.get(name);
  if (!file) {
    file = JSON.parse(
      readFileSync(new URL(`../../../reference/labour/${name}.json`, import.meta.url), 'utf8'),
    ) as ParameterFile;
    for (const parameter of file.parameters) {
      const isOrdered = parameter.values.every((v, i) => i === 0 || parameter.values[i - 1]!.from < v.from);
      if (parameter.values.length === 0 || !isOrdered)
        throw new Error(`reference/labour/${name}.json：参数 ${parameter.key} 没有取值或生效日期未按先后排列`);
    }
    cache.set(name, file);
  }
  return file;
}

/** The whole file (for its other cited entries). */
export function labourReference<T>(name: string): T & ParameterFile {
  return readParameterFile(name) as T & ParameterFile;
}

/** A parameter's value in force on a date, with its label, unit and source. */
export function parameterOn(name: string, key: string, date: string): ParameterValue & { label: string; unit: string } {
  const parameter = readParameterFile(name).parameters.find((p) => p.key === key);
  if (!parameter) throw new Error(`reference/labour/${name}.json 缺少参数 ${key}`);
  // A date before the first value takes the earliest one (the rule as first published).
  const value = parameter.values.filter((v) => v.from <= date).at(-1) ?? parameter.values[0]!;
  return { ...value, label: parameter.label, unit: parameter.unit };
}

/** Every parameter of a file in force on a date (for the pages' hint texts). */
export function parametersOn(name: string, date: string) {
  return readParameterFile(name).parameters.map((p) => ({ key: p.key, ...parameterOn(name, p.key, date) }));
}
