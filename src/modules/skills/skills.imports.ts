import type { ImportKind } from '../imports/import-kind.ts';
import { traineesImport } from './internships/trainees.import.ts';
import { trainingImport } from './training/training.import.ts';

/** The skills module's import kinds: training records, then internship trainees. */
export const SKILLS_IMPORT_KINDS: readonly ImportKind<any>[] = [trainingImport, traineesImport];
