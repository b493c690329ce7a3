import { bankResultsImport } from '../benefits/bank-results.import.ts';
import { enterprisesImport } from '../enterprises/enterprises.import.ts';
import { WORKFORCE_IMPORT_KINDS } from '../workforce/workforce.imports.ts';
import type { ImportKind } from './import-kind.ts';

/**
 * Every import kind of SPEC §3, in the order an official loads them: the register first
 * (rosters refer to its enterprises), then the insured data, then the person registries.
 */
export const IMPORT_KINDS: readonly ImportKind<any>[] = [enterprisesImport, ...WORKFORCE_IMPORT_KINDS, bankResultsImport];

export function findImportKind(name: string): ImportKind<unknown> | undefined {
  return IMPORT_KINDS.find((k) => k.kind === name);
}
