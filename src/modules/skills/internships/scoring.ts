import { readFileSync } from 'node:fs';

/**
 * The internship-base scoring formula, versioned, from reference/skills/internship-base-scoring.json.
 * A score is the weighted mean of the components a base has (satisfaction only when recorded),
 * each between 0 and 1; the result is 0–100, kept to 4 decimal places.
 */

export interface ScoringComponent {
  key: 'completion_rate' | 'retention_rate' | 'posts' | 'satisfaction';
  label: string;
  weight: number;
  full_at?: number;
}

export interface ScoringFormula {
  version: string;
  minFinishedTrainees: number;
  components: ScoringComponent[];
}

export interface BaseFigures {
  posts: number;
  finished: number;
  completed: number;
  retained: number;
  /** Mean of recorded satisfaction (1–5), or null. */
  satisfaction: number | null;
}

export interface BaseScore {
  score: number;
  components: { key: string; label: string; value: number; points: number }[];
}

const FILE = new URL('../../../../reference/skills/internship-base-scoring.json', import.meta.url);

/** The formula in force: the latest version. */
export function scoringFormula(): ScoringFormula {
  const raw = JSON.parse(readFileSync(FILE, 'utf8')) as {
    versions: { version: string; min_finished_trainees: { value: number }; components: ScoringComponent[] }[];
  };
  const latest = raw.versions.at(-1);
  if (!latest || latest.components.some((c) => !(c.weight >= 0)))
    throw new Error('reference/skills/internship-base-scoring.json 不正确');
  return {
    version: latest.version,
    minFinishedTrainees: latest.min_finished_trainees.value,
    components: latest.components,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** A base's score under the formula, or undefined when it has too few finished trainees to rank. */
export function scoreBase(formula: ScoringFormula, figures: BaseFigures): BaseScore | undefined {
  if (figures.finished < formula.minFinishedTrainees) return undefined;
  const valueOf = (c: ScoringComponent): number | undefined => {
    switch (c.key) {
      case 'completion_rate':
        return figures.completed / figures.finished;
      case 'retention_rate':
        return figures.completed > 0 ? figures.retained / figures.completed : 0;
      case 'posts':
        return Math.min(1, figures.posts / (c.full_at ?? 1));
      case 'satisfaction':
        return figures.satisfaction === null ? undefined : Math.min(1, figures.satisfaction / (c.full_at ?? 5));
    }
  };
  const present = formula.components.flatMap((c) => {
    const value = valueOf(c);
    return value === undefined ? [] : [{ c, value }];
  });
  const totalWeight = present.reduce((sum, p) => sum + p.c.weight, 0);
  const components = present.map(({ c, value }) => ({
    key: c.key,
    label: c.label,
    value: round4(value),
    points: round4((100 * c.weight * value) / totalWeight),
  }));
  return { score: round4(components.reduce((sum, p) => sum + p.points, 0)), components };
}
