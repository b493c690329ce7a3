import type { ImportKind } from '../imports/import-kind.ts';
import { contributionsImport } from './contributions/contributions.import.ts';
import { graduatesImport } from './registries/graduates.import.ts';
import { povertyImport } from './registries/poverty.import.ts';
import { rosterImport } from './roster/roster.import.ts';
import { skillsImport } from './registries/skills.import.ts';
import { titlesImport } from './registries/titles.import.ts';
import { unemploymentImport } from './registries/unemployment.import.ts';

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
