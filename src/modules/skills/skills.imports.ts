import type { ImportKind } from '../imports/import-kind.ts';
import { traineesImport } from './internships/trainees.import.ts';
import { digitalEngineersImport } from './talent/digital-engineers.import.ts';
import { trainingImport } from './training/training.import.ts';

/** The skills module's import kinds: training records, internship trainees, 数字技术工程师 certificates. */
export const SKILLS_IMPORT_KINDS: readonly ImportKind<any>[] = [trainingImport, traineesImport, digitalEngineersImport];
