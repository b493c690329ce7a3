import type { ImportKind } from '../imports/import-kind.ts';
import { contributionsImport } from './contributions.import.ts';
import { graduatesImport } from './graduates.import.ts';
import { povertyImport } from './poverty.import.ts';
import { rosterImport } from './roster.import.ts';
import { skillsImport } from './skills.import.ts';
import { titlesImport } from './titles.import.ts';
import { unemploymentImport } from './unemployment.import.ts';

/** The workforce import kinds of SPEC §3, for the import runner's list. */
export const WORKFORCE_IMPORT_KINDS: readonly ImportKind<unknown>[] = [
  rosterImport,
  contributionsImport,
  graduatesImport,
  skillsImport,
  titlesImport,
  unemploymentImport,
  povertyImport,
];
