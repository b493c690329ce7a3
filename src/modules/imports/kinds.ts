import type { ImportKind } from './import-kind.ts';

/**
 * Every import kind of SPEC §3, in the order an official loads them: the register first
 * (rosters refer to its enterprises), then the insured data, then the person registries.
 */
export const IMPORT_KINDS: readonly ImportKind<any>[] = [];

export function findImportKind(name: string): ImportKind<unknown> | undefined {
  return IMPORT_KINDS.find((k) => k.kind === name);
}
