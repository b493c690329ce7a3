import type { PersonRegistries } from './generate-registries.ts';
import type { Random } from './random.ts';

// Contribution bases stay between these, like the province's floor and ceiling (in yuan).
const MIN_BASE_YUAN = 4_000;
const MAX_BASE_YUAN = 30_000;

const DEGREE_FACTOR = { associate: 1.0, bachelor: 1.2, master: 1.5, doctor: 1.9 } as const;

/**
 * A monthly contribution base in whole yuan (as fen): log-normal around the enterprise's
 * median, higher with a degree, a title or a high skill level.
 */
export function drawBaseFen(random: Random, medianYuan: number, registries: PersonRegistries): number {
  let factor = Math.exp(random.normal(0, 0.3));
  if (registries.graduate) factor *= DEGREE_FACTOR[registries.graduate.degree];
  else factor *= 0.9;
  if (registries.title?.level === 'deputy_senior' || registries.title?.level === 'senior') factor *= 1.4;
  if (registries.skill && registries.skill.level <= 3) factor *= 1.15;
  return toBaseFen(medianYuan * factor);
}

/** The base after the yearly reset: 2–6 % higher, or a new job's base near the old one. */
export function raisedBaseFen(random: Random, baseFen: number): number {
  return toBaseFen((baseFen / 100) * (1.02 + random.next() * 0.04));
}

function toBaseFen(yuan: number): number {
  return Math.round(Math.min(MAX_BASE_YUAN, Math.max(MIN_BASE_YUAN, yuan))) * 100;
}
