import { readdirSync, readFileSync } from 'node:fs';

/**
 * The labour-relations diagnosis (劳动关系体检): versioned questionnaires as data
 * (reference/labour/diagnosis-<version>.json) and the pure scoring of one set of answers —
 * a score per area out of 100, the advice with its legal basis for every answer short of
 * “yes”, and whether the enterprise is at risk by the questionnaire's own thresholds.
 */

export const ANSWERS = ['yes', 'partly', 'no'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface Question {
  code: string;
  text: string;
  weight: number;
  advice: string;
  basis: string;
}

export interface Area {
  code: string;
  title: string;
  questions: Question[];
}

export interface Questionnaire {
  version: string;
  title: string;
  effective_from: string;
  source: string;
  scoring: {
    answers: Record<Answer, number>;
    area_risk_below: { value: number; source: string };
    total_risk_below: { value: number; source: string };
  };
  areas: Area[];
}

const DIRECTORY = new URL('../../../reference/labour/', import.meta.url);
let cache: Map<string, Questionnaire> | undefined;

function questionnaires(): Map<string, Questionnaire> {
  if (!cache) {
    cache = new Map();
    for (const file of readdirSync(DIRECTORY).filter((f) => /^diagnosis-.+\.json$/.test(f))) {
      const questionnaire = JSON.parse(readFileSync(new URL(file, DIRECTORY), 'utf8')) as Questionnaire;
      cache.set(questionnaire.version, questionnaire);
    }
  }
  return cache;
}

/** The questionnaire in force on a date (the latest effective one), or a given version. */
export function questionnaireOf(version?: string, onDate = '9999-12-31'): Questionnaire {
  if (version) {
    const found = questionnaires().get(version);
    if (!found) throw new Error(`没有版本为 ${version} 的劳动关系体检问卷`);
    return found;
  }
  const current = [...questionnaires().values()]
    .filter((q) => q.effective_from <= onDate)
    .sort((a, b) => a.effective_from.localeCompare(b.effective_from))
    .at(-1);
  if (!current) throw new Error('reference/labour 中没有生效的劳动关系体检问卷');
  return current;
}

export interface AreaResult {
  code: string;
  title: string;
  score: number;
  isAtRisk: boolean;
  advice: { question: string; answer: Answer; advice: string; basis: string }[];
}

export interface DiagnosisResult {
  version: string;
  total: number;
  isAtRisk: boolean;
  areas: AreaResult[];
}

/** Scores answers against a questionnaire; every question must be answered. */
export function scoreDiagnosis(questionnaire: Questionnaire, answers: Record<string, Answer>): DiagnosisResult {
  const missing = questionnaire.areas.flatMap((a) => a.questions).filter((q) => !ANSWERS.includes(answers[q.code]!));
  if (missing.length > 0) throw new MissingAnswersError(missing.map((q) => q.code));
  let earned = 0;
  let possible = 0;
  const areas = questionnaire.areas.map((area) => {
    let areaEarned = 0;
    let areaPossible = 0;
    const advice: AreaResult['advice'] = [];
    for (const question of area.questions) {
      const answer = answers[question.code]!;
      areaEarned += question.weight * questionnaire.scoring.answers[answer];
      areaPossible += question.weight;
      if (answer !== 'yes')
        advice.push({ question: question.text, answer, advice: question.advice, basis: question.basis });
    }
    earned += areaEarned;
    possible += areaPossible;
    const score = Math.round((areaEarned / areaPossible) * 100);
    return {
      code: area.code,
      title: area.title,
      score,
      isAtRisk: score < questionnaire.scoring.area_risk_below.value,
      advice,
    };
  });
  const total = Math.round((earned / possible) * 100);
  return {
    version: questionnaire.version,
    total,
    isAtRisk: total < questionnaire.scoring.total_risk_below.value || areas.some((a) => a.isAtRisk),
    areas,
  };
}

export class MissingAnswersError extends Error {
  constructor(readonly codes: string[]) {
    super(`尚有 ${codes.length} 题未作答：${codes.join('、')}`);
  }
}
